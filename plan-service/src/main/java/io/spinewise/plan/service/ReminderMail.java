package io.spinewise.plan.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.spinewise.plan.config.ReminderConfig;
import io.spinewise.plan.domain.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * A reminder mail in the patient's language ({@code reminders/mail_*.properties}; English when none was
 * chosen): text and HTML, a link to Today, and a one-click unsubscribe (RFC 8058). It names no plan, no
 * exercise, no diagnosis and no pain figure: only "your exercises". The Message-ID is built from the
 * reminder's id, so a mail sent twice (ReminderSender says when) is recognisably the same one.
 */
@ApplicationScoped
public class ReminderMail {

    @Inject
    Mailer mailer;

    @Inject
    ReminderConfig config;

    public void send(Patient patient, UUID reminderId, String unsubscribeToken) {
        ResourceBundle words = ResourceBundle.getBundle("reminders.mail",
                Locale.forLanguageTag(patient.language == null ? "en" : patient.language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String today = config.webUiUrl() + "/today";
        String unsubscribe = unsubscribeUrl(unsubscribeToken);
        String greeting = MessageFormat.format(words.getString("greeting"), patient.firstName);
        String text = greeting + "\n\n" + words.getString("body") + "\n\n" + words.getString("open") + ": " + today
                + "\n\n-- \n" + words.getString("why") + "\n" + words.getString("unsubscribe") + ": " + unsubscribe
                + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + words.getLocale().getLanguage() + "\"><body>"
                + "<p>" + escape(greeting) + "</p><p>" + escape(words.getString("body")) + "</p>"
                + "<p><a href=\"" + escape(today) + "\">" + escape(words.getString("open")) + "</a></p>"
                + "<hr><p><small>" + escape(words.getString("why")) + " <a href=\"" + escape(unsubscribe) + "\">"
                + escape(words.getString("unsubscribe")) + "</a></small></p></body></html>";
        mailer.send(Mail.withText(patient.email, words.getString("subject"), text).setHtml(html)
                .setFrom(config.from())
                .addHeader("Message-ID", messageId(reminderId))
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    public String messageId(UUID reminderId) {
        return "<reminder-" + reminderId + "@" + config.messageIdDomain() + ">";
    }

    public String unsubscribeUrl(String token) {
        return config.webUiUrl() + "/reminders/unsubscribe/" + token;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
