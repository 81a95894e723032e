package io.supporthub.hub.agent;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.supporthub.hub.support.PublicRoutesHub;
import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the running app registers (read from Javalin's router, so a route added later is covered) is declared
 * in {@link RoutePermissions}, and each role is refused exactly the routes the table keeps from it: 403 with the
 * reason, or anything but 403.
 */
class RoutePermissionsTest {

    static PublicRoutesHub hubs;
    static TestHub hub;
    static RoleCallers callers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        hubs = new PublicRoutesHub();
        hub = hubs.hub;
        callers = new RoleCallers(hub);
    }

    @AfterAll
    static void stop() {
        hubs.close();
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>(hub.app.routes().endpoints().stream().filter(e -> e.method.isHttpMethod()).toList());
        // Deletions last, so that nothing another call needs is gone.
        all.sort(Comparator.comparing((Endpoint e) -> e.method == HandlerType.DELETE).thenComparing(e -> e.path));
        return all;
    }

    @Test
    void every_route_of_the_app_is_declared() {
        List<String> undeclared = endpoints().stream()
                .filter(e -> hub.app.permissions().ruleFor(e.method.name(), e.path).isEmpty())
                .map(e -> e.method.name() + " " + e.path).toList();
        assertThat(endpoints()).hasSizeGreaterThan(60);
        assertThat(undeclared).as("routes missing from RoutePermissions").isEmpty();
    }

    @Test
    void an_undeclared_route_is_refused_to_everyone_even_an_administrator() {
        RoutePermissions table = new RoutePermissions().allow(Rule.ANY_AGENT, "GET /api/tickets");
        Agent admin = new Agent(1, "a@x", "A", "admin", 1, true);
        assertThat(table.refusal(admin, "GET", "/api/tickets", Map.of())).isEmpty();
        assertThat(table.refusal(admin, "DELETE", "/api/tickets", Map.of())).contains(RoutePermissions.UNDECLARED);
    }

    @Test
    void without_a_login_every_api_route_but_the_public_ones_answers_401() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Rule rule = hub.app.permissions().ruleFor(endpoint.method.name(), endpoint.path).orElseThrow();
            if (!endpoint.path.startsWith("/api/") || rule == Rule.PUBLIC) {
                continue;
            }
            int status = send(endpoint, null).status;
            if (status != 401) {
                wrong.add(endpoint.method + " " + endpoint.path + " -> " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void each_role_is_refused_exactly_the_routes_the_table_keeps_from_it() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<Role, Integer> refused = new java.util.EnumMap<>(Role.class);
        for (Role role : List.of(Role.SPECIALIST, Role.SENIOR, Role.ADMIN)) {
            for (Endpoint endpoint : endpoints()) {
                Rule rule = hub.app.permissions().ruleFor(endpoint.method.name(), endpoint.path).orElseThrow();
                if (rule == Rule.PUBLIC) {
                    continue;
                }
                boolean forbidden = !role.atLeast(rule.least());
                Answer answer = send(endpoint, callers.tokens.get(role));
                String route = role.wireName() + ": " + endpoint.method + " " + endpoint.path + " -> " + answer.status;
                if (forbidden != (answer.status == 403)) {
                    wrong.add(route + " " + answer.body);
                } else if (forbidden && endpoint.path.startsWith("/api/")
                        && Json.MAPPER.readTree(answer.body).path("message").asText().isBlank()) {
                    wrong.add(route + ": no reason given " + answer.body);
                }
                refused.merge(role, forbidden ? 1 : 0, Integer::sum);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(refused.get(Role.ADMIN)).isZero();
        assertThat(refused.get(Role.SENIOR)).as("settings, audit, passwords, others' tokens").isGreaterThanOrEqualTo(6);
        assertThat(refused.get(Role.SPECIALIST)).isGreaterThan(refused.get(Role.SENIOR) + 20);
    }

    @Test
    void a_refusal_says_why_in_json() {
        TestHub.Response refused = callers.call(Role.SPECIALIST, "GET", "/api/audit", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(refused.json().get("message").asText()).isEqualTo("only an administrator may read the audit log");
        assertThat(callers.call(Role.SENIOR, "PUT", "/api/notifications", Map.of()).json().get("message").asText())
                .isEqualTo("only an administrator may see or change settings");
    }

    @Test
    void parameter_names_do_not_matter_and_prefixes_cover_what_is_under_them() {
        RoutePermissions table = RoutePermissions.standard(SeniorReportsPolicy.NOT_ALLOWED, new ContactAccess(hub.app.transactions()),
                new CompanyAccess(hub.app.transactions()));
        assertThat(table.ruleFor("DELETE", "/api/tickets/{ticket}/observers/{kind}/{id}")).isPresent();
        assertThat(table.ruleFor("POST", "/webhooks/some/new/provider")).contains(Rule.PUBLIC);
        assertThat(table.ruleFor("GET", "/api/reports")).isPresent();
        assertThat(table.ruleFor("GET", "/api/reports/load/{group}")).isPresent();
        assertThat(table.ruleFor("GET", "/api/reportsx")).isEmpty();
    }

    @Test
    void seniors_see_reports_only_while_the_setting_allows_it() {
        AtomicBoolean allowed = new AtomicBoolean(false);
        RoutePermissions table = RoutePermissions.standard(allowed::get, new ContactAccess(hub.app.transactions()),
                new CompanyAccess(hub.app.transactions()));
        Agent senior = new Agent(2, "s@x", "S", "senior", 1, true);
        Agent specialist = new Agent(3, "p@x", "P", "specialist", 1, true);
        Agent admin = new Agent(1, "a@x", "A", "admin", 1, true);
        assertThat(table.allows(senior, "GET", "/api/reports/tickets")).isFalse();
        assertThat(table.allows(admin, "GET", "/api/reports/tickets")).isTrue();
        allowed.set(true);
        assertThat(table.allows(senior, "GET", "/api/reports/tickets")).isTrue();
        assertThat(table.allows(specialist, "GET", "/api/reports/tickets")).isFalse();
    }

    private record Answer(int status, String body) {
    }

    /** The route with its parameters filled (an agent's: the target's id; anything else: an id that does not exist). */
    private Answer send(Endpoint endpoint, String token) throws IOException, InterruptedException {
        String filler = endpoint.path.startsWith("/api/agents/") ? String.valueOf(callers.targetId) : "999999";
        String path = endpoint.path.replaceAll("\\{[^}]*}|<[^>]*>", filler);
        boolean takesBody = endpoint.method == HandlerType.POST || endpoint.method == HandlerType.PUT
                || endpoint.method == HandlerType.PATCH;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url(path))).timeout(Duration.ofSeconds(20))
                .method(endpoint.method.name(), takesBody ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
        if (takesBody) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            // An event stream never ends: its head is the answer.
            return new Answer(response.statusCode(), stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
