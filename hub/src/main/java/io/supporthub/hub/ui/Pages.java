package io.supporthub.hub.ui;

import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.PhotoUrls;
import io.supporthub.hub.agent.RoutePermissions;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.timezone.ViewerZones;
import org.jdbi.v3.core.Handle;

import java.time.ZoneId;
import java.time.ZoneOffset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders a page with what every page needs: the agent, the CSRF token, and protective headers. */
final class Pages {

    /** Scripts and styles from this hub only; inline styles are allowed for sanitised email shown in a sandbox. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The admin pages in the order of their menu: the path, the menu's section name, its label. */
    record AdminLink(String path, String section, String label) {
    }

    static final List<AdminLink> ADMIN_LINKS = List.of(
            new AdminLink("/admin/agents", "agents", "Employees"),
            new AdminLink("/admin/groups", "groups", "Groups"),
            new AdminLink("/admin/canned", "canned", "Canned replies"),
            new AdminLink("/admin/catalog", "catalog", "Statuses, types, priorities"),
            new AdminLink("/admin/notifications", "notifications", "Customer notifications"),
            new AdminLink("/admin/calendars", "calendars", "Service calendars"),
            new AdminLink("/admin/sla", "sla", "SLA rules"),
            new AdminLink("/admin/kept-aside", "kept-aside", "Kept aside"),
            new AdminLink("/admin/channels", "channels", "Channels"),
            new AdminLink("/admin/import", "import", "Import and export"),
            new AdminLink("/admin/settings", "settings", "Settings"),
            new AdminLink("/admin/audit", "audit", "Audit log"));

    private final Views views;
    private final Csrf csrf;
    private final RoutePermissions permissions;
    private final Transactions transactions;
    private final ViewerZones zones;

    Pages(Views views, Csrf csrf, RoutePermissions permissions, Transactions transactions, ViewerZones zones) {
        this.views = views;
        this.csrf = csrf;
        this.permissions = permissions;
        this.transactions = transactions;
        this.zones = zones;
    }

    ViewerZones zones() {
        return zones;
    }

    /** The zone {@code agent} sees times in (their own, else the company's, else UTC); once per request. */
    ZoneId zone(Agent agent) {
        return agent == null ? ZoneOffset.UTC : zones.of(agent.id());
    }

    /** {@link #zone(Agent)} within the caller's transaction. */
    ZoneId zone(Handle handle, Agent agent) {
        return agent == null ? ZoneOffset.UTC : zones.of(handle, agent.id());
    }

    /** The admin pages {@code agent} may open, as the route table says: their menu shows no others. */
    List<AdminLink> adminLinks(Agent agent) {
        return agent == null ? List.of()
                : ADMIN_LINKS.stream().filter(link -> permissions.allows(agent, "GET", link.path())).toList();
    }

    Csrf csrf() {
        return csrf;
    }

    void render(Context ctx, int status, String template, Agent agent, Map<String, Object> model) {
        String html = renderToString(ctx, template, agent, model);
        headers(ctx);
        ctx.status(status).html(html);
    }

    String renderToString(Context ctx, String template, Agent agent, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("csrf", csrf.token(ctx));
        all.put("me", agent);
        if (agent != null) {
            // The top bar's groups and every employee's photo (by id, for avatars anywhere on the page).
            transactions.read(handle -> {
                all.putIfAbsent("photos", PhotoUrls.all(handle));
                all.put("myGroups", new GroupQueries(handle).namesOf(agent.id()));
                return null;
            });
        }
        all.put("adminLinks", adminLinks(agent));
        all.put("adminSections", adminLinks(agent).stream().map(AdminLink::section).toList());
        return views.render(template, all);
    }

    /** A fragment for live updates: no layout, same escaping. */
    void fragment(Context ctx, String template, Map<String, Object> model) {
        headers(ctx);
        ctx.html(views.render(template, model));
    }

    void forbidden(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Not allowed");
        model.put("message", "The form is missing its security token or it expired. Go back, reload the page and try again.");
        render(ctx, 403, "error", null, model);
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
