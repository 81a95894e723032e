package io.supporthub.hub.company;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.supporthub.hub.ticket.TicketFilter;
import io.supporthub.hub.ticket.TicketListQueries;
import io.supporthub.hub.ticket.TicketSummary;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket's company: set at registration from the contact's, in the ticket JSON, changed by PATCH with a timeline
 * event, a list filter; moving a contact leaves its tickets; the company's and contact's default observers join a new
 * ticket.
 */
class TicketCompanyTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static long company(String name, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("name", name);
        TestHub.Response created = hub.post("/api/companies", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static long ticket(String id, String email) {
        return hub.inbound(id, "Customer " + id, email, "Help with " + id).json().get("ticketId").asLong();
    }

    private static long contactOf(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().get("contact").get("id").asLong();
    }

    /** Puts the contact in a company, as the contact card (another part of the hub) does. */
    private static void moveContact(long contactId, Long companyId) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.createUpdate(
                "update contact set company_id = :company, company_source = 'person' where id = :id")
                .bind("company", companyId).bind("id", contactId).execute());
    }

    private static List<Long> listIds(String query) {
        List<Long> ids = new ArrayList<>();
        hub.get("/api/tickets?" + query).json().get("items").forEach(t -> ids.add(t.get("id").asLong()));
        return ids;
    }

    @Test
    void a_new_ticket_is_its_contacts_company_and_moving_the_contact_later_leaves_it_there() {
        long globex = company("Globex", Map.of("categoryId", hub.get("/api/categories").json().get(2).get("id").asLong()));
        long initech = company("Initech", Map.of());
        long first = ticket("tc-first", "hank@globex.example");
        assertThat(hub.get("/api/tickets/" + first).json().get("company").isNull()).as("no company yet").isTrue();
        long contact = contactOf(first);
        moveContact(contact, globex);

        TestHub.Response second = hub.inbound("tc-second", "Hank", "hank@globex.example", "Another problem");
        long secondId = second.json().get("ticketId").asLong();
        if (secondId == first) {
            // Still in the first ticket's thread: close it so the next mail opens a new one.
            hub.post("/api/tickets/" + first + "/status", Map.of("status", "resolved"));
        }
        long opened = hub.post("/api/tickets", Map.of("subject", "Phoned in", "contact", Map.of("id", contact)))
                .json().get("id").asLong();
        JsonNode company = hub.get("/api/tickets/" + opened).json().get("company");
        assertThat(company.get("id").asLong()).as("POST /api/tickets takes the contact's company").isEqualTo(globex);
        assertThat(company.get("name").asText()).isEqualTo("Globex");
        assertThat(company.get("category").asText()).isEqualTo("VIP client");
        assertThat(hub.get("/api/tickets/" + first).json().get("company").isNull())
                .as("a ticket registered before the contact joined stays without a company").isTrue();

        moveContact(contact, initech);
        assertThat(hub.get("/api/tickets/" + opened).json().get("company").get("id").asLong())
                .as("moving the contact never moves its existing tickets").isEqualTo(globex);
        long later = hub.post("/api/tickets", Map.of("subject", "Later", "contact", Map.of("id", contact)))
                .json().get("id").asLong();
        assertThat(hub.get("/api/tickets/" + later).json().get("company").get("id").asLong()).isEqualTo(initech);
        assertThat(listIds("company=" + globex)).contains(opened).doesNotContain(later, first);
        assertThat(listIds("company=" + initech)).containsExactly(later);
    }

    @Test
    void patching_the_company_changes_it_records_it_on_the_timeline_and_refuses_an_unknown_one() {
        long umbrella = company("Umbrella", Map.of());
        long ticketId = ticket("tc-patch", "alice@umbrella.example");

        TestHub.Response patched = hub.patch("/api/tickets/" + ticketId, Map.of("companyId", umbrella));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("company").get("name").asText()).isEqualTo("Umbrella");
        JsonNode timeline = hub.get("/api/tickets/" + ticketId).json().get("timeline");
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("updated");
        assertThat(last.toString()).contains("Umbrella");
        assertThat(listIds("company=" + umbrella)).containsExactly(ticketId);
        assertThat(listIds("company=" + umbrella + "&status=resolved")).isEmpty();

        TestHub.Response unknown = hub.patch("/api/tickets/" + ticketId, Map.of("companyId", 999999));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_company");
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("company").get("id").asLong()).isEqualTo(umbrella);

        TestHub.Response cleared = hub.patch("/api/tickets/" + ticketId, java.util.Collections.singletonMap("companyId", null));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("company").isNull()).isTrue();
        assertThat(listIds("company=" + umbrella)).isEmpty();
        assertThat(hub.get("/api/tickets?company=abc").status()).isEqualTo(400);
    }

    @Test
    void the_company_filter_is_one_ordered_scan_of_the_company_index_per_status() {
        long wanted = company("Indexed Co", Map.of());
        long other = company("Crowded Co", Map.of());
        long contact = contactOf(ticket("tc-index", "ivan@indexed.example"));
        // Many tickets of another company and a few of this one, so that the planner has figures to choose by.
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            handle.execute("insert into ticket (subject, status, line, contact_id, channel, company_id, created_at, "
                    + "updated_at, last_message_at, last_message_in, search) select 'Bulk ' || g, "
                    + "(array['open', 'pending', 'resolved', 'closed'])[1 + g % 4], 1, " + contact + ", 'email', "
                    + "case when g % 500 = 0 then " + wanted + " else " + other + " end, now(), now(), "
                    + "now() - make_interval(secs => g), true, to_tsvector('simple', 'bulk') from generate_series(1, 4000) g");
            handle.execute("analyze ticket");
            return null;
        });
        List<String> plan = new ArrayList<>();
        List<Long> page = hub.app.transactions().inTransaction((handle, afterCommit) -> {
            List<String> statements = new ArrayList<>();
            handle.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext context) {
                    statements.add(context.getRawSql());
                }
            });
            List<Long> ids = new TicketListQueries(handle).list(new TicketFilter(List.of("open", "pending"), null, null,
                    false, null, null, null, null, null, null, null, null, 50).withCompany(wanted))
                    .stream().map(TicketSummary::id).toList();
            String list = statements.stream().filter(sql -> sql.contains("union all")).findFirst().orElseThrow();
            Query explain = handle.createQuery("explain " + list).bind("companyId", wanted);
            explain.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
            plan.addAll(explain.mapTo(String.class).list());
            return ids;
        });
        assertThat(plan.stream().filter(line -> line.contains("Scan using ticket_company_inbox on ticket")))
                .as("one scan of ticket_company_inbox per status:\n" + String.join("\n", plan)).hasSize(2);
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan on ticket"));
        List<Long> expected = hub.app.transactions().read(handle -> handle.createQuery("select id from ticket where "
                + "company_id = :c and status in ('open', 'pending') order by last_message_at desc, id desc")
                .bind("c", wanted).mapTo(Long.class).list());
        assertThat(page).hasSize(8).isEqualTo(expected);
    }

    @Test
    void the_default_observers_of_the_company_and_of_the_contact_watch_a_new_ticket() {
        long olga = hub.post("/api/agents", Map.of("email", "olga@test.local", "name", "Olga Observer",
                "password", "blue tractor morning")).json().get("id").asLong();
        long pete = hub.post("/api/agents", Map.of("email", "pete@test.local", "name", "Pete Personal",
                "password", "blue tractor morning")).json().get("id").asLong();
        long group = hub.post("/api/groups", Map.of("name", "Account team")).json().get("id").asLong();
        long hooli = company("Hooli", Map.of("observers", List.of(Map.of("kind", "agent", "id", olga),
                Map.of("kind", "group", "id", group))));
        long before = ticket("tc-observed-before", "gavin@hooli.example");
        long contact = contactOf(before);
        moveContact(contact, hooli);
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            handle.execute("insert into contact_observer (contact_id, agent_id) values (" + contact + ", " + pete + ")");
            // Olga observes the contact too: she is added once.
            handle.execute("insert into contact_observer (contact_id, agent_id) values (" + contact + ", " + olga + ")");
            return null;
        });

        long opened = hub.post("/api/tickets", Map.of("subject", "Observed", "contact", Map.of("id", contact)))
                .json().get("id").asLong();
        List<String> observers = new ArrayList<>();
        hub.get("/api/tickets/" + opened).json().get("observers")
                .forEach(o -> observers.add(o.get("kind").asText() + ":" + o.get("name").asText()));
        assertThat(observers).containsExactlyInAnyOrder("agent:Olga Observer", "agent:Pete Personal", "group:Account team");
        assertThat(hub.get("/api/tickets/" + before).json().get("observers")).as("only new tickets").isEmpty();
        assertThat(listIds("watching=" + pete)).contains(opened);

        // A mail from a contact of no company with no observers of their own starts with none.
        long plain = ticket("tc-plain", "nobody@plain.example");
        assertThat(hub.get("/api/tickets/" + plain).json().get("observers")).isEmpty();
    }
}
