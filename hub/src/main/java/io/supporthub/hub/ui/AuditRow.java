package io.supporthub.hub.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.supporthub.hub.audit.AuditEntry;
import io.supporthub.hub.web.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An audit row for the admin page: who, what, when, from where, and the fields that changed. */
public record AuditRow(long id, String time, String actor, String action, String target, String clientAddress,
                       String note, List<String> changes) {

    private static final int VALUE_SHOWN = 80;

    static AuditRow of(AuditEntry entry, java.time.ZoneId zone) {
        return new AuditRow(entry.id(), Format.dayTime(entry.at(), zone), entry.actorEmail(), entry.action(), entry.target(),
                entry.clientAddress(), entry.note(), changes(read(entry.before()), read(entry.after())));
    }

    /** Each top-level field that differs, as "field: before → after" (or only the side there is). */
    private static List<String> changes(JsonNode before, JsonNode after) {
        Set<String> fields = new LinkedHashSet<>();
        names(before, fields);
        names(after, fields);
        List<String> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = before == null ? null : before.get(field);
            JsonNode now = after == null ? null : after.get(field);
            if (was != null && was.equals(now)) {
                continue;
            }
            if (before == null) {
                changes.add(field + ": " + shown(now));
            } else if (after == null) {
                changes.add(field + " was " + shown(was));
            } else {
                changes.add(field + ": " + shown(was) + " → " + shown(now));
            }
        }
        return changes;
    }

    private static void names(JsonNode node, Set<String> fields) {
        if (node != null && node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                fields.add(names.next());
            }
        }
    }

    private static String shown(JsonNode value) {
        String text = value == null || value instanceof NullNode ? "none" : value.isTextual() ? value.asText() : value.toString();
        return text.length() > VALUE_SHOWN ? text.substring(0, VALUE_SHOWN - 1) + "…" : text;
    }

    private static JsonNode read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_log holds malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
