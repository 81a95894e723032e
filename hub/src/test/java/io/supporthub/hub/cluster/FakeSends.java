package io.supporthub.hub.cluster;

import com.icegreen.greenmail.util.GreenMail;
import io.supporthub.channels.sms.FakeTwilioApi;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.viber.FakeViberApi;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Everything the fakes received from the hub: each message sent, as its provider saw it. */
final class FakeSends {

    /** One message a provider accepted from the hub; {@code messageId} only for mail. */
    record Sent(String channel, String text, String messageId) {
    }

    private FakeSends() {
    }

    static List<Sent> all(FakeTelegramBotApi telegram, FakeViberApi viber, int viberCustomers, FakeTwilioApi twilio,
                          GreenMail mail) {
        List<Sent> sent = new ArrayList<>();
        telegram.sentMessages().forEach(m -> sent.add(new Sent("telegram", m.text(), null)));
        IntStream.range(0, viberCustomers).forEach(c -> viber.messagesTo(ProviderRequests.viberUser(c))
                .forEach(m -> sent.add(new Sent("viber", m.path("text").asText(), null))));
        twilio.sentMessages().forEach(m -> sent.add(new Sent("sms", m.body(), null)));
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (!toSupport(message)) {
                sent.add(new Sent("email", text(message), header(message, "Message-ID")));
            }
        }
        return sent;
    }

    /** Mails sent more than once, recognised by their Message-ID. */
    static int repeatedMessageIds(List<Sent> sent) {
        List<String> ids = sent.stream().filter(s -> s.channel().equals("email")).map(Sent::messageId).toList();
        return ids.size() - (int) ids.stream().distinct().count();
    }

    private static boolean toSupport(MimeMessage message) {
        try {
            jakarta.mail.Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(ClusterSettings.SUPPORT_MAILBOX));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, " ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text parts of a mail, joined. */
    private static String text(jakarta.mail.Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(text(multipart.getBodyPart(i))).append('\n');
                }
                return all.toString();
            }
            return content instanceof String text ? text : "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
