package io.supporthub.hub.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.hub.calendar.ServiceCalendar.Interval;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calendar's JSON: {@code {"name", "timeZone", "default", "hours": {"mon": [["09:00", "18:00"]], ...},
 * "exceptions": [{"date": "2026-12-31", "hours": [["09:00", "14:00"]]}, {"date": "2027-01-01", "hours": []}]}}.
 * An exception may also carry {@code "name"} and {@code "imported": true} (a holiday imported and not yet checked);
 * {@code "reviewed": true} clears the mark, as does sending the day without it.
 * A body of the wrong shape answers 400; a calendar that is not valid (bad times, overlaps, no working time, an
 * unknown time zone) answers 422 with the reason.
 */
final class CalendarJson {

    private CalendarJson() {
    }

    /** A calendar from a request body. */
    static ServiceCalendar calendar(JsonNode body) {
        String name = Json.optText(body, "name");
        String zoneText = Json.optText(body, "timeZone");
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("'name' is required");
        }
        name = name.strip();
        if (name.length() > 100) {
            throw Refusal.invalid("'name' must have 1 to 100 characters");
        }
        if (zoneText == null || zoneText.isBlank()) {
            throw Refusal.invalid("'timeZone' is required, an IANA time zone such as Europe/Moscow");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText.strip());
        } catch (DateTimeException e) {
            throw Refusal.unprocessable("unknown time zone '" + zoneText + "'");
        }
        try {
            return new ServiceCalendar(name, zone, weekly(body.get("hours")), exceptions(body.get("exceptions")));
        } catch (IllegalArgumentException e) {
            throw Refusal.unprocessable(e.getMessage());
        }
    }

    /** The {@code "default"} flag of a body, null when absent. */
    static Boolean defaultFlag(JsonNode body) {
        JsonNode node = body.get("default");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw Refusal.invalid("'default' must be true or false");
        }
        return node.asBoolean();
    }

    /** The names and "imported" marks of a body's exception days (the days were checked by {@link #calendar}). */
    static TreeMap<LocalDate, DayMark> marks(JsonNode body) {
        TreeMap<LocalDate, DayMark> marks = new TreeMap<>();
        JsonNode exceptions = body.get("exceptions");
        if (exceptions == null || !exceptions.isArray()) {
            return marks;
        }
        for (JsonNode exception : exceptions) {
            LocalDate date = LocalDate.parse(exception.get("date").asText());
            String name = null;
            JsonNode nameNode = exception.get("name");
            if (nameNode != null && !nameNode.isNull()) {
                if (!nameNode.isTextual() || nameNode.asText().strip().length() > DayMark.MAX_NAME) {
                    throw Refusal.invalid("'exceptions' " + date + ": 'name' must be a text of at most "
                            + DayMark.MAX_NAME + " characters");
                }
                name = nameNode.asText();
            }
            boolean imported = flag(exception, "imported", date) && !flag(exception, "reviewed", date);
            DayMark mark = new DayMark(name, imported);
            if (!mark.isEmpty()) {
                marks.put(date, mark);
            }
        }
        return marks;
    }

    private static boolean flag(JsonNode exception, String field, LocalDate date) {
        JsonNode node = exception.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw Refusal.invalid("'exceptions' " + date + ": '" + field + "' must be true or false");
        }
        return node.asBoolean();
    }

    private static Map<DayOfWeek, List<Interval>> weekly(JsonNode hours) {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        if (hours == null || hours.isNull()) {
            return week;
        }
        if (!hours.isObject()) {
            throw Refusal.invalid("'hours' must be an object of weekdays (mon ... sun), each a list of [from, to]");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = hours.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            DayOfWeek day = WeekdayKeys.DAYS.get(field.getKey());
            if (day == null) {
                throw Refusal.invalid("'hours': unknown weekday '" + field.getKey() + "' (use mon, tue, wed, thu, fri, sat, sun)");
            }
            week.put(day, intervals(field.getValue(), "'hours." + field.getKey() + "'"));
        }
        return week;
    }

    private static TreeMap<LocalDate, List<Interval>> exceptions(JsonNode exceptions) {
        TreeMap<LocalDate, List<Interval>> days = new TreeMap<>();
        if (exceptions == null || exceptions.isNull()) {
            return days;
        }
        if (!exceptions.isArray()) {
            throw Refusal.invalid("'exceptions' must be a list of {\"date\", \"hours\"}");
        }
        for (JsonNode exception : exceptions) {
            JsonNode dateNode = exception.get("date");
            if (!exception.isObject() || dateNode == null || !dateNode.isTextual()) {
                throw Refusal.invalid("'exceptions': each needs a \"date\" (YYYY-MM-DD) and \"hours\"");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(dateNode.asText());
            } catch (DateTimeParseException e) {
                throw Refusal.unprocessable("'exceptions': \"" + dateNode.asText() + "\" is not a date (YYYY-MM-DD)");
            }
            if (days.containsKey(date)) {
                throw Refusal.unprocessable("'exceptions': " + date + " is listed twice");
            }
            days.put(date, intervals(exception.get("hours"), "'exceptions' " + date));
        }
        return days;
    }

    private static List<Interval> intervals(JsonNode list, String where) {
        List<Interval> intervals = new ArrayList<>();
        if (list == null || list.isNull()) {
            return intervals;
        }
        if (!list.isArray()) {
            throw Refusal.invalid(where + " must be a list of [from, to]");
        }
        for (JsonNode pair : list) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                throw Refusal.invalid(where + " must be a list of [from, to] such as [\"09:00\", \"18:00\"]");
            }
            try {
                intervals.add(Interval.parse(pair.get(0).asText(), pair.get(1).asText()));
            } catch (IllegalArgumentException e) {
                throw Refusal.unprocessable(where + ": " + e.getMessage());
            }
        }
        return intervals;
    }

    /** The stored {@code hours} column: all seven weekdays. */
    static String hoursJson(ServiceCalendar calendar) {
        return hoursNode(calendar).toString();
    }

    /** The stored {@code exceptions} column, in date order, with the days' marks. */
    static String exceptionsJson(ServiceCalendar calendar, Map<LocalDate, DayMark> marks) {
        return exceptionsNode(calendar, marks).toString();
    }

    private static ObjectNode hoursNode(ServiceCalendar calendar) {
        ObjectNode hours = Json.MAPPER.createObjectNode();
        WeekdayKeys.DAYS.forEach((key, day) -> hours.set(key, intervalsNode(calendar.weekly().get(day))));
        return hours;
    }

    private static ArrayNode exceptionsNode(ServiceCalendar calendar, Map<LocalDate, DayMark> marks) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        calendar.exceptions().forEach((date, intervals) -> {
            ObjectNode day = list.addObject();
            day.put("date", date.toString());
            day.set("hours", intervalsNode(intervals));
            DayMark mark = marks.get(date);
            if (mark != null && mark.name() != null) {
                day.put("name", mark.name());
            }
            if (mark != null && mark.imported()) {
                day.put("imported", true);
            }
        });
        return list;
    }

    private static ArrayNode intervalsNode(List<Interval> intervals) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Interval interval : intervals) {
            list.addArray().add(interval.fromText()).add(interval.toText());
        }
        return list;
    }

    /** The answer of the API for one calendar. */
    static ObjectNode toJson(StoredCalendar stored) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", stored.id());
        node.put("name", stored.calendar().name());
        node.put("timeZone", stored.calendar().zone().getId());
        node.put("default", stored.isDefault());
        node.set("hours", hoursNode(stored.calendar()));
        node.set("exceptions", exceptionsNode(stored.calendar(), stored.marks()));
        return node;
    }

    /** A stored row back into a calendar and its marks (the row was validated when written). */
    static StoredCalendar fromColumns(long id, boolean isDefault, String name, String zone, String hours,
                                      String exceptions) {
        try {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("name", name);
            body.put("timeZone", zone);
            body.set("hours", Json.MAPPER.readTree(hours));
            body.set("exceptions", Json.MAPPER.readTree(exceptions));
            return new StoredCalendar(id, isDefault, calendar(body), marks(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("calendar '" + name + "' has unreadable hours", e);
        }
    }
}
