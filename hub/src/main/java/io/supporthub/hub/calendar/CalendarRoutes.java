package io.supporthub.hub.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/calendars}: service calendars (administrators only) and the business-time arithmetic over them:
 * {@code add}/{@code subtract} ({@code from}, {@code seconds} or {@code minutes}) answer {@code {"at"}},
 * {@code between} ({@code from}, {@code to}) answers {@code {"seconds"}}; {@code POST .../holidays} imports a
 * country's public holidays as exception days to check.
 */
public final class CalendarRoutes {

    /** The longest budget {@code add}/{@code subtract} take: ten years of wall-clock time. */
    static final Duration MAX_BUDGET = Duration.ofDays(3653);
    /** The longest span {@code between} measures. */
    static final Duration MAX_SPAN = Duration.ofDays(36_525);

    private final CalendarService calendars;

    public CalendarRoutes(CalendarService calendars) {
        this.calendars = calendars;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/calendars", ctx -> {
            List<JsonNode> list = calendars.all().stream().map(c -> (JsonNode) CalendarJson.toJson(c)).toList();
            ctx.json(list);
        });
        routes.get("/api/calendars/{id}", ctx -> ctx.json(CalendarJson.toJson(calendars.get(id(ctx)))));
        routes.post("/api/calendars", ctx -> ctx.status(201).json(CalendarJson.toJson(calendars.create(Json.body(ctx)))));
        routes.put("/api/calendars/{id}", ctx -> ctx.json(CalendarJson.toJson(calendars.update(id(ctx), Json.body(ctx)))));
        routes.delete("/api/calendars/{id}", ctx -> {
            calendars.delete(id(ctx));
            ctx.status(204);
        });
        routes.post("/api/calendars/{id}/copy", ctx -> {
            String name = null;
            if (!ctx.body().isBlank()) {
                name = Json.optText(Json.body(ctx), "name");
                if (name != null) {
                    name = name.strip();
                    if (name.isEmpty() || name.length() > 100) {
                        throw Refusal.invalid("'name' must have 1 to 100 characters");
                    }
                }
            }
            ctx.status(201).json(CalendarJson.toJson(calendars.copy(id(ctx), name)));
        });
        routes.post("/api/calendars/{id}/holidays", ctx -> ctx.json(holidayImport(ctx)));
        routes.get("/api/calendars/{id}/add", ctx ->
                ctx.json(Map.of("at", calendars.add(id(ctx), instant(ctx, "from"), duration(ctx)).toString())));
        routes.get("/api/calendars/{id}/subtract", ctx ->
                ctx.json(Map.of("at", calendars.subtract(id(ctx), instant(ctx, "from"), duration(ctx)).toString())));
        routes.get("/api/calendars/{id}/between", ctx -> {
            Instant from = instant(ctx, "from");
            Instant to = instant(ctx, "to");
            if (Duration.between(from, to).abs().compareTo(MAX_SPAN) > 0) {
                throw Refusal.invalid("'from' and 'to' may be at most 100 years apart");
            }
            ctx.json(Map.of("seconds", calendars.between(id(ctx), from, to).getSeconds()));
        });
    }

    /** {@code {"country": "RU", "year": 2027}} → {@code {"added": [{date, name}], "skipped": [{date, reason}], "calendar"}}. */
    private ObjectNode holidayImport(Context ctx) {
        JsonNode body = Json.body(ctx);
        JsonNode country = body.get("country");
        JsonNode year = body.get("year");
        if (country == null || !country.isTextual() || country.asText().isBlank()) {
            throw Refusal.invalid("'country' is required, an ISO 3166 alpha-2 code such as RU or US");
        }
        if (year == null || !year.canConvertToInt() || !year.isIntegralNumber()) {
            throw Refusal.invalid("'year' is required, a whole number such as 2027");
        }
        CalendarService.HolidayImport result = calendars.importHolidays(id(ctx), country.asText(), year.asInt());
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode added = answer.putArray("added");
        result.added().forEach((date, name) -> added.addObject().put("date", date.toString()).put("name", name));
        ArrayNode skipped = answer.putArray("skipped");
        result.skipped().forEach((date, reason) -> skipped.addObject().put("date", date.toString()).put("reason", reason));
        answer.set("calendar", CalendarJson.toJson(result.calendar()));
        return answer;
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "calendar");
    }

    private static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("'" + name + "' is required, an ISO instant such as 2026-12-03T09:00:00Z");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'" + name + "' must be an ISO instant such as 2026-12-03T09:00:00Z, not '" + value + "'");
        }
    }

    /** {@code seconds=} or {@code minutes=}: exactly one, a whole number not below zero. */
    private static Duration duration(Context ctx) {
        String seconds = ctx.queryParam("seconds");
        String minutes = ctx.queryParam("minutes");
        if ((seconds == null) == (minutes == null)) {
            throw Refusal.invalid("give either 'seconds' or 'minutes'");
        }
        String field = seconds != null ? "seconds" : "minutes";
        long amount;
        try {
            amount = Long.parseLong((seconds != null ? seconds : minutes).strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("'" + field + "' must be a whole number");
        }
        if (amount < 0 || amount > MAX_BUDGET.getSeconds()) {
            throw Refusal.invalid("'" + field + "' must be between 0 and ten years");
        }
        Duration duration = seconds != null ? Duration.ofSeconds(amount) : Duration.ofMinutes(amount);
        if (duration.compareTo(MAX_BUDGET) > 0) {
            throw Refusal.invalid("'" + field + "' must be between 0 and ten years");
        }
        return duration;
    }
}
