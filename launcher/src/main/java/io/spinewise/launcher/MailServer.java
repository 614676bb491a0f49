package io.spinewise.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A real SMTP server on this machine (GreenMail, in the launcher's own JVM) that plan-service sends its reminder
 * mails to, and an IMAP server to read them with any mail program. GreenMail keeps every mail it receives, for any
 * address, in memory (until {@code ./spinewise down}) and makes the address a login whose password is the address
 * itself, e.g. {@code paul@north.example} / {@code paul@north.example}.
 */
final class MailServer implements Part {

    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;

    private final int smtpPort;
    private final int imapPort;
    private GreenMail server;

    MailServer(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public synchronized void start(Duration timeout) {
        // loopback only: a local development server that accepts any mail for anyone
        server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public Path logFile() {
        return null;
    }

    /** Where the reminder mails are read: IMAP, with the login GreenMail gives each address. */
    @Override
    public String url() {
        return "imap://localhost:" + imapPort + " (login and password: the recipient's address;"
                + " SMTP for plan-service on localhost:" + smtpPort + ")";
    }

    /** The SMTP port plan-service sends to. */
    int smtpPort() {
        return smtpPort;
    }
}
