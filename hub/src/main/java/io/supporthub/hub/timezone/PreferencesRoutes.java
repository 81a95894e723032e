package io.supporthub.hub.timezone;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;

/**
 * {@code GET/PUT /api/me/preferences}: the agent's own time zone ({@code "timeZone"}, an IANA id; null or absent: the
 * company's). The answer also names the company's zone and the one times are shown in.
 */
public final class PreferencesRoutes {

    private final ViewerZones zones;

    public PreferencesRoutes(ViewerZones zones) {
        this.zones = zones;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/me/preferences", ctx -> ctx.json(zones.preferences(Authentication.agent(ctx).id())));
        routes.put("/api/me/preferences", ctx -> {
            JsonNode zone = Json.body(ctx).get("timeZone");
            if (zone != null && !zone.isNull() && !zone.isTextual()) {
                throw Refusal.invalid("'timeZone' must be an IANA time zone id such as Europe/Paris, or null");
            }
            String value = zone == null || zone.isNull() || zone.asText().isBlank() ? null : zone.asText();
            ctx.json(zones.change(Authentication.agent(ctx).id(), value));
        });
    }
}
