package io.spinewise.plan;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;

/** The decoded text of a mail: every text part (plain and HTML) after transfer decoding. */
final class Mails {

    private Mails() {
    }

    static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.append(text(child)).append('\n');
            }
            return all.toString();
        }
        return content instanceof String s ? s : "";
    }
}
