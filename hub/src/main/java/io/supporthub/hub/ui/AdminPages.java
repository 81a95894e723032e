package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.agent.AgentService;
import io.supporthub.hub.agent.Role;
import io.supporthub.hub.audit.AuditEntry;
import io.supporthub.hub.audit.AuditFilter;
import io.supporthub.hub.audit.AuditFilters;
import io.supporthub.hub.audit.AuditLog;
import io.supporthub.hub.audit.AuditRoutes;
import io.supporthub.hub.cannedreply.CannedReplies;
import io.supporthub.hub.catalog.CatalogList;
import io.supporthub.hub.catalog.CatalogQueries;
import io.supporthub.hub.clientimport.ImportRoutes;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.keptaside.KeptAsideService;
import io.supporthub.hub.settings.SettingsService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Admin pages: employees, groups, canned replies, types/priorities/statuses, customer notifications, payloads kept aside,
 * the client base's import and export, the
 * audit log, the run-time settings; each opens to the roles {@code RoutePermissions} lets call the API behind it.
 * The pages list what exists; their forms call the JSON admin API from the page's script.
 */
final class AdminPages {

    private static final int KEPT_ASIDE_SHOWN = 200;
    static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final Transactions transactions;
    private final AgentService agents;
    private final CannedReplies cannedReplies;
    private final KeptAsideService keptAside;
    private final AuditLog audit;
    private final SettingsService settings;
    private final PageAccess access;
    private final Pages pages;

    AdminPages(Transactions transactions, AgentService agents, CannedReplies cannedReplies, KeptAsideService keptAside,
               AuditLog audit, SettingsService settings, PageAccess access, Pages pages) {
        this.settings = settings;
        this.audit = audit;
        this.keptAside = keptAside;
        this.transactions = transactions;
        this.agents = agents;
        this.cannedReplies = cannedReplies;
        this.access = access;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin", ctx -> {
            Agent agent = access.agent(ctx);
            ctx.redirect(pages.adminLinks(agent).get(0).path());
        });
        routes.get("/admin/agents", this::agents);
        routes.get("/admin/groups", ctx -> show(ctx, "admin_groups", "groups", transactions.read(handle -> Map.of(
                "groups", new GroupQueries(handle).all(),
                "agents", new AgentQueries(handle).active()))));
        routes.get("/admin/settings", this::settings);
        routes.get("/admin/canned", ctx -> show(ctx, "admin_canned", "canned", Map.of("groups", cannedReplies.all(null))));
        routes.get("/admin/catalog", ctx -> show(ctx, "admin_catalog", "catalog", transactions.read(handle -> Map.of(
                "types", new CatalogQueries(handle).all(CatalogList.TYPES),
                "priorities", new CatalogQueries(handle).all(CatalogList.PRIORITIES),
                "statuses", new CatalogQueries(handle).all(CatalogList.STATUSES),
                "statusOptions", CatalogLook.of(handle).baseStates()))));
        routes.get("/admin/kept-aside", this::keptAside);
        routes.get("/admin/notifications", ctx -> show(ctx, "admin_notifications", "notifications", Map.of()));
        routes.get("/admin/import", ctx -> show(ctx, "admin_import", "import", Map.of(
                "maxLines", ImportRoutes.MAX_LINES, "maxMegabytes", ImportRoutes.MAX_FILE.bytes() / (1024 * 1024))));
        routes.get("/admin/audit", this::audit);
    }

    /**
     * The employees; the buttons of what only an administrator may do (roles, passwords, others' tokens, adding
     * seniors and administrators) are shown to administrators only.
     */
    private void agents(Context ctx) {
        Agent viewer = access.agent(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("agents", agents.all());
        model.put("roles", viewer.isAdmin() ? List.of(Role.values()) : List.of(Role.SPECIALIST));
        model.put("mayChangeRoles", viewer.isAdmin());
        transactions.read(handle -> {
            GroupQueries groups = new GroupQueries(handle);
            model.put("groupNames", groups.namesByAgent());
            model.put("groups", groups.all());
            return null;
        });
        model.put("defaultGroupId", settings.read().defaultGroupId());
        model.put("mayEditGroups", pages.adminLinks(viewer).stream().anyMatch(link -> link.section().equals("groups")));
        show(ctx, "admin_agents", "agents", model);
    }

    /** The settings form: the visible groups to choose the default from, and every time zone Java knows. */
    private void settings(Context ctx) {
        access.agent(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("settings", settings.read());
        model.put("groups", transactions.read(handle -> new GroupQueries(handle).all()).stream()
                .filter(group -> !group.hidden()).toList());
        model.put("zones", TIME_ZONES);
        model.put("warnBeforeMinutes", transactions.read(io.supporthub.hub.sla.SlaWarningSettings::warnBeforeMinutes));
        show(ctx, "admin_settings", "settings", model);
    }

    /** The payloads kept aside, their times in the viewer's zone. */
    private void keptAside(Context ctx) {
        java.time.ZoneId zone = pages.zone(access.agent(ctx));
        List<Map<String, Object>> kept = keptAside.list(null, null, KEPT_ASIDE_SHOWN).stream().map(k -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", k.id());
            row.put("channel", k.channel());
            row.put("reason", k.reason());
            row.put("receivedAt", Format.dayTime(k.receivedAt(), zone));
            row.put("bytes", k.bytes());
            row.put("retriedAt", Format.dayTime(k.retriedAt(), zone));
            row.put("retryOutcome", k.retryOutcome());
            row.put("retryable", k.retryable());
            row.put("unknownSender", k.unknownSender());
            row.put("awaitsAcceptance", k.awaitsAcceptance());
            return row;
        }).toList();
        show(ctx, "admin_kept_aside", "kept-aside", Map.of("kept", kept, "retentionDays", keptAside.retentionDays()));
    }

    /** The audit log, filtered by the form's query; "Older" carries the filter and the last row's id. */
    private void audit(Context ctx) {
        java.time.ZoneId zone = pages.zone(access.agent(ctx));
        Map<String, String> query = new HashMap<>(AuditRoutes.queryParams(ctx));
        AuditFilter filter = AuditFilters.from(query);
        List<AuditEntry> page = audit.page(filter);
        Map<String, Object> model = new HashMap<>();
        model.put("entries", page.stream().map(entry -> AuditRow.of(entry, zone)).toList());
        model.put("query", query);
        model.put("filtered", !query.isEmpty());
        model.put("retentionDays", audit.retentionDays());
        if (page.size() == filter.limit()) {
            query.put("after", String.valueOf(page.get(page.size() - 1).id()));
            model.put("next", "/admin/audit?" + query.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        }
        show(ctx, "admin_audit", "audit", model);
    }

    private void show(Context ctx, String template, String section, Map<String, Object> data) {
        Agent viewer = access.agent(ctx);
        Map<String, Object> model = new HashMap<>(data);
        model.put("section", section);
        model.put("title", "Admin");
        pages.render(ctx, 200, template, viewer, model);
    }
}
