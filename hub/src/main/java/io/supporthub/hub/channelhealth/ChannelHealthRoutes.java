package io.supporthub.hub.channelhealth;

import io.javalin.config.RoutesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/** {@code GET /api/channels} and {@code POST /api/channels/{kind}/test}, for seniors and admins. */
public final class ChannelHealthRoutes {

    private static final Logger log = LoggerFactory.getLogger(ChannelHealthRoutes.class);

    private final ChannelHealth health;

    public ChannelHealthRoutes(ChannelHealth health) {
        this.health = health;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/channels", ctx -> ctx.json(health.all()));
        routes.post("/api/channels/{kind}/test", ctx -> {
            ChannelHealth.Test test = health.test(ctx.pathParam("kind"));
            log.info("Connection test of {}: {} ({})", test.channel(), test.ok() ? "ok" : "failed", test.answer());
            ctx.json(test);
        });
    }
}
