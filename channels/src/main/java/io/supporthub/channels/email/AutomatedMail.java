package io.supporthub.channels.email;

import jakarta.mail.Part;
import java.util.Locale;

/**
 * Recognises mail no person wrote: auto-replies, out-of-office notices, bounces and list mail. Such mail is stored
 * but must never be acknowledged or reopen a ticket (mail loops).
 */
final class AutomatedMail {

    private AutomatedMail() {
    }

    /** Why the mail is automated, or null when a person wrote it. */
    static String reason(Part message, String senderEmail, String contentType) {
        String autoSubmitted = MimeParts.header(message, "Auto-Submitted");
        if (autoSubmitted != null && !token(autoSubmitted).equals("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        String precedence = MimeParts.header(message, "Precedence");
        if (precedence != null && java.util.Set.of("bulk", "junk", "list", "auto_reply").contains(token(precedence))) {
            return "Precedence: " + precedence.strip();
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "List-Id",
                "List-Unsubscribe"}) {
            if (MimeParts.header(message, header) != null) {
                return header + " header";
            }
        }
        if (senderEmail != null) {
            String local = senderEmail.substring(0, Math.max(0, senderEmail.indexOf('@'))).toLowerCase(Locale.ROOT);
            if (local.equals("mailer-daemon") || local.equals("postmaster")) {
                return "sent by " + senderEmail;
            }
        }
        if (MimeParts.baseType(contentType).equals("multipart/report")) {
            return "a multipart/report";
        }
        return null;
    }

    private static String token(String value) {
        return value.strip().toLowerCase(Locale.ROOT).split("[;\\s]", 2)[0];
    }
}
