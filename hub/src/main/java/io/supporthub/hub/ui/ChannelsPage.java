package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.apichannel.ApiChannelSettings;
import io.supporthub.hub.channelhealth.ChannelHealth;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/channels}: each channel's health with a Test button (the provider's cheapest authenticated request),
 * and, for administrators, the API channel section sets where agents' replies to the generic
 * channel are posted and the secret that signs them (the secret is never shown, only whether one is set).
 */
final class ChannelsPage {

    private final ApiChannelSettings apiChannel;
    private final ChannelHealth health;
    private final PageAccess access;
    private final Pages pages;

    ChannelsPage(ApiChannelSettings apiChannel, ChannelHealth health, PageAccess access, Pages pages) {
        this.apiChannel = apiChannel;
        this.health = health;
        this.access = access;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/channels", this::page);
    }

    /** A channel's row: its figures in words. */
    record Row(String channel, String label, boolean configured, String problem, String mode, String webhook,
               String lastIn, String lastOut, String lastError, String lastErrorAt, long queued) {
    }

    static Row row(ChannelHealth.Status s, java.time.ZoneId zone) {
        String webhook = s.webhookRegistered() == null ? "—" : s.webhookRegistered() ? "registered" : "not registered";
        return new Row(s.channel(), Format.channelLabel(s.channel()), s.configured(), s.problem(),
                s.mode() == null ? "—" : s.mode(), webhook,
                s.lastInboundAt() == null ? "never" : Format.dayTime(s.lastInboundAt(), zone),
                s.lastOutboundAt() == null ? "never" : Format.dayTime(s.lastOutboundAt(), zone),
                s.lastError(), s.lastErrorAt() == null ? null : Format.dayTime(s.lastErrorAt(), zone), s.queued());
    }

    private void page(Context ctx) {
        Agent viewer = access.agent(ctx);
        java.time.ZoneId zone = pages.zone(viewer);
        Map<String, Object> model = new HashMap<>();
        // The callback's section is an administrator's (its API is): seniors see the health and test.
        model.put("showApi", viewer.isAdmin());
        if (viewer.isAdmin()) {
            model.put("api", apiChannel.read().view());
        }
        model.put("channels", health.all().stream().map(s -> row(s, zone)).toList());
        model.put("section", "channels");
        model.put("title", "Channels");
        pages.render(ctx, 200, "admin_channels", viewer, model);
    }
}
