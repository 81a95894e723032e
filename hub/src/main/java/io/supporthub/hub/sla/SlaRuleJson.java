package io.supporthub.hub.sla;

import io.supporthub.hub.calendar.WeekdayKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule's JSON: {@code {"id", "name", "position", "enabled", "conditions": {"typeIds", "priorityIds", "categoryIds",
 * "companyIds", "channels", "weekdays": ["mon", ...], "time": {"from": "09:00", "to": "18:00"} | null},
 * "calendarId", "responseSeconds", "resolutionSeconds"}}; the defaults' {@code {"calendarId", "responseSeconds",
 * "resolutionSeconds"}}. A body of the wrong shape answers 400, a value out of range 422.
 */
final class SlaRuleJson {

    /** The longest standard: ten years of working time, as the calendar arithmetic takes. */
    static final int MAX_STANDARD = 3653 * 86_400;

    private SlaRuleJson() {
    }

    static ObjectNode toJson(SlaRule rule) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", rule.id());
        node.put("name", rule.name());
        node.put("position", rule.position());
        node.put("enabled", rule.enabled());
        SlaConditions c = rule.conditions();
        ObjectNode conditions = node.putObject("conditions");
        ids(conditions.putArray("typeIds"), c.typeIds());
        ids(conditions.putArray("priorityIds"), c.priorityIds());
        ids(conditions.putArray("categoryIds"), c.categoryIds());
        ids(conditions.putArray("companyIds"), c.companyIds());
        ArrayNode channels = conditions.putArray("channels");
        Arrays.stream(ChannelKind.values()).map(ChannelKind::wireName).filter(c.channels()::contains).forEach(channels::add);
        ArrayNode weekdays = conditions.putArray("weekdays");
        WeekdayKeys.DAYS.forEach((key, day) -> {
            if (c.weekdays().contains(day)) {
                weekdays.add(key);
            }
        });
        if (c.fromSecond() == null) {
            conditions.putNull("time");
        } else {
            ObjectNode time = conditions.putObject("time");
            time.put("from", clock(c.fromSecond()));
            time.put("to", clock(c.toSecond()));
        }
        putNullable(node, "calendarId", rule.calendarId());
        putNullable(node, "responseSeconds", rule.responseSeconds() == null ? null : rule.responseSeconds().longValue());
        putNullable(node, "resolutionSeconds", rule.resolutionSeconds() == null ? null : rule.resolutionSeconds().longValue());
        return node;
    }

    static ObjectNode toJson(SlaDefaults defaults) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        putNullable(node, "calendarId", defaults.calendarId());
        putNullable(node, "responseSeconds", defaults.responseSeconds() == null ? null : defaults.responseSeconds().longValue());
        putNullable(node, "resolutionSeconds", defaults.resolutionSeconds() == null ? null : defaults.resolutionSeconds().longValue());
        return node;
    }

    /**
     * The rule a body describes, over {@code current} (a PATCH changes only the fields given, and within
     * {@code conditions} only the keys given); {@code current} null for a new rule (then {@code name} is required).
     */
    static SlaRule rule(JsonNode body, SlaRule current) {
        if (!body.isObject()) {
            throw Refusal.invalid("the body must be a JSON object");
        }
        String name = current == null ? null : current.name();
        if (body.has("name") || current == null) {
            name = Json.optText(body, "name");
            if (name == null || name.isBlank()) {
                throw Refusal.invalid("'name' is required");
            }
            name = name.strip();
            if (name.length() > 100) {
                throw Refusal.invalid("'name' must have 1 to 100 characters");
            }
        }
        boolean enabled = current == null || current.enabled();
        if (body.has("enabled")) {
            JsonNode node = body.get("enabled");
            if (!node.isBoolean()) {
                throw Refusal.invalid("'enabled' must be true or false");
            }
            enabled = node.asBoolean();
        }
        SlaConditions conditions = conditions(body.get("conditions"), current == null ? SlaConditions.NONE : current.conditions());
        Long calendarId = current == null ? null : current.calendarId();
        if (body.has("calendarId")) {
            calendarId = Json.optLong(body, "calendarId");
        }
        Integer response = standard(body, "responseSeconds", current == null ? null : current.responseSeconds());
        Integer resolution = standard(body, "resolutionSeconds", current == null ? null : current.resolutionSeconds());
        return new SlaRule(current == null ? 0 : current.id(), name, current == null ? 0 : current.position(), enabled,
                conditions, calendarId, response, resolution);
    }

    static SlaDefaults defaults(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.invalid("the body must be a JSON object {calendarId?, responseSeconds?, resolutionSeconds?}");
        }
        return new SlaDefaults(Json.optLong(body, "calendarId"), standard(body, "responseSeconds", null),
                standard(body, "resolutionSeconds", null));
    }

    private static Integer standard(JsonNode body, String field, Integer current) {
        if (!body.has(field)) {
            return current;
        }
        Long seconds = Json.optLong(body, field);
        if (seconds == null) {
            return null;
        }
        if (seconds < 0) {
            throw Refusal.unprocessable("'" + field + "' must not be negative");
        }
        if (seconds > MAX_STANDARD) {
            throw Refusal.unprocessable("'" + field + "' must be at most ten years of working time");
        }
        return seconds.intValue();
    }

    private static SlaConditions conditions(JsonNode node, SlaConditions current) {
        if (node == null || node.isNull()) {
            return current;
        }
        if (!node.isObject()) {
            throw Refusal.invalid("'conditions' must be an object {typeIds, priorityIds, categoryIds, companyIds, "
                    + "channels, weekdays, time}");
        }
        Set<String> known = Set.of("typeIds", "priorityIds", "categoryIds", "companyIds", "channels", "weekdays", "time");
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw Refusal.invalid("'conditions': unknown condition '" + field + "'");
            }
        });
        Set<Long> types = node.has("typeIds") ? ids(node.get("typeIds"), "typeIds") : current.typeIds();
        Set<Long> priorities = node.has("priorityIds") ? ids(node.get("priorityIds"), "priorityIds") : current.priorityIds();
        Set<Long> categories = node.has("categoryIds") ? ids(node.get("categoryIds"), "categoryIds") : current.categoryIds();
        Set<Long> companies = node.has("companyIds") ? ids(node.get("companyIds"), "companyIds") : current.companyIds();
        Set<String> channels = node.has("channels") ? channels(node.get("channels")) : current.channels();
        Set<DayOfWeek> weekdays = node.has("weekdays") ? weekdays(node.get("weekdays")) : current.weekdays();
        Integer from = current.fromSecond();
        Integer to = current.toSecond();
        if (node.has("time")) {
            JsonNode time = node.get("time");
            if (time.isNull()) {
                from = null;
                to = null;
            } else if (!time.isObject() || !time.path("from").isTextual() || !time.path("to").isTextual()) {
                throw Refusal.invalid("'conditions.time' must be {\"from\": \"09:00\", \"to\": \"18:00\"} or null");
            } else {
                from = second(time.get("from").asText(), false);
                to = second(time.get("to").asText(), true);
            }
        }
        try {
            return new SlaConditions(types, priorities, categories, companies, channels, weekdays, from, to);
        } catch (IllegalArgumentException e) {
            throw Refusal.unprocessable("'conditions.time': " + e.getMessage());
        }
    }

    private static Set<Long> ids(JsonNode list, String field) {
        if (list.isNull()) {
            return Set.of();
        }
        if (!list.isArray()) {
            throw Refusal.invalid("'conditions." + field + "' must be a list of ids");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode id : list) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw Refusal.invalid("'conditions." + field + "' must be a list of ids");
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    private static Set<String> channels(JsonNode list) {
        if (list.isNull()) {
            return Set.of();
        }
        if (!list.isArray()) {
            throw Refusal.invalid("'conditions.channels' must be a list such as [\"email\", \"telegram\"]");
        }
        Set<String> channels = new LinkedHashSet<>();
        for (JsonNode channel : list) {
            if (!channel.isTextual()) {
                throw Refusal.invalid("'conditions.channels' must be a list such as [\"email\", \"telegram\"]");
            }
            try {
                channels.add(ChannelKind.fromWire(channel.asText()).wireName());
            } catch (IllegalArgumentException e) {
                throw Refusal.unprocessable("'conditions.channels': " + e.getMessage());
            }
        }
        return channels;
    }

    private static Set<DayOfWeek> weekdays(JsonNode list) {
        if (list.isNull()) {
            return Set.of();
        }
        if (!list.isArray()) {
            throw Refusal.invalid("'conditions.weekdays' must be a list such as [\"mon\", \"tue\"]");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode day : list) {
            DayOfWeek weekday = day.isTextual() ? WeekdayKeys.DAYS.get(day.asText()) : null;
            if (weekday == null) {
                throw Refusal.unprocessable("'conditions.weekdays': unknown weekday " + day
                        + " (use " + String.join(", ", WeekdayKeys.DAYS.keySet()) + ")");
            }
            days.add(weekday);
        }
        return days;
    }

    /** "HH:MM" into seconds of the day; 24:00 only as an end. */
    private static int second(String text, boolean end) {
        String[] parts = text.strip().split(":");
        try {
            if (parts.length == 2 && parts[0].length() == 2 && parts[1].length() == 2) {
                int hours = Integer.parseInt(parts[0]);
                int minutes = Integer.parseInt(parts[1]);
                if (hours == 24 && minutes == 0 && end) {
                    return 86_400;
                }
                if (hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60) {
                    return hours * 3600 + minutes * 60;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw Refusal.unprocessable("'conditions.time': '" + text + "' is not a time of day HH:MM"
                + (end ? " (00:00 to 24:00)" : " (00:00 to 23:59)"));
    }

    static String clock(int second) {
        return String.format("%02d:%02d", second / 3600, second % 3600 / 60);
    }

    private static void ids(ArrayNode array, Set<Long> ids) {
        ids.stream().sorted().forEach(array::add);
    }

    private static void putNullable(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    static String names(java.util.Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
