package io.spinewise.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP port that stands for a server which is down in one of its two ways: closed
 * (connections refused at once) or hung (connections accepted, never answered). A caller's
 * timeouts are only proven by the second.
 */
public final class SilentPort {

    private final int port = JarProcess.freePort();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private ServerSocket server;

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** How many connections the port accepted while hung. */
    public int connections() {
        return accepted.get();
    }

    /** Accept connections and hold them without a byte of answer. */
    public synchronized void hang() {
        if (server != null) {
            return;
        }
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    held.add(listening.accept());
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-port-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Refuse connections: nothing listens on the port any more. */
    public synchronized void close() {
        try {
            if (server != null) {
                server.close();
            }
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        held.clear();
        server = null;
    }
}
