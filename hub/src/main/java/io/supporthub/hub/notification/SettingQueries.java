package io.supporthub.hub.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/** SQL on the {@code setting} table (key → JSON), within the caller's transaction. */
public final class SettingQueries {

    private final Handle handle;

    public SettingQueries(Handle handle) {
        this.handle = handle;
    }

    public Optional<JsonNode> read(String key) {
        return handle.createQuery("select value::text from setting where key = :key")
                .bind("key", key)
                .mapTo(String.class)
                .findOne()
                .map(SettingQueries::parse);
    }

    public void write(String key, Object value, Instant now) {
        String json = toJson(key, value);
        handle.createUpdate("insert into setting (key, value, updated_at) values (:key, cast(:value as jsonb), :now) "
                        + "on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at")
                .bind("key", key)
                .bind("value", json)
                .bind("now", now)
                .execute();
    }

    /**
     * The setting, written first with {@code initial} when absent. Of nodes racing to write it, one wins and all read
     * its value.
     */
    public JsonNode readOrCreate(String key, Object initial, Instant now) {
        handle.createUpdate("insert into setting (key, value, updated_at) values (:key, cast(:value as jsonb), :now) "
                        + "on conflict (key) do nothing")
                .bind("key", key).bind("value", toJson(key, initial)).bind("now", now).execute();
        return read(key).orElseThrow();
    }

    private static String toJson(String key, Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("setting " + key + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the setting table holds malformed JSON: " + e.getMessage(), e);
        }
    }
}
