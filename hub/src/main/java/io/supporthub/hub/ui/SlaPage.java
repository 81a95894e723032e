package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.sla.SlaEditorChoices;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/sla}: the ordered SLA rules (move, enable, edit, delete), the rule form and the defaults; the page's
 * script reads and saves through {@code /api/sla}.
 */
final class SlaPage {

    private final SlaEditorChoices choices;
    private final PageAccess access;
    private final Pages pages;

    SlaPage(SlaEditorChoices choices, PageAccess access, Pages pages) {
        this.choices = choices;
        this.access = access;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/sla", this::show);
    }

    private void show(Context ctx) {
        Agent viewer = access.agent(ctx);
        Map<String, Object> model = new HashMap<>(choices.choices());
        model.put("section", "sla");
        model.put("title", "Admin");
        pages.render(ctx, 200, "admin_sla", viewer, model);
    }
}
