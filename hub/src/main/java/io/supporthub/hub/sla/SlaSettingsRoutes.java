package io.supporthub.hub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.notification.SettingQueries;
import io.supporthub.hub.web.Json;

import java.time.Clock;
import java.util.Map;

/** {@code GET/PUT /api/sla/settings {"warnBeforeMinutes"}}: how long before a planned time the SLA warning goes out. */
public final class SlaSettingsRoutes {

    /** A week of working minutes at most: a longer warning would be one before the ticket is registered. */
    static final int MAX_MINUTES = 7 * 24 * 60;

    private final Transactions transactions;
    private final Clock clock;

    public SlaSettingsRoutes(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/sla/settings", ctx -> ctx.json(transactions.read(handle -> body(
                SlaWarningSettings.warnBeforeMinutes(handle)))));
        routes.put("/api/sla/settings", ctx -> {
            int minutes = minutes(Json.body(ctx));
            ctx.json(transactions.inTransaction((handle, afterCommit) -> {
                boolean changed = SlaWarningSettings.warnBeforeMinutes(handle) != minutes;
                new SettingQueries(handle).write(SlaWarningSettings.KEY, minutes, clock.instant());
                if (changed) {
                    // The warnings were planned with the old lead: the job plans them again, ticket by ticket.
                    new SlaAlertQueries(handle).lookAgainAtAllDue(clock.instant());
                }
                return body(minutes);
            }));
        });
    }

    private static Map<String, Object> body(int minutes) {
        return Map.of("warnBeforeMinutes", minutes);
    }

    private static int minutes(JsonNode body) {
        JsonNode minutes = body.get("warnBeforeMinutes");
        if (minutes == null || !minutes.canConvertToInt() || !minutes.isIntegralNumber()
                || minutes.asInt() < 0 || minutes.asInt() > MAX_MINUTES) {
            throw Refusal.invalid("'warnBeforeMinutes' must be a whole number of working minutes from 0 to " + MAX_MINUTES);
        }
        return minutes.asInt();
    }
}
