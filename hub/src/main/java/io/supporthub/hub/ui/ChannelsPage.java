package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.apichannel.ApiChannelSettings;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/channels}: the channels of the hub; its API channel section sets where agents' replies to the generic
 * channel are posted and the secret that signs them (the secret is never shown, only whether one is set).
 */
final class ChannelsPage {

    private final ApiChannelSettings apiChannel;
    private final PageAccess access;
    private final Pages pages;

    ChannelsPage(ApiChannelSettings apiChannel, PageAccess access, Pages pages) {
        this.apiChannel = apiChannel;
        this.access = access;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/channels", this::page);
    }

    private void page(Context ctx) {
        Agent viewer = access.agent(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("api", apiChannel.read().view());
        model.put("section", "channels");
        model.put("title", "Channels");
        pages.render(ctx, 200, "admin_channels", viewer, model);
    }
}
