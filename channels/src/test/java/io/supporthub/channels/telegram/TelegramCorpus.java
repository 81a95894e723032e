package io.supporthub.channels.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.channels.testing.TestCorpus;

/** Reads the third-party Telegram payloads in the test resources ({@code corpus/telegram}). */
final class TelegramCorpus {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TelegramCorpus() {
    }

    static Path dir() {
        return TestCorpus.dir("telegram");
    }

    static String read(String relative) {
        try {
            return Files.readString(dir().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An aiogram bare message wrapped as an update: {"update_id":id,"<kind>":message}. */
    static String aiogramUpdate(String name, String kind, long updateId) {
        try {
            ObjectNode update = MAPPER.createObjectNode().put("update_id", updateId);
            update.set(kind, MAPPER.readTree(read("aiogram-v2-dataset/" + name + ".json")));
            return update.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The updates in a telegrambots-java getUpdates answer ({"ok":true,"result":[...]}) or a bare update file. */
    static List<String> telegrambotsUpdates(String name) {
        try {
            JsonNode tree = MAPPER.readTree(read("telegrambots-java/" + name));
            JsonNode result = tree.has("result") ? tree.get("result") : tree;
            List<String> updates = new ArrayList<>();
            if (result.isArray()) {
                result.forEach(u -> updates.add(u.toString()));
            } else {
                updates.add(result.toString());
            }
            return updates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
