package io.supporthub.channels.sms;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.rest.api.v2010.account.message.Media;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.UnprocessablePayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds inbound SMS the hub missed. Twilio retries an inbound webhook at most once, and only when the connection
 * fails, so a hub that was down loses messages unless it looks: this lists inbound messages through the REST API
 * (Messages resource, {@code DateSent>} the given instant, all pages) and turns those the hub does not have into the
 * same events as the webhook (media downloaded, opt-out keywords honoured).
 */
public final class TwilioReconciler {

    private static final Logger log = LoggerFactory.getLogger(TwilioReconciler.class);

    private final TwilioRestClient client;
    private final TwilioInboundParser parser;
    private final List<String> ourNumbers;

    /**
     * @param ourNumbers the numbers whose inbound messages to list ({@code To=}), or empty for every message of the
     *                   account
     */
    public TwilioReconciler(TwilioRestClient client, TwilioInboundParser parser, List<String> ourNumbers) {
        this.client = client;
        this.parser = parser;
        this.ourNumbers = List.copyOf(ourNumbers);
    }

    /**
     * The events of inbound messages sent at or after {@code since} whose MessageSid the hub has not stored, oldest
     * first; each message's events are adjacent (the message, then a reachability change for STOP/START).
     *
     * @param isStored whether the hub already has an SMS with this MessageSid (checked before media are downloaded)
     * @throws IOException when Twilio cannot be listed now; the next run tries again
     */
    public List<ChannelEvent> missedSince(Instant since, Predicate<String> isStored) throws IOException {
        Map<String, Message> missed = new LinkedHashMap<>();
        try {
            for (String number : ourNumbers.isEmpty() ? Collections.<String>singletonList(null) : ourNumbers) {
                MessageReader reader = Message.reader()
                        .setDateSentAfter(since.atZone(ZoneOffset.UTC))
                        .setPageSize(100L);
                if (number != null) {
                    reader.setTo(number);
                }
                for (Message message : reader.read(client)) {
                    if (message.getDirection() == Message.Direction.INBOUND && !sentBefore(message, since)
                            && !isStored.test(message.getSid())) {
                        missed.putIfAbsent(message.getSid(), message);
                    }
                }
            }
        } catch (TwilioException e) {
            throw new IOException("listing Twilio messages since " + since + " failed: " + e.getMessage(), e);
        }
        List<Message> ordered = new ArrayList<>(missed.values());
        ordered.sort(Comparator.comparing(TwilioReconciler::sentAt));
        List<ChannelEvent> events = new ArrayList<>();
        for (Message message : ordered) {
            try {
                events.addAll(parser.parse(form(message), sentAt(message)));
            } catch (UnprocessablePayloadException e) {
                log.warn("Twilio message {} found by reconciliation is not importable: {}", message.getSid(),
                        e.getMessage());
            }
        }
        if (!events.isEmpty()) {
            log.info("reconciliation found {} inbound SMS missed since {}", ordered.size(), since);
        }
        return events;
    }

    private Map<String, List<String>> form(Message message) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", message.getSid());
        form.put("From", message.getFrom() == null ? null : message.getFrom().toString());
        form.put("To", message.getTo());
        form.put("Body", message.getBody());
        int numMedia = message.getNumMedia() == null ? 0 : Integer.parseInt(message.getNumMedia().strip());
        if (numMedia > 0) {
            int i = 0;
            try {
                for (Media media : Media.reader(message.getSid()).read(client)) {
                    String uri = media.getUri().replaceFirst("\\.json$", "");
                    form.put("MediaUrl" + i, TwilioApiHttpClient.TWILIO_API_ORIGIN + uri);
                    form.put("MediaContentType" + i, media.getContentType());
                    i++;
                }
            } catch (TwilioException e) {
                throw new IOException("listing media of Twilio message " + message.getSid() + " failed: "
                        + e.getMessage(), e);
            }
            numMedia = i;
        }
        form.put("NumMedia", Integer.toString(numMedia));
        return TwilioForm.of(form);
    }

    private static boolean sentBefore(Message message, Instant since) {
        return sentAt(message).isBefore(since);
    }

    private static Instant sentAt(Message message) {
        if (message.getDateSent() != null) {
            return message.getDateSent().toInstant();
        }
        return message.getDateCreated() == null ? Instant.EPOCH : message.getDateCreated().toInstant();
    }
}
