package io.spinewise.launcher;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local mail server of {@code ./spinewise up}: a mail sent to its SMTP port, as plan-service sends a
 * reminder, is read back over IMAP with the login the launcher prints (the address, as login and password).
 */
class MailServerTest {

    @Test
    void aMailSentOverSmtpIsReadOverImapWithTheAddressAsLoginAndPassword() throws Exception {
        MailServer mail = new MailServer(freePort(), freePort());
        mail.start(Duration.ofSeconds(30));
        try {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "localhost");
            smtp.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
            MimeMessage sent = new MimeMessage(Session.getInstance(smtp));
            sent.setFrom(new InternetAddress("reminders@spinewise.invalid"));
            sent.setRecipient(Message.RecipientType.TO, new InternetAddress("paul@north.example"));
            sent.setSubject("Time for your exercises");
            sent.setText("a session of your home exercises is still open today");
            Transport.send(sent);

            String url = mail.url();
            int imapPort = Integer.parseInt(url.substring("imap://localhost:".length(), url.indexOf(' ')));
            Properties imap = new Properties();
            imap.put("mail.imap.port", Integer.toString(imapPort));
            try (Store store = Session.getInstance(imap).getStore("imap")) {
                store.connect("localhost", "paul@north.example", "paul@north.example");
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessages()).singleElement()
                        .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Time for your exercises"));
                inbox.close(false);
            }
        } finally {
            mail.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
