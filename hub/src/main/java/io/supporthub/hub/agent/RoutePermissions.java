package io.supporthub.hub.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call what: every route of the hub, API and pages, with the {@link Rule} its caller must meet. A route is
 * declared as {@code "METHOD /path/{param}"} exactly as it is registered (parameter names do not matter), or as a
 * prefix {@code "METHOD /path/*"} ({@code *} for any method) covering the path and everything under it. A route not
 * declared here is refused (and {@code RoutePermissionsTest} fails). {@link PermissionGate} applies the table to
 * {@code /api/*}, the pages' access to theirs.
 */
public final class RoutePermissions {

    static final String UNDECLARED = "this route has no declared permission; it is refused to everyone";

    private final Map<String, Rule> exact = new LinkedHashMap<>();
    private final Map<String, Rule> prefixes = new LinkedHashMap<>();

    /**
     * The hub's table; {@code reports} says whether seniors see reports, {@code contacts} and {@code companies} whose
     * cards a caller opens.
     */
    public static RoutePermissions standard(SeniorReportsPolicy reports, ContactAccess contacts, CompanyAccess companies) {
        Rule staff = Rule.atLeast(Role.SENIOR, "only a senior specialist or an administrator may manage employees");
        Rule canned = Rule.atLeast(Role.SENIOR, "only a senior specialist or an administrator may change canned replies");
        Rule catalog = Rule.atLeast(Role.SENIOR,
                "only a senior specialist or an administrator may change statuses, types and priorities");
        Rule groups = Rule.atLeast(Role.SENIOR, "only a senior specialist or an administrator may change groups");
        Rule keptAside = Rule.atLeast(Role.SENIOR,
                "only a senior specialist or an administrator may see and retry payloads kept aside");
        Rule settings = Rule.atLeast(Role.ADMIN, "only an administrator may see or change settings");
        Rule clientFiles = Rule.atLeast(Role.SENIOR,
                "only a senior specialist or an administrator may import or export the client base");
        Rule audit = Rule.atLeast(Role.ADMIN, "only an administrator may read the audit log");
        Rule clientBase = Rule.atLeast(Role.SENIOR,
                "only a senior specialist or an administrator may create and change companies and client categories");
        Rule passwords = Rule.atLeast(Role.ADMIN, "only an administrator may reset passwords");
        Rule tokens = Rule.selfOr(Role.ADMIN, "only an administrator may make API tokens for other employees");
        Rule profile = Rule.selfOr(Role.SENIOR, "a specialist may change only their own profile");
        Rule reportsRule = Rule.seniorsWhen(reports::seniorsSeeReports,
                "only an administrator, or a senior specialist when an administrator allows it, may see reports");
        Rule mergeContacts = Rule.atLeast(Role.SENIOR, "only a senior specialist or an administrator may merge contacts");
        Rule channelHealth = Rule.atLeast(Role.SENIOR,
                "only a senior specialist or an administrator may see and test the channels' health");
        Rule any = Rule.ANY_AGENT;

        return new RoutePermissions()
                // Logging in, webhooks and the generic channel (they check their own signature or key), static files.
                .allow(Rule.PUBLIC, "POST /api/session", "DELETE /api/session", "POST /api/password/forgot",
                        "POST /api/password/reset", "POST /api/inbound", "GET /health", "* /webhooks/*", "GET /media/*",
                        "GET /assets/{name}", "GET /login", "POST /login", "POST /logout", "GET /password/forgot",
                        "POST /password/forgot", "GET /password/reset", "POST /password/reset")
                // One's own account.
                .allow(any, "GET /api/session", "PUT /api/me/password", "GET /api/me/tokens", "POST /api/me/tokens",
                        "DELETE /api/me/tokens/{id}", "GET /api/me/sessions", "DELETE /api/me/sessions/{id}",
                        "GET /api/me/preferences", "PUT /api/me/preferences")
                // Employees: colleagues are listed to everyone; managing them is a senior's (roles, logins and
                // passwords an administrator's: AgentChanges checks the body).
                .allow(any, "GET /api/agents")
                .allow(staff, "POST /api/agents", "POST /api/agents/{id}/reassign")
                .allow(profile, "PATCH /api/agents/{id}", "PUT /api/agents/{id}/photo", "DELETE /api/agents/{id}/photo")
                .allow(any, "GET /api/agents/{id}/photo", "PUT /api/me/photo", "DELETE /api/me/photo")
                .allow(tokens, "POST /api/agents/{id}/token")
                .allow(passwords, "POST /api/agents/{id}/password-reset")
                // Tickets: every employee works all of them.
                .allow(any, "GET /api/tickets", "POST /api/tickets", "GET /api/tickets/counts", "GET /api/tickets/{id}",
                        "PATCH /api/tickets/{id}", "POST /api/tickets/{id}/replies", "POST /api/tickets/{id}/notes",
                        "POST /api/tickets/{id}/status", "POST /api/tickets/{id}/escalate", "POST /api/tickets/{id}/take",
                        "GET /api/tickets/{id}/similar", "POST /api/tickets/{id}/sms", "GET /api/sms/segments",
                        "GET /api/tickets/{id}/observers", "POST /api/tickets/{id}/observers",
                        "DELETE /api/tickets/{id}/observers/{kind}/{observer}", "POST /api/tickets/{id}/watch",
                        "DELETE /api/tickets/{id}/watch", "GET /api/events", "GET /api/attachments/{id}")
                // Contacts: searching and listing them (to open a ticket for one) and creating one are everyone's; a
                // card and its changes, ContactAccess's rule; merging two, a senior's.
                .allow(any, "GET /api/contacts", "POST /api/contacts")
                .allow(contacts.cardRule(), "GET /api/contacts/{id}", "PATCH /api/contacts/{id}",
                        "POST /api/contacts/{id}/addresses", "DELETE /api/contacts/{id}/addresses/{addressId}")
                .allow(mergeContacts, "POST /api/contacts/{id}/merge")
                // Companies and client categories: the list is everyone's (as contacts' search), a card CompanyAccess's;
                // creating and changing them a senior's.
                .allow(any, "GET /api/companies", "GET /api/categories")
                .allow(companies.cardRule(), "GET /api/companies/{id}")
                .allow(clientBase, "POST /api/companies", "PATCH /api/companies/{id}", "POST /api/categories",
                        "PATCH /api/categories/{id}", "DELETE /api/categories/{id}")
                // The team's lists: everyone reads them, seniors change them.
                .allow(any, "GET /api/canned", "POST /api/canned/replies/{id}/render")
                .allow(canned, "POST /api/canned/groups", "PATCH /api/canned/groups/{id}",
                        "POST /api/canned/groups/{id}/order", "DELETE /api/canned/groups/{id}", "POST /api/canned/replies",
                        "PATCH /api/canned/replies/{id}", "DELETE /api/canned/replies/{id}")
                .allow(any, "GET /api/types", "GET /api/priorities", "GET /api/statuses")
                .allow(catalog, "POST /api/types", "PATCH /api/types/{id}", "DELETE /api/types/{id}",
                        "POST /api/priorities", "PATCH /api/priorities/{id}", "DELETE /api/priorities/{id}",
                        "POST /api/statuses", "PATCH /api/statuses/{id}", "DELETE /api/statuses/{id}")
                .allow(any, "GET /api/groups", "GET /api/groups/{id}")
                .allow(groups, "POST /api/groups", "PATCH /api/groups/{id}", "DELETE /api/groups/{id}")
                .allow(keptAside, "GET /api/kept-aside", "GET /api/kept-aside/{id}", "POST /api/kept-aside/{id}/retry",
                        "DELETE /api/kept-aside/{id}", "POST /api/kept-aside/{id}/accept")
                // The client base's files: importing contacts, exporting contacts and companies.
                .allow(clientFiles, "POST /api/import/contacts", "GET /api/export/contacts", "GET /api/export/companies")
                // An administrator's alone: settings (customer notifications, run-time settings), the audit log.
                .allow(settings, "GET /api/notifications", "PUT /api/notifications", "GET /api/settings",
                        "PATCH /api/settings", "GET /api/sla/settings", "PUT /api/sla/settings")
                // Service calendars and the business-time arithmetic over them (issue 19).
                .allow(settings, "GET /api/calendars", "POST /api/calendars", "GET /api/calendars/{id}",
                        "PUT /api/calendars/{id}", "DELETE /api/calendars/{id}", "POST /api/calendars/{id}/copy",
                        "GET /api/calendars/{id}/add", "GET /api/calendars/{id}/subtract",
                        "GET /api/calendars/{id}/between", "POST /api/calendars/{id}/holidays")
                // SLA rules and defaults (issue 20); every agent may preview the SLA a new ticket would get.
                .allow(settings, "GET /api/sla/rules", "POST /api/sla/rules", "POST /api/sla/rules/order",
                        "GET /api/sla/rules/{id}", "PUT /api/sla/rules/{id}", "PATCH /api/sla/rules/{id}",
                        "DELETE /api/sla/rules/{id}", "GET /api/sla/defaults", "PUT /api/sla/defaults")
                .allow(any, "POST /api/sla/preview")
                // The recalculation of open tickets' planned times after such a change: its progress, or one by hand.
                .allow(settings, "GET /api/sla/recalculations/latest", "POST /api/sla/recalculations")
                .allow(audit, "GET /api/audit")
                .allow(settings, "GET /api/channels/api", "PUT /api/channels/api")
                .allow(channelHealth, "GET /api/channels", "POST /api/channels/{kind}/test")
                .allow(reportsRule, "* /api/reports/*")
                // Pages: the same rules as the API behind them.
                .allow(any, "GET /", "GET /inbox/rows", "GET /tickets/{id}", "GET /profile")
                .allow(any, "GET /clients")
                .allow(contacts.cardRule(), "GET /contacts/{id}")
                .allow(mergeContacts, "GET /contacts/{id}/merge")
                .allow(any, "GET /clients/companies")
                .allow(companies.cardRule(), "GET /companies/{id}")
                .allow(Rule.atLeast(Role.SENIOR, "the admin pages are for senior specialists and administrators"),
                        "GET /admin")
                .allow(staff, "GET /admin/agents")
                .allow(canned, "GET /admin/canned")
                .allow(catalog, "GET /admin/catalog")
                .allow(groups, "GET /admin/groups")
                .allow(settings, "GET /admin/settings")
                .allow(keptAside, "GET /admin/kept-aside")
                .allow(clientFiles, "GET /admin/import")
                .allow(settings, "GET /admin/notifications")
                .allow(channelHealth, "GET /admin/channels")
                .allow(settings, "GET /admin/calendars")
                .allow(settings, "GET /admin/sla")
                .allow(audit, "GET /admin/audit");
    }

    /** Declares {@code routes} ({@code "METHOD /path"}, see the class comment) with {@code rule}. */
    public RoutePermissions allow(Rule rule, String... routes) {
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("a route is 'METHOD /path': " + route);
            }
            String method = parts[0].toUpperCase(Locale.ROOT);
            Map<String, Rule> into = parts[1].endsWith("/*") ? prefixes : exact;
            String path = parts[1].endsWith("/*") ? parts[1].substring(0, parts[1].length() - 2) : parts[1];
            if (into.putIfAbsent(key(method, path), rule) != null) {
                throw new IllegalArgumentException("declared twice: " + route);
            }
        }
        return this;
    }

    /** The rule of the route registered as {@code method} {@code pattern} (e.g. {@code GET /api/agents/{id}}). */
    public Optional<Rule> ruleFor(String method, String pattern) {
        String wanted = method.toUpperCase(Locale.ROOT);
        Rule found = exact.get(key(wanted, pattern));
        if (found != null) {
            return Optional.of(found);
        }
        String path = normalise(pattern);
        for (Map.Entry<String, Rule> prefix : prefixes.entrySet()) {
            String[] parts = prefix.getKey().split(" ", 2);
            boolean methodMatches = parts[0].equals("*") || parts[0].equals(wanted);
            if (methodMatches && (path.equals(parts[1]) || path.startsWith(parts[1] + "/"))) {
                return Optional.of(prefix.getValue());
            }
        }
        return Optional.empty();
    }

    /** Why {@code caller} may not call the route; an undeclared route is refused to everyone. */
    public Optional<String> refusal(Agent caller, String method, String pattern, Map<String, String> pathParams) {
        return ruleFor(method, pattern).map(rule -> rule.refusal(caller, pathParams)).orElse(Optional.of(UNDECLARED));
    }

    /** Whether {@code caller} may open a page or call a route that has no path parameters. */
    public boolean allows(Agent caller, String method, String path) {
        return refusal(caller, method, path, Map.of()).isEmpty();
    }

    /** Every declaration, as written, with its rule (for the README and tests). */
    public List<String> declared() {
        List<String> all = new ArrayList<>(exact.keySet());
        prefixes.keySet().forEach(prefix -> all.add(prefix + "/*"));
        return all;
    }

    private static String key(String method, String path) {
        return method + " " + normalise(path);
    }

    /** A path with its parameters' names dropped: {@code /api/agents/{id}} and {@code /api/agents/<agent>} are one. */
    private static String normalise(String path) {
        return path.replaceAll("\\{[^}/]*}|<[^>/]*>", "{}");
    }
}
