package io.spinewise.e2e;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The mails of one address on the local mail server of {@code ./spinewise up}, read over IMAP as a person would. */
final class Mailbox {

    private Mailbox() {
    }

    /** The subjects in the address's inbox; none while it has received nothing. */
    static List<String> subjects(String address, int imapPort) throws MessagingException {
        Properties imap = new Properties();
        imap.put("mail.imap.port", Integer.toString(imapPort));
        List<String> subjects = new ArrayList<>();
        try (Store store = Session.getInstance(imap).getStore("imap")) {
            try {
                store.connect("localhost", address, address);
            } catch (AuthenticationFailedException noMailYet) {
                // the server makes the login when the first mail for the address arrives
                return subjects;
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
        }
        return subjects;
    }
}
