package io.supporthub.hub.apichannel;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET/PUT /api/channels/api}: the generic channel's callback URL and secret, for admins. The secret is never
 * answered, only whether one is set.
 */
public final class ApiChannelRoutes {

    private static final Logger log = LoggerFactory.getLogger(ApiChannelRoutes.class);

    private final ApiChannelSettings settings;

    public ApiChannelRoutes(ApiChannelSettings settings) {
        this.settings = settings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/channels/api", ctx -> ctx.json(settings.read().view()));
        routes.put("/api/channels/api", ctx -> {
            JsonNode body = Json.body(ctx);
            JsonNode url = body.get("callbackUrl");
            JsonNode secret = body.get("secret");
            if (url == null || !(url.isNull() || url.isTextual())) {
                throw Refusal.invalid("'callbackUrl' is required: an http or https URL, or null to stop sending");
            }
            if (secret != null && !(secret.isNull() || secret.isTextual())) {
                throw Refusal.invalid("'secret' must be a string (leave it out to keep the one set)");
            }
            CallbackSettings saved = settings.change(url.isNull() ? null : url.asText(),
                    secret == null || secret.isNull() || secret.asText().isEmpty() ? null : secret.asText());
            log.info("The API channel's callback is now {}", saved.callbackUrl() == null ? "off" : saved.callbackUrl());
            ctx.json(saved.view());
        });
    }
}
