package io.supporthub.hub.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;

/** {@code GET/PATCH /api/settings}: the run-time settings, for admins. */
public final class SettingsRoutes {

    private final SettingsService settings;

    public SettingsRoutes(SettingsService settings) {
        this.settings = settings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/settings", ctx -> {
            ctx.json(settings.read());
        });
        routes.patch("/api/settings", ctx -> {
            ctx.json(settings.change(changes(Json.body(ctx))));
        });
    }

    private static SettingsService.Changes changes(JsonNode body) {
        JsonNode group = body.get("defaultGroupId");
        boolean clear = group != null && group.isNull();
        if (group != null && !group.isNull() && !group.isIntegralNumber()) {
            throw Refusal.invalid("'defaultGroupId' must be a group id or null");
        }
        JsonNode seniors = body.get("seniorsSeeReports");
        if (seniors != null && !seniors.isBoolean()) {
            throw Refusal.invalid("'seniorsSeeReports' must be true or false");
        }
        JsonNode zone = body.get("timeZone");
        if (zone != null && !zone.isTextual()) {
            throw Refusal.invalid("'timeZone' must be an IANA time zone id");
        }
        JsonNode unknown = body.get("createContactsForUnknownSenders");
        if (unknown != null && !unknown.isBoolean()) {
            throw Refusal.invalid("'createContactsForUnknownSenders' must be true or false");
        }
        return new SettingsService.Changes(group == null || group.isNull() ? null : group.asLong(), clear,
                seniors == null ? null : seniors.asBoolean(), zone == null ? null : zone.asText(),
                unknown == null ? null : unknown.asBoolean());
    }
}
