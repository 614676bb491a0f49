package io.spinewise.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds out before anything starts whether the ports the stack needs are already taken. */
final class PortCheck {

    private PortCheck() {
    }

    /** The ports in use, as "8081 (catalog-service)"; empty when all are free. */
    static List<String> taken(Map<Integer, String> ports) {
        List<String> taken = new ArrayList<>();
        ports.forEach((port, owner) -> {
            if (!isFree(port)) {
                taken.add(port + " (" + owner + ")");
            }
        });
        return taken;
    }

    /** "port 8080 (web-ui) is" or "ports 8080 (web-ui), 8081 (catalog-service) are", for a sentence. */
    static String describe(List<String> taken) {
        return (taken.size() == 1 ? "port " : "ports ") + String.join(", ", taken) + (taken.size() == 1 ? " is" : " are");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
