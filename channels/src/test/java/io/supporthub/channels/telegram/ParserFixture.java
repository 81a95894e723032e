package io.supporthub.channels.telegram;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.InboundMessage;

/** A parser wired to a fake Bot API that serves every file an update names. */
final class ParserFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    final FakeTelegramBotApi telegram;
    final TelegramApiClient api;
    final TelegramUpdateParser parser;

    ParserFixture(boolean allowGroups, long maxFileBytes) throws Exception {
        telegram = FakeTelegramBotApi.start();
        api = new TelegramApiClient(telegram.settings().withAllowGroups(allowGroups).withMaxFileBytes(maxFileBytes));
        parser = new TelegramUpdateParser(api.mapper(), new TelegramMediaFetcher(api), allowGroups,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    ParserFixture() throws Exception {
        this(false, TelegramSettings.BOT_API_DOWNLOAD_LIMIT);
    }

    /** Serves each file_id in the update as {@code files/<id>} holding "content of <id>". */
    List<ChannelEvent> parse(String update) throws Exception {
        serveFiles(new ObjectMapper().readTree(update));
        return parser.parse(update);
    }

    InboundMessage parseMessage(String update) throws Exception {
        List<ChannelEvent> events = parse(update);
        if (events.size() != 1 || !(events.get(0) instanceof InboundMessage message)) {
            throw new AssertionError("expected one InboundMessage, got " + events);
        }
        return message;
    }

    static byte[] contentOf(String fileId) {
        return ("content of " + fileId).getBytes(StandardCharsets.UTF_8);
    }

    private void serveFiles(JsonNode node) {
        if (node.isObject()) {
            JsonNode id = node.get("file_id");
            if (id != null && id.isTextual()) {
                telegram.addFile(id.asText(), "files/" + id.asText(), contentOf(id.asText()));
            }
        }
        node.forEach(this::serveFiles);
    }

    @Override
    public void close() {
        api.close();
        telegram.close();
    }
}
