package io.supporthub.hub.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.hub.agent.AgentService;
import io.supporthub.hub.audit.AuditedChanges.After;
import io.supporthub.hub.audit.AuditedChanges.Audited;
import io.supporthub.hub.audit.AuditedChanges.Snapshot;
import io.supporthub.hub.calendar.CalendarService;
import io.supporthub.hub.cannedreply.CannedReplies;
import io.supporthub.hub.catalog.CatalogList;
import io.supporthub.hub.catalog.CatalogQueries;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.notification.NotificationSettingsJson;
import io.supporthub.hub.notification.NotificationStore;
import io.supporthub.hub.sla.SlaRuleService;
import io.supporthub.hub.web.Json;
import io.supporthub.templates.DefaultTexts;

import java.util.ArrayList;
import java.util.List;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static io.supporthub.hub.audit.AuditedChanges.member;

/**
 * The admin changes the audit log records: agents and roles, ticket lists, canned replies, settings, service
 * calendars, SLA rules and defaults, kept-aside.
 */
public final class AuditedRoutes {

    private AuditedRoutes() {
    }

    public static List<Audited> of(Transactions transactions, AgentService agents, CannedReplies canned,
                                   NotificationStore notifications, DefaultTexts defaults) {
        List<Audited> routes = new ArrayList<>();
        Snapshot agent = member(agents::all);
        routes.add(new Audited(POST, "/api/agents", "agent.created", "agent", null, After.ANSWER));
        routes.add(new Audited(PATCH, "/api/agents/{id}", "agent.updated", "agent", agent, After.ANSWER, "password"));
        // the answer carries the new token: only the fact is kept
        routes.add(new Audited(POST, "/api/agents/{id}/token", "agent.token_created", "agent", null, After.NONE));

        catalog(routes, transactions, "/api/types", "type", CatalogList.TYPES, true);
        catalog(routes, transactions, "/api/priorities", "priority", CatalogList.PRIORITIES, true);
        catalog(routes, transactions, "/api/statuses", "status", CatalogList.STATUSES, false);

        Snapshot group = member(() -> canned.all(null));
        routes.add(new Audited(POST, "/api/canned/groups", "canned_group.created", "canned_group", null, After.ANSWER));
        routes.add(new Audited(PATCH, "/api/canned/groups/{id}", "canned_group.updated", "canned_group", group, After.ANSWER));
        routes.add(new Audited(POST, "/api/canned/groups/{id}/order", "canned_group.reordered", "canned_group", group, After.ANSWER));
        routes.add(new Audited(DELETE, "/api/canned/groups/{id}", "canned_group.deleted", "canned_group", group, After.NONE));
        Snapshot reply = member(() -> AuditedChanges.flatten(canned.all(null).stream().map(CannedReplies.Group::replies).toList()));
        routes.add(new Audited(POST, "/api/canned/replies", "canned_reply.created", "canned_reply", null, After.ANSWER));
        routes.add(new Audited(PATCH, "/api/canned/replies/{id}", "canned_reply.updated", "canned_reply", reply, After.ANSWER));
        routes.add(new Audited(DELETE, "/api/canned/replies/{id}", "canned_reply.deleted", "canned_reply", reply, After.NONE));

        Snapshot settings = id -> {
            ObjectNode json = Json.MAPPER.valueToTree(NotificationSettingsJson.toJson(transactions.read(notifications::read), defaults));
            json.remove("defaults");
            return json;
        };
        routes.add(new Audited(PUT, "/api/notifications", "settings.notifications_updated", "settings:notifications",
                settings, After.SNAPSHOT));

        routes.add(new Audited(PUT, "/api/sla/settings", "settings.sla_updated", "settings:sla", null, After.ANSWER));

        // The answer names the URL and whether a secret is set, never the secret.
        routes.add(new Audited(PUT, "/api/channels/api", "settings.api_channel_updated", "settings:api_channel", null,
                After.ANSWER, "secret"));
        Snapshot calendar = member(() -> CalendarService.allAsJson(transactions));
        routes.add(new Audited(POST, "/api/calendars", "calendar.created", "calendar", null, After.ANSWER));
        routes.add(new Audited(PUT, "/api/calendars/{id}", "calendar.updated", "calendar", calendar, After.ANSWER));
        routes.add(new Audited(POST, "/api/calendars/{id}/copy", "calendar.copied", "calendar", calendar, After.ANSWER));
        routes.add(new Audited(DELETE, "/api/calendars/{id}", "calendar.deleted", "calendar", calendar, After.NONE));
        routes.add(new Audited(POST, "/api/calendars/{id}/holidays", "calendar.holidays_imported", "calendar", calendar,
                After.SNAPSHOT));

        Snapshot slaRule = member(() -> SlaRuleService.allAsJson(transactions));
        routes.add(new Audited(POST, "/api/sla/rules", "sla_rule.created", "sla_rule", null, After.ANSWER));
        routes.add(new Audited(PUT, "/api/sla/rules/{id}", "sla_rule.updated", "sla_rule", slaRule, After.ANSWER));
        routes.add(new Audited(PATCH, "/api/sla/rules/{id}", "sla_rule.updated", "sla_rule", slaRule, After.ANSWER));
        routes.add(new Audited(DELETE, "/api/sla/rules/{id}", "sla_rule.deleted", "sla_rule", slaRule, After.NONE));
        Snapshot slaOrder = id -> Json.MAPPER.valueToTree(SlaRuleService.allAsJson(transactions).stream().map(r -> r.get("id")).toList());
        routes.add(new Audited(POST, "/api/sla/rules/order", "sla_rule.reordered", "settings:sla_rule_order", slaOrder,
                After.SNAPSHOT));
        routes.add(new Audited(PUT, "/api/sla/defaults", "settings.sla_defaults_updated", "settings:sla_defaults",
                id -> Json.MAPPER.valueToTree(SlaRuleService.defaultsAsJson(transactions)), After.SNAPSHOT));

        routes.add(new Audited(POST, "/api/sla/recalculations", "sla.recalculation_requested", "settings:sla_recalculation",
                null, After.ANSWER));

        routes.add(new Audited(POST, "/api/kept-aside/{id}/retry", "kept_aside.retried", "kept_aside", null, After.ANSWER));
        routes.add(new Audited(DELETE, "/api/kept-aside/{id}", "kept_aside.deleted", "kept_aside", null, After.NONE));
        routes.add(new Audited(POST, "/api/kept-aside/{id}/accept", "kept_aside.accepted", "kept_aside", null, After.ANSWER));
        return routes;
    }

    private static void catalog(List<Audited> routes, Transactions transactions, String path, String kind,
                                CatalogList<?> list, boolean editable) {
        Snapshot row = member(() -> transactions.read(handle -> new CatalogQueries(handle).all(list)));
        routes.add(new Audited(POST, path, kind + ".created", kind, null, After.ANSWER));
        if (editable) {
            routes.add(new Audited(PATCH, path + "/{id}", kind + ".updated", kind, row, After.ANSWER));
        }
        routes.add(new Audited(DELETE, path + "/{id}", kind + ".deleted", kind, row, After.NONE));
    }
}
