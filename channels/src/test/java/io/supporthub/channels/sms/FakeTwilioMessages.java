package io.supporthub.channels.sms;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The message log and media of {@link FakeTwilioApi}, rendered as Twilio's JSON. */
final class FakeTwilioMessages {

    record StoredMessage(String sid, String direction, String from, String to, String messagingServiceSid,
                         String body, String status, Instant dateSent, Instant dateCreated) {
    }

    record StoredMedia(String sid, String messageSid, String contentType, byte[] content) {
    }

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    /** Twilio writes its listings as {@code {"key": "value", ...}}: what a client keeps must be these bytes. */
    private static final MinimalPrettyPrinter TWILIO_SPACING = new MinimalPrettyPrinter() {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    };

    private final ObjectMapper json = new ObjectMapper();
    private final String accountSid;
    private final List<StoredMessage> messages = new CopyOnWriteArrayList<>();
    private final Map<String, StoredMedia> media = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile int forcedPageSize;

    FakeTwilioMessages(String accountSid) {
        this.accountSid = accountSid;
    }

    StoredMessage add(String direction, String from, String to, String service, String body, String status,
                      Instant dateSent) {
        String sid = "SM" + hex32();
        StoredMessage message = new StoredMessage(sid, direction, from, to, service, body, status, dateSent,
                dateSent == null ? Instant.now() : dateSent);
        messages.add(message);
        return message;
    }

    String addMedia(String messageSid, byte[] content, String contentType) {
        String sid = "ME" + hex32();
        media.put(sid, new StoredMedia(sid, messageSid, contentType, content.clone()));
        return sid;
    }

    boolean hasMedia(String mediaSid) {
        return media.containsKey(mediaSid);
    }

    StoredMedia media(String mediaSid) {
        return media.get(mediaSid);
    }

    void forcePageSize(int rows) {
        this.forcedPageSize = rows;
    }

    /** A page of {@code GET Messages.json}: filters To, From, DateSent>, newest first, Page/PageSize paging. */
    String page(Map<String, List<String>> query) {
        String to = TwilioForm.first(query, "To");
        String from = TwilioForm.first(query, "From");
        String after = TwilioForm.first(query, "DateSent>");
        Instant since = after == null ? null : parseDate(after);
        List<StoredMessage> matching = new ArrayList<>();
        for (StoredMessage m : messages) {
            if ((to == null || to.equals(m.to())) && (from == null || from.equals(m.from()))
                    && (since == null || (m.dateSent() != null && !m.dateSent().isBefore(since)))) {
                matching.add(m);
            }
        }
        matching.sort(Comparator.comparing(StoredMessage::dateCreated).reversed());
        int size = forcedPageSize > 0 ? forcedPageSize : intOr(TwilioForm.first(query, "PageSize"), 50);
        int page = intOr(TwilioForm.first(query, "Page"), 0);
        int start = Math.min(page * size, matching.size());
        int end = Math.min(start + size, matching.size());
        ArrayNode records = json.createArrayNode();
        matching.subList(start, end).forEach(m -> records.add(node(m)));
        String base = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        String filters = (to == null ? "" : "To=" + enc(to) + "&") + (from == null ? "" : "From=" + enc(from) + "&")
                + (after == null ? "" : "DateSent%3E=" + enc(after) + "&");
        ObjectNode root = json.createObjectNode();
        root.put("first_page_uri", base + "?" + filters + "PageSize=" + size + "&Page=0");
        root.put("end", Math.max(start, end - 1));
        root.set("messages", records);
        if (end < matching.size()) {
            root.put("next_page_uri", base + "?" + filters + "PageSize=" + size + "&Page=" + (page + 1)
                    + "&PageToken=PASM" + matching.get(end - 1).sid().substring(2));
        } else {
            root.putNull("next_page_uri");
        }
        root.put("page", page);
        root.put("page_size", size);
        root.putNull("previous_page_uri");
        root.put("start", start);
        root.put("uri", base + "?" + filters + "PageSize=" + size + "&Page=" + page);
        try {
            return json.writer(TWILIO_SPACING).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String mediaPage(String messageSid) {
        ArrayNode list = json.createArrayNode();
        media.values().stream().filter(m -> m.messageSid().equals(messageSid))
                .sorted(Comparator.comparing(StoredMedia::sid))
                .forEach(m -> {
                    ObjectNode node = list.addObject();
                    node.put("account_sid", accountSid);
                    node.put("content_type", m.contentType());
                    node.put("date_created", RFC_2822.format(Instant.now()));
                    node.put("date_updated", RFC_2822.format(Instant.now()));
                    node.put("parent_sid", messageSid);
                    node.put("sid", m.sid());
                    node.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + messageSid + "/Media/"
                            + m.sid() + ".json");
                });
        String base = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + messageSid + "/Media.json";
        ObjectNode root = json.createObjectNode();
        root.put("end", Math.max(0, list.size() - 1));
        root.put("first_page_uri", base + "?PageSize=50&Page=0");
        root.set("media_list", list);
        root.putNull("next_page_uri");
        root.put("page", 0);
        root.put("page_size", 50);
        root.putNull("previous_page_uri");
        root.put("start", 0);
        root.put("uri", base + "?PageSize=50&Page=0");
        return root.toString();
    }

    String json(StoredMessage message) {
        return node(message).toString();
    }

    String error(int status, int code, String message) {
        ObjectNode root = json.createObjectNode();
        root.put("code", code);
        root.put("message", message);
        root.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        root.put("status", status);
        return root.toString();
    }

    private ObjectNode node(StoredMessage m) {
        long numMedia = media.values().stream().filter(x -> x.messageSid().equals(m.sid())).count();
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + m.sid();
        ObjectNode node = json.createObjectNode();
        node.put("account_sid", accountSid);
        node.put("api_version", "2010-04-01");
        node.put("body", m.body());
        node.put("date_created", RFC_2822.format(m.dateCreated()));
        if (m.dateSent() == null) {
            node.putNull("date_sent");
        } else {
            node.put("date_sent", RFC_2822.format(m.dateSent()));
        }
        node.put("date_updated", RFC_2822.format(m.dateCreated()));
        node.put("direction", m.direction());
        node.putNull("error_code");
        node.putNull("error_message");
        node.put("from", m.from());
        node.put("messaging_service_sid", m.messagingServiceSid());
        node.put("num_media", Long.toString(numMedia));
        node.put("num_segments", Integer.toString(Math.max(1, SmsSegments.of(m.body()).segments())));
        node.putNull("price");
        node.put("price_unit", "USD");
        node.put("sid", m.sid());
        node.put("status", m.status());
        node.putObject("subresource_uris").put("media", uri + "/Media.json");
        node.put("to", m.to());
        node.put("uri", uri + ".json");
        return node;
    }

    private String hex32() {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(0x5e55105L).putLong(counter.incrementAndGet()).array());
    }

    private static Instant parseDate(String value) {
        return value.length() <= 10
                ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                : LocalDateTime.parse(value.replace("Z", "")).toInstant(ZoneOffset.UTC);
    }

    private static int intOr(String value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
