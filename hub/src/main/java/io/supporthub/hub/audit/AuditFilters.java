package io.supporthub.hub.audit;

import io.supporthub.hub.error.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * An {@link AuditFilter} from query parameters, shared by the API and the admin page: {@code actor} (an agent's id or
 * an email), {@code action}, {@code from} and {@code to} (instants, or days in UTC, {@code to} taking in its whole
 * day), {@code after} (the previous page's {@code next}) and {@code limit} (1-200, default 50).
 */
public final class AuditFilters {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private AuditFilters() {
    }

    /** @param params the query parameters, absent or blank ones meaning no filter */
    public static AuditFilter from(Map<String, String> params) {
        String actor = param(params, "actor");
        Long actorId = actor != null && actor.chars().allMatch(Character::isDigit) ? number(actor, "actor") : null;
        String limitText = param(params, "limit");
        long limit = limitText == null ? DEFAULT_LIMIT : number(limitText, "limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Refusal.invalid("'limit' must be between 1 and " + MAX_LIMIT);
        }
        String after = param(params, "after");
        return new AuditFilter(actorId, actorId == null ? actor : null, param(params, "action"),
                time(param(params, "from"), "from", false), time(param(params, "to"), "to", true),
                after == null ? null : number(after, "after"), (int) limit);
    }

    private static String param(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("'" + name + "' must be a number, not '" + value + "'");
        }
    }

    private static Instant time(String value, String name, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw Refusal.invalid("'" + name + "' must be an instant (2026-12-01T10:00:00Z) or a day (2026-12-01)");
            }
        }
    }
}
