package io.supporthub.hub.agent;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A specialist opens the card of a contact only through a ticket of that contact they are responsible for or opened;
 * seniors and administrators open any; the integration adds relations (groups, observers) through the extension point.
 */
class ContactAccessTest {

    TestHub hub;
    RoleCallers callers;
    ContactAccess access;
    Agent specialist;
    Agent senior;

    @BeforeEach
    void start() {
        hub = new TestHub();
        callers = new RoleCallers(hub);
        access = new ContactAccess(hub.app.transactions());
        specialist = agent(Role.SPECIALIST);
        senior = agent(Role.SENIOR);
        // Out of every group, so that only the relation under test opens a card.
        sql("delete from agent_group_member where agent_id in (" + specialist.id() + ", " + callers.targetId + ")");
    }

    private void sql(String statement) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.execute(statement));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private Agent agent(Role role) {
        long id = callers.ids.get(role);
        return hub.app.agents().all().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    private long ticketFrom(String name, String email) {
        return hub.inbound("ext-" + email, name, email, "Hello").json().get("ticketId").asLong();
    }

    private long contactOf(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().get("contact").get("id").asLong();
    }

    @Test
    void a_specialist_sees_the_contacts_of_tickets_they_are_responsible_for() {
        long assigned = ticketFrom("Alma Assigned", "alma@example.com");
        long other = ticketFrom("Olga Other", "olga@example.com");
        assertThat(hub.patch("/api/tickets/" + assigned, Map.of("assignee", specialist.id())).status()).isEqualTo(200);

        assertThat(access.maySee(specialist, contactOf(assigned))).isTrue();
        assertThat(access.maySee(specialist, contactOf(other))).isFalse();
        assertThat(access.maySee(senior, contactOf(other))).isTrue();
    }

    @Test
    void a_specialist_sees_the_contact_of_a_ticket_they_opened() {
        long opened = callers.call(Role.SPECIALIST, "POST", "/api/tickets", Map.of("subject", "Called us",
                "text", "Wants a callback", "contact", Map.of("name", "Paul Phoned", "email", "paul@example.com")))
                .json().get("id").asLong();
        assertThat(access.maySee(specialist, contactOf(opened))).isTrue();
        assertThat(access.maySee(agent(Role.ADMIN), contactOf(opened))).isTrue();
        Agent colleague = hub.app.agents().all().stream().filter(a -> a.id() == callers.targetId).findFirst().orElseThrow();
        assertThat(access.maySee(colleague, contactOf(opened))).as("not the author, not responsible").isFalse();
    }

    @Test
    void a_specialist_sees_the_contacts_of_tickets_in_their_groups_and_of_tickets_they_observe() {
        long escalated = ticketFrom("Eve Escalated", "eve@example.com");
        assertThat(hub.post("/api/tickets/" + escalated + "/escalate", Map.of("reason", "needs a specialist")).status()).isEqualTo(200);
        assertThat(access.maySee(specialist, contactOf(escalated))).isFalse();
        sql("insert into agent_group_member (group_id, agent_id) select id, " + specialist.id()
                + " from agent_group where escalation_target");
        assertThat(access.maySee(specialist, contactOf(escalated))).as("in their group's queue").isTrue();

        long watched = ticketFrom("Wanda Watched", "wanda@example.com");
        assertThat(access.maySee(specialist, contactOf(watched))).isFalse();
        assertThat(hub.post("/api/tickets/" + watched + "/observers", Map.of("agentId", specialist.id())).status())
                .isEqualTo(201);
        assertThat(access.maySee(specialist, contactOf(watched))).as("an observer").isTrue();
    }

    @Test
    void the_card_rule_reads_the_contact_from_the_path() {
        long other = ticketFrom("Olga Other", "olga@example.com");
        Rule card = access.cardRule();
        assertThat(card.refusal(specialist, Map.of("id", String.valueOf(contactOf(other))))).get().asString()
                .contains("a specialist sees the card of a contact only when");
        assertThat(card.refusal(senior, Map.of("id", String.valueOf(contactOf(other))))).isEmpty();
        assertThat(card.refusal(specialist, Map.of("id", "not-a-number"))).as("the route answers 404").isEmpty();
    }
}
