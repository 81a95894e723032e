package io.supporthub.hub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned times on tickets through the API, on a round-the-clock calendar (working seconds are real seconds): the
 * account's defaults give 1 h to respond and 8 h to resolve, a rule for priority "high" 10 min and 2 h.
 */
class TicketSlaApiTest {

    static TestHub hub;
    static long highRule;
    static int seq;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
            hours.put(day, List.of(List.of("00:00", "24:00")));
        }
        TestHub.Response calendar = hub.post("/api/calendars", Map.of("name", "Always", "timeZone", "UTC", "hours", hours));
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(201);
        long calendarId = calendar.json().get("id").asLong();
        highRule = hub.database.jdbi().withHandle(handle -> {
            handle.execute("insert into sla_defaults (calendar_id, response_seconds, resolution_seconds) values (?, 3600, 28800)",
                    calendarId);
            return handle.createQuery("insert into sla_rule (name, position, priority_ids, calendar_id, response_seconds, "
                            + "resolution_seconds) values ('Urgent', 1, array[(select id from ticket_priority where name = 'high')], "
                            + ":calendar, 600, 7200) returning id")
                    .bind("calendar", calendarId).mapTo(Long.class).one();
        });
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static long inbound(String email, String text) {
        TestHub.Response response = hub.inbound("sla-" + (++seq), "Customer " + seq, email, text);
        assertThat(response.status()).as(response.body()).isLessThan(300);
        return response.json().get("ticketId").asLong();
    }

    private static JsonNode ticket(long id) {
        return hub.get("/api/tickets/" + id).json();
    }

    private static JsonNode sla(long id) {
        return ticket(id).get("sla");
    }

    private static Instant at(JsonNode node, String field) {
        return node.get(field).isNull() ? null : Instant.parse(node.get(field).asText());
    }

    private static void status(long id, String status) {
        TestHub.Response response = hub.post("/api/tickets/" + id + "/status", Map.of("status", status));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void later(Duration duration) {
        hub.clock.advance(duration);
    }

    @Test
    void anInboundTicket_getsTheDefaults_andNotificationsOrAcknowledgementsAreNoResponse() {
        Instant registered = hub.clock.instant();
        long id = inbound("first@example.com", "My parcel is lost");
        hub.drainOutbox();
        JsonNode sla = sla(id);
        assertThat(sla.get("ruleId").isNull()).isTrue();
        assertThat(at(sla, "responseDueAt")).isEqualTo(registered.plusSeconds(3600));
        assertThat(at(sla, "resolutionDueAt")).isEqualTo(registered.plusSeconds(28800));
        assertThat(sla.get("respondedAt").isNull()).as("the acknowledgement sent is not a response").isTrue();
        assertThat(sla.get("paused").asBoolean()).isFalse();
        assertThat(sla.get("overdue").asBoolean()).isFalse();
        hub.post("/api/tickets/" + id + "/notes", Map.of("text", "internal: checking with the carrier"));
        assertThat(sla(id).get("respondedAt").isNull()).as("an internal note is no response").isTrue();

        later(Duration.ofMinutes(70));
        assertThat(sla(id).get("overdue").asBoolean()).isTrue();
        TestHub.Response reply = hub.post("/api/tickets/" + id + "/replies", Map.of("text", "We are on it"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        sla = sla(id);
        assertThat(at(sla, "respondedAt")).isEqualTo(hub.clock.instant());
        assertThat(sla.get("responseWorkingSeconds").asLong()).isEqualTo(70 * 60);
        assertThat(sla.get("responseDiffSeconds").asLong()).as("missed by 10 min").isEqualTo(-10 * 60);
        assertThat(sla.get("overdue").asBoolean()).as("the resolution is due in 6 h 50").isFalse();
        Instant dueAt = hub.database.jdbi().withHandle(h -> h.createQuery("select sla_due_at from ticket where id = :id")
                .bind("id", id).mapTo(Instant.class).one());
        assertThat(dueAt).isEqualTo(registered.plusSeconds(28800));
    }

    @Test
    void aStatusChangeByAnAgentIsTheResponse_aPauseHidesTheDueTime_andTheCustomersMessageResumes() {
        Instant registered = hub.clock.instant();
        long id = inbound("pause@example.com", "The app crashes");
        later(Duration.ofMinutes(10));
        status(id, "pending");
        JsonNode paused = sla(id);
        assertThat(at(paused, "respondedAt")).isEqualTo(registered.plusSeconds(600));
        assertThat(paused.get("responseWorkingSeconds").asLong()).isEqualTo(600);
        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(paused.get("resolutionDueAt").isNull()).isTrue();

        later(Duration.ofHours(2));
        inbound("pause@example.com", "Here is the log you asked for");
        JsonNode resumed = sla(id);
        assertThat(ticket(id).get("status").asText()).isEqualTo("open");
        assertThat(resumed.get("paused").asBoolean()).isFalse();
        assertThat(at(resumed, "resolutionDueAt")).as("8 h plus the 2 h paused").isEqualTo(registered.plusSeconds(10 * 3600));

        // A second cycle: postponed for a day, back by the agent.
        later(Duration.ofHours(1));
        hub.post("/api/tickets/" + id + "/status", Map.of("status", "postponed",
                "until", hub.clock.instant().plus(Duration.ofDays(1)).toString()));
        assertThat(sla(id).get("paused").asBoolean()).isTrue();
        later(Duration.ofHours(5));
        status(id, "open");
        assertThat(at(sla(id), "resolutionDueAt")).isEqualTo(registered.plusSeconds(15 * 3600));
    }

    @Test
    void aTicketCreatedPaused_startsPaused_andAnOutboundFirstMessageIsTheResponseAtCreation() {
        Instant created = hub.clock.instant();
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Call back about the invoice");
        body.put("contact", Map.of("name", "Olga", "email", "olga@example.com"));
        body.put("channel", "email");
        body.put("text", "Hello Olga, we will call you tomorrow.");
        body.put("status", "pending");
        TestHub.Response response = hub.post("/api/tickets", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        long id = response.json().get("id").asLong();
        JsonNode sla = sla(id);
        assertThat(sla.get("paused").asBoolean()).isTrue();
        assertThat(at(sla, "respondedAt")).isEqualTo(created);
        assertThat(sla.get("responseWorkingSeconds").asLong()).isZero();
        assertThat(sla.get("responseDiffSeconds").asLong()).isEqualTo(3600);
        assertThat(sla.get("resolutionDueAt").isNull()).isTrue();
        later(Duration.ofHours(3));
        status(id, "open");
        assertThat(at(sla(id), "resolutionDueAt")).isEqualTo(hub.clock.instant().plusSeconds(28800));
    }

    @Test
    void resolvedStopsTheClock_storesTheFigures_andAReopenedTicketGoesOnFromWhereItStopped() {
        long id = inbound("reopen@example.com", "Password reset does not arrive");
        later(Duration.ofHours(1));
        status(id, "resolved");
        JsonNode resolved = sla(id);
        assertThat(resolved.get("resolutionWorkingSeconds").asLong()).isEqualTo(3600);
        assertThat(resolved.get("resolutionDiffSeconds").asLong()).isEqualTo(7 * 3600);
        assertThat(resolved.get("resolutionDueAt").isNull()).isTrue();
        assertThat(resolved.get("overdue").asBoolean()).isFalse();

        later(Duration.ofDays(1));
        inbound("reopen@example.com", "It still does not arrive");
        assertThat(ticket(id).get("status").asText()).isEqualTo("open");
        assertThat(at(sla(id), "resolutionDueAt")).as("7 h left").isEqualTo(hub.clock.instant().plusSeconds(7 * 3600));
        later(Duration.ofMinutes(30));
        status(id, "resolved");
        assertThat(sla(id).get("resolutionWorkingSeconds").asLong()).isEqualTo(5400);
    }

    @Test
    void flagsChangedLater_doNotRewriteThePast_andACustomerMessageLeavesAPausingVariantOfOpen() {
        TestHub.Response parts = hub.post("/api/statuses", Map.of("name", "Waiting for parts", "base", "pending",
                "pausesSla", false));
        assertThat(parts.status()).as(parts.body()).isEqualTo(201);
        long partsId = parts.json().get("id").asLong();
        Instant registered = hub.clock.instant();
        long id = inbound("parts@example.com", "The printer needs a new drum");
        status(id, "Waiting for parts");
        assertThat(sla(id).get("paused").asBoolean()).as("its flag says it does not pause").isFalse();
        JsonNode event = lastStatusEvent(id);
        assertThat(event.get("toCustomStatus").get("name").asText()).isEqualTo("Waiting for parts");
        assertThat(event.get("pausesSla").asBoolean()).isFalse();
        later(Duration.ofHours(2));
        // The flag changes: the two hours already spent in it still counted.
        assertThat(hub.patch("/api/statuses/" + partsId, Map.of("pausesSla", true)).status()).isEqualTo(200);
        status(id, "open");
        assertThat(at(sla(id), "resolutionDueAt")).isEqualTo(registered.plusSeconds(28800));
        status(id, "Waiting for parts");
        assertThat(sla(id).get("paused").asBoolean()).as("now it pauses").isTrue();

        TestHub.Response onHold = hub.post("/api/statuses", Map.of("name", "On hold", "base", "open", "pausesSla", true));
        assertThat(onHold.status()).as(onHold.body()).isEqualTo(201);
        status(id, "open");
        status(id, "On hold");
        assertThat(sla(id).get("paused").asBoolean()).isTrue();
        assertThat(lastStatusEvent(id).get("fromCustomStatus")).isNull();
        inbound("parts@example.com", "Any news?");
        assertThat(ticket(id).get("statusLabel").asText()).as("out of the pausing status").isNotEqualTo("On hold");
        assertThat(sla(id).get("paused").asBoolean()).isFalse();
        assertThat(lastStatusEvent(id).get("fromCustomStatus").get("name").asText()).isEqualTo("On hold");
    }

    @Test
    void statusFlags_haveEffectiveValues_andResolvedOrClosedRefuseThem() {
        JsonNode statuses = hub.get("/api/statuses").json();
        Map<String, JsonNode> byBase = new HashMap<>();
        statuses.forEach(s -> {
            if (s.get("system").asBoolean()) {
                byBase.put(s.get("baseState").asText(), s);
            }
        });
        assertThat(byBase.get("pending").get("effectivePausesSla").asBoolean()).isTrue();
        assertThat(byBase.get("postponed").get("effectivePausesSla").asBoolean()).isTrue();
        assertThat(byBase.get("open").get("effectivePausesSla").asBoolean()).isFalse();
        assertThat(byBase.get("awaiting_reply").get("effectiveCountsForLoad").asBoolean()).isTrue();
        TestHub.Response refused = hub.patch("/api/statuses/" + byBase.get("resolved").get("id").asLong(),
                Map.of("pausesSla", true));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("always stops both clocks");
        assertThat(hub.post("/api/statuses", Map.of("name", "Done elsewhere", "base", "closed", "countsForLoad", true))
                .status()).isEqualTo(400);
        TestHub.Response awaiting = hub.patch("/api/statuses/" + byBase.get("awaiting_reply").get("id").asLong(),
                Map.of("countsForLoad", false));
        assertThat(awaiting.json().get("effectiveCountsForLoad").asBoolean()).isFalse();
    }

    @Test
    void changingThePriority_choosesTheRuleAgain_andRecomputesFromTheHistory() {
        Instant registered = hub.clock.instant();
        long id = inbound("urgent@example.com", "Production is down");
        later(Duration.ofMinutes(5));
        TestHub.Response patched = hub.patch("/api/tickets/" + id, Map.of("priority", "high"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode sla = patched.json().get("sla");
        assertThat(sla.get("ruleId").asLong()).isEqualTo(highRule);
        assertThat(sla.get("ruleName").asText()).isEqualTo("Urgent");
        assertThat(at(sla, "responseDueAt")).isEqualTo(registered.plusSeconds(600));
        assertThat(at(sla, "resolutionDueAt")).isEqualTo(registered.plusSeconds(7200));
        hub.patch("/api/tickets/" + id, Map.of("priority", "normal"));
        assertThat(sla(id).get("ruleId").isNull()).isTrue();
        assertThat(at(sla(id), "resolutionDueAt")).isEqualTo(registered.plusSeconds(28800));
    }

    @Test
    void aCustomersMessage_registersItsTicketWithTheRuleOfTheContactsCompanyAndTheDefaultPriority_inItsInsert() {
        long company = hub.post("/api/companies", Map.of("name", "Registrars Ltd")).json().get("id").asLong();
        long contact = hub.post("/api/contacts", Map.of("name", "Rita Registrar", "email", "rita@registrars.example"))
                .json().get("id").asLong();
        hub.database.jdbi().useHandle(h -> h.execute("update contact set company_id = ? where id = ?", company, contact));
        long rule = hub.database.jdbi().withHandle(h -> h.createQuery("insert into sla_rule (name, position, company_ids, "
                        + "priority_ids, channels, response_seconds, resolution_seconds) values ('Registrars', 0, "
                        + "array[:company]::bigint[], array[(select id from ticket_priority where name = 'normal')], '{api}', "
                        + "7200, 14400) returning id")
                .bind("company", company).mapTo(Long.class).one());
        try {
            Instant registered = hub.clock.instant();
            long id = inbound("rita@registrars.example", "Our domain expires tomorrow");
            JsonNode sla = sla(id);
            assertThat(sla.get("ruleId").asLong()).isEqualTo(rule);
            assertThat(at(sla, "responseDueAt")).isEqualTo(registered.plusSeconds(7200));
            assertThat(at(sla, "resolutionDueAt")).isEqualTo(registered.plusSeconds(14400));
            Instant alertAt = hub.database.jdbi().withHandle(h -> h.createQuery("select sla_alert_at from ticket where id = :id")
                    .bind("id", id).mapTo(Instant.class).one());
            assertThat(alertAt).as("the first warning, planned in the same insert")
                    .isEqualTo(registered.plusSeconds(7200 - 30 * 60));
            assertThat(sla(inbound("nobody@registrars.example", "And ours?")).get("ruleId").isNull())
                    .as("a contact of no company: the defaults").isTrue();
            TestHub.Response opened = hub.post("/api/tickets", Map.of("subject", "Renewal", "contact", Map.of("id", contact)));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            assertThat(opened.json().get("sla").get("ruleId").asLong()).as("an agent's ticket: the same choice").isEqualTo(rule);
        } finally {
            hub.database.jdbi().useHandle(h -> h.execute("delete from sla_rule where id = ?", rule));
        }
    }

    @Test
    void aResolutionTimeSetByHand_isKeptThroughARecompute_andNullReturnsToTheComputedTime() {
        Instant registered = hub.clock.instant();
        long id = inbound("byhand@example.com", "Move our office on Friday");
        Instant friday = registered.plus(Duration.ofDays(4));
        Map<String, Object> set = new HashMap<>();
        set.put("resolutionDueAt", friday.toString());
        assertThat(hub.patch("/api/tickets/" + id, set).status()).isEqualTo(200);
        assertThat(at(sla(id), "resolutionDueAt")).isEqualTo(friday);
        assertThat(sla(id).get("resolutionDueByHand").asBoolean()).isTrue();
        status(id, "pending");
        later(Duration.ofHours(1));
        status(id, "open");
        hub.patch("/api/tickets/" + id, Map.of("priority", "high"));
        assertThat(at(sla(id), "resolutionDueAt")).as("kept through the pause and the new rule").isEqualTo(friday);
        Map<String, Object> clear = new HashMap<>();
        clear.put("resolutionDueAt", null);
        assertThat(hub.patch("/api/tickets/" + id, clear).status()).isEqualTo(200);
        JsonNode computed = sla(id);
        assertThat(computed.get("resolutionDueByHand").asBoolean()).isFalse();
        assertThat(at(computed, "resolutionDueAt")).as("2 h of the Urgent rule plus the hour paused")
                .isEqualTo(registered.plusSeconds(3 * 3600));
        assertThat(hub.patch("/api/tickets/" + id, Map.of("resolutionDueAt", "friday")).status()).isEqualTo(400);
    }

    @Test
    void theCreationFormsResolutionDueAt_isKeptAndMarked() {
        Instant due = hub.clock.instant().plus(Duration.ofDays(2));
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Quarterly check");
        body.put("contact", Map.of("name", "Ivan", "email", "ivan@example.com"));
        body.put("resolutionDueAt", due.toString());
        TestHub.Response response = hub.post("/api/tickets", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode sla = response.json().get("sla");
        assertThat(at(sla, "resolutionDueAt")).isEqualTo(due);
        assertThat(sla.get("resolutionDueByHand").asBoolean()).isTrue();
        assertThat(sla.get("respondedAt").isNull()).as("a description is no message to the customer").isTrue();
    }

    private static JsonNode lastStatusEvent(long id) {
        JsonNode last = null;
        for (JsonNode event : ticket(id).get("timeline")) {
            if (!event.get("toStatus").isNull()) {
                last = event;
            }
        }
        assertThat(last).isNotNull();
        try {
            return Json.MAPPER.readTree(last.get("detail").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
