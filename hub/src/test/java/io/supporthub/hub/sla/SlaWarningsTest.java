package io.supporthub.hub.sla;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.support.TestHub;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warnings job over a whole hub, its clock moved by hand and the job's runner driven directly. A round-the-clock
 * calendar (working minutes are real minutes) and the account's defaults: 1 h to respond, 8 h to resolve; warnings
 * 30 min before. Deliveries are recorded, one per recipient.
 */
class SlaWarningsTest {

    record Delivered(long agentId, long ticketId, SlaNoticeKind kind, String text) {
    }

    static TestHub hub;
    static final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    static final SlaNoticeDelivery RECORD = (Handle handle, Agent agent, long ticketId, SlaNoticeKind kind, String text,
                                             AfterCommit afterCommit) ->
            afterCommit.add(() -> delivered.add(new Delivered(agent.id(), ticketId, kind, text)));
    static SlaWarnings warnings;
    static long calendarId;
    static long anna;
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
        calendarId = calendar.json().get("id").asLong();
        hub.database.jdbi().useHandle(handle -> handle.execute(
                "insert into sla_defaults (calendar_id, response_seconds, resolution_seconds) values (?, 3600, 28800)",
                calendarId));
        anna = agent("anna@agents.example", "Anna Assignee");
        warnings = runner(50);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static SlaWarnings runner(int batch) {
        return new SlaWarnings(hub.app.transactions(), RECORD, (handle, agentId) -> ZoneOffset.UTC, hub.clock, batch);
    }

    static long agent(String email, String name) {
        TestHub.Response created = hub.post("/api/agents", Map.of("email", email, "name", name,
                "password", "blue tractor morning"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static long inbound(String subject) {
        seq++;
        TestHub.Response response = hub.inbound("warn-" + seq + "-" + System.nanoTime(), "Customer " + seq,
                "warn" + seq + "@customer.example", subject);
        assertThat(response.status()).as(response.body()).isLessThan(300);
        return response.json().get("ticketId").asLong();
    }

    private static long assignedTicket(String subject) {
        long id = inbound(subject);
        assertThat(hub.patch("/api/tickets/" + id, Map.of("assignee", anna)).status()).isEqualTo(200);
        return id;
    }

    private static void later(Duration duration) {
        hub.clock.advance(duration);
    }

    /** The kinds sent about the ticket, in order, each notice once (whatever the number of its recipients). */
    private static List<String> notices(long ticketId) {
        return hub.database.jdbi().withHandle(handle -> handle.createQuery(
                        "select kind || ' ' || to_char(due_at at time zone 'UTC', 'HH24:MI') from sla_notice "
                                + "where ticket_id = :id order by sent_at, kind")
                .bind("id", ticketId).mapTo(String.class).list());
    }

    private static List<Delivered> deliveredOn(long ticketId) {
        return delivered.stream().filter(d -> d.ticketId() == ticketId).toList();
    }

    private static Instant alertAt(long ticketId) {
        return hub.database.jdbi().withHandle(handle -> handle.createQuery(
                "select sla_alert_at from ticket where id = :id").bind("id", ticketId).mapTo(Instant.class).findOne()
                .orElse(null));
    }

    private static long number(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().get("number").asLong();
    }

    @Test
    void aWarningThenTheBreach_eachExactlyOnce_andTheAlertMovesToTheNextMomentThenToNull() {
        Instant registered = hub.clock.instant();
        long id = assignedTicket("Printer jams");
        assertThat(alertAt(id)).as("planned on registration: the job reads the ticket only when it has to send")
                .isEqualTo(registered.plus(Duration.ofMinutes(30)));
        warnings.runToEnd();
        assertThat(notices(id)).isEmpty();
        assertThat(alertAt(id)).as("the response warning, 30 min before the planned response")
                .isEqualTo(registered.plus(Duration.ofMinutes(30)));

        later(Duration.ofMinutes(31));
        warnings.runToEnd();
        warnings.runToEnd();
        assertThat(deliveredOn(id)).extracting(Delivered::agentId, Delivered::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(anna, SlaNoticeKind.RESPONSE_WARNING));
        String due = SlaNoticeText.clock(registered.plus(Duration.ofHours(1)), hub.clock.instant(), ZoneOffset.UTC);
        assertThat(deliveredOn(id).get(0).text())
                .isEqualTo("Ticket #" + number(id) + " 'Printer jams': response due in 29 min (at " + due + ")");
        assertThat(alertAt(id)).isEqualTo(registered.plus(Duration.ofHours(1)));

        later(Duration.ofMinutes(30));
        warnings.runToEnd();
        assertThat(deliveredOn(id).get(1).text())
                .isEqualTo("Ticket #" + number(id) + " 'Printer jams': response overdue since " + due);
        assertThat(alertAt(id)).isEqualTo(registered.plus(Duration.ofMinutes(7 * 60 + 30)));

        later(Duration.ofMinutes(6 * 60 + 30));
        warnings.runToEnd();
        assertThat(alertAt(id)).isEqualTo(registered.plus(Duration.ofHours(8)));
        later(Duration.ofMinutes(30));
        warnings.runToEnd();
        warnings.runToEnd();
        assertThat(deliveredOn(id)).extracting(Delivered::kind).containsExactly(SlaNoticeKind.RESPONSE_WARNING,
                SlaNoticeKind.RESPONSE_BREACH, SlaNoticeKind.RESOLUTION_WARNING, SlaNoticeKind.RESOLUTION_BREACH);
        assertThat(deliveredOn(id).get(2).text()).contains("resolution due in");
        assertThat(deliveredOn(id).get(3).text()).contains("resolution overdue since");
        assertThat(alertAt(id)).as("nothing left to come").isNull();
    }

    @Test
    void aWarningWhoseMomentPassedWithItsPlannedTime_sendsJustTheBreach() {
        long id = assignedTicket("Registered while nobody looked");
        later(Duration.ofMinutes(75));
        warnings.runToEnd();
        assertThat(notices(id)).hasSize(1).allMatch(n -> n.startsWith("response_breach"));
        later(Duration.ofMinutes(1));
        warnings.runToEnd();
        assertThat(deliveredOn(id)).extracting(Delivered::kind).containsExactly(SlaNoticeKind.RESPONSE_BREACH);
    }

    @Test
    void aRecomputedPlannedTime_warnsAgain_whileTheSameTimeNeverTwice() {
        Instant registered = hub.clock.instant();
        long id = assignedTicket("Move the office");
        // the response is met, so only the resolution speaks
        assertThat(hub.post("/api/tickets/" + id + "/replies", Map.of("text", "On it")).status()).isEqualTo(201);
        Instant first = registered.plus(Duration.ofMinutes(20));
        resolutionDueAt(id, first);
        warnings.runToEnd();
        assertThat(notices(id)).containsExactly("resolution_warning " + hhmm(first));

        Instant second = registered.plus(Duration.ofHours(2));
        resolutionDueAt(id, second);
        warnings.runToEnd();
        assertThat(notices(id)).as("the new time's warning is not due yet").hasSize(1);
        later(Duration.ofMinutes(91));
        warnings.runToEnd();
        assertThat(notices(id)).containsExactly("resolution_warning " + hhmm(first), "resolution_warning " + hhmm(second));

        resolutionDueAt(id, registered.plus(Duration.ofHours(3)));
        resolutionDueAt(id, second);
        warnings.runToEnd();
        hub.database.jdbi().useHandle(handle -> handle.execute("update ticket set sla_alert_at = ? where id = ?",
                hub.clock.instant(), id));
        warnings.runToEnd();
        assertThat(deliveredOn(id)).as("the same planned time warned once").hasSize(2);
        assertThat(alertAt(id)).isEqualTo(second);
    }

    @Test
    void pausedAndResolvedTickets_getNothing() {
        long paused = assignedTicket("Waiting for the customer");
        long resolved = assignedTicket("Done already");
        assertThat(hub.post("/api/tickets/" + paused + "/status", Map.of("status", "pending")).status()).isEqualTo(200);
        assertThat(hub.post("/api/tickets/" + resolved + "/status", Map.of("status", "resolved")).status()).isEqualTo(200);
        // even asked to look (a stale alert time), the job finds nothing to send on them
        hub.database.jdbi().useHandle(handle -> handle.execute(
                "update ticket set sla_alert_at = ? where id in (?, ?)", hub.clock.instant(), paused, resolved));
        later(Duration.ofHours(9));
        warnings.runToEnd();
        assertThat(notices(paused)).isEmpty();
        assertThat(notices(resolved)).isEmpty();
        assertThat(alertAt(paused)).isNull();
        assertThat(alertAt(resolved)).isNull();
    }

    @Test
    void aMetResponse_sendsNoResponseNotices_butTheResolutionOnesStill() {
        long id = assignedTicket("Reset my password");
        assertThat(hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Done, check your mail")).status())
                .isEqualTo(201);
        later(Duration.ofHours(2));
        warnings.runToEnd();
        assertThat(notices(id)).isEmpty();
        later(Duration.ofMinutes(5 * 60 + 31));
        warnings.runToEnd();
        assertThat(notices(id)).hasSize(1).allMatch(n -> n.startsWith("resolution_warning"));
    }

    @Test
    void recipients_areTheAssigneeOrTheGroupList_andTheObservers_eachActiveEmployeeOnce() {
        long nora = agent("nora@agents.example", "Nora Notified");
        long otto = agent("otto@agents.example", "Otto Off");
        long pia = agent("pia@agents.example", "Pia Observer");
        long quinn = agent("quinn@agents.example", "Quinn In A Group");
        TestHub.Response group = hub.post("/api/groups", Map.of("name", "Night shift", "members", List.of(quinn),
                "notify", List.of(nora, otto, pia)));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        long groupId = group.json().get("id").asLong();
        TestHub.Response watchers = hub.post("/api/groups", Map.of("name", "Watchers", "members", List.of(quinn, pia)));
        long watchersId = watchers.json().get("id").asLong();
        assertThat(hub.patch("/api/agents/" + otto, Map.of("active", false)).status()).isEqualTo(200);

        long id = inbound("Router blinks red");
        assertThat(hub.patch("/api/tickets/" + id, Map.of("group", groupId)).status()).isEqualTo(200);
        assertThat(hub.post("/api/tickets/" + id + "/observers", Map.of("agentId", pia)).status()).isLessThan(300);
        assertThat(hub.post("/api/tickets/" + id + "/observers", Map.of("groupId", watchersId)).status()).isLessThan(300);
        later(Duration.ofMinutes(31));
        warnings.runToEnd();
        assertThat(deliveredOn(id)).extracting(Delivered::agentId).as("unassigned: the group's list, and the observers")
                .containsExactlyInAnyOrder(nora, pia, quinn);

        assertThat(hub.patch("/api/tickets/" + id, Map.of("assignee", anna)).status()).isEqualTo(200);
        later(Duration.ofMinutes(30));
        warnings.runToEnd();
        assertThat(deliveredOn(id).stream().filter(d -> d.kind() == SlaNoticeKind.RESPONSE_BREACH))
                .extracting(Delivered::agentId).as("assigned: the assignee and the observers")
                .containsExactlyInAnyOrder(anna, pia, quinn);
    }

    @Test
    void anInternalTicketsNotices_reachEmployeesOnly_neverTheCustomer() {
        long id = assignedTicket("Internal: renew the certificate");
        assertThat(hub.patch("/api/tickets/" + id, Map.of("type", "internal")).status()).isEqualTo(200);
        hub.drainOutbox();
        int customerMessagesBefore = hub.senders.values().stream().mapToInt(s -> s.sent().size()).sum();
        long messagesBefore = count("select count(*) from message where ticket_id = " + id);
        later(Duration.ofMinutes(61));
        warnings.runToEnd();
        hub.drainOutbox();
        assertThat(notices(id)).containsExactly("response_breach " + hhmm(alertAtOrDue(id)));
        Set<Long> employees = new HashSet<>(hub.database.jdbi().withHandle(handle ->
                handle.createQuery("select id from agent").mapTo(Long.class).list()));
        assertThat(deliveredOn(id)).isNotEmpty().allMatch(d -> employees.contains(d.agentId()));
        assertThat(hub.senders.values().stream().mapToInt(s -> s.sent().size()).sum())
                .as("nothing went out on a customer channel").isEqualTo(customerMessagesBefore);
        assertThat(count("select count(*) from message where ticket_id = " + id)).isEqualTo(messagesBefore);
    }

    @Test
    void aChangedLead_plansTheWarningsAgain() {
        Instant registered = hub.clock.instant();
        long id = assignedTicket("Lead changes");
        assertThat(alertAt(id)).isEqualTo(registered.plus(Duration.ofMinutes(30)));
        try {
            assertThat(hub.request("PUT", "/api/sla/settings", Map.of("warnBeforeMinutes", 45), Map.of()).status())
                    .isEqualTo(200);
            assertThat(alertAt(id)).as("to be planned again by the job").isEqualTo(hub.clock.instant());
            warnings.runToEnd();
            assertThat(alertAt(id)).as("45 working minutes before the planned response")
                    .isEqualTo(registered.plus(Duration.ofMinutes(15)));
            assertThat(hub.request("PUT", "/api/sla/settings", Map.of("warnBeforeMinutes", 45), Map.of()).status())
                    .isEqualTo(200);
            assertThat(alertAt(id)).as("the same lead again: nothing to plan").isEqualTo(registered.plus(Duration.ofMinutes(15)));
        } finally {
            hub.request("PUT", "/api/sla/settings", Map.of("warnBeforeMinutes", 30), Map.of());
            warnings.runToEnd();
        }
        assertThat(alertAt(id)).isEqualTo(registered.plus(Duration.ofMinutes(30)));
    }

    @Test
    void twoRunnersAtOnce_sendEachNoticeOnce() throws Exception {
        Instant now = hub.clock.instant();
        List<Long> ids = hub.database.jdbi().withHandle(handle -> handle.createQuery(
                        "insert into ticket (subject, status, line, contact_id, channel, created_at, updated_at, "
                                + "last_message_at, assignee_id, sla_calendar_id, sla_paused, response_due_at, "
                                + "resolution_due_at, sla_alert_at) select 'Bulk ' || n, 'open', 1, "
                                + "(select min(id) from contact), 'email', :now, :now, :now, :anna, :calendar, false, "
                                + ":responseDue, :resolutionDue, :now from generate_series(1, 400) n returning id")
                .bind("now", now).bind("anna", anna).bind("calendar", calendarId)
                .bind("responseDue", now.plus(Duration.ofMinutes(10)))
                .bind("resolutionDue", now.minus(Duration.ofMinutes(1)))
                .mapTo(Long.class).list());
        SlaWarnings one = runner(20);
        SlaWarnings two = runner(20);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(go, one));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(go, two));
        go.countDown();
        int sent = first.get() + second.get();

        assertThat(sent).isEqualTo(800);
        Map<String, Integer> perNotice = new HashMap<>();
        Set<Long> bulk = new HashSet<>(ids);
        delivered.stream().filter(d -> bulk.contains(d.ticketId()))
                .forEach(d -> perNotice.merge(d.ticketId() + " " + d.kind(), 1, Integer::sum));
        assertThat(perNotice).hasSize(800);
        assertThat(perNotice.values()).allMatch(n -> n == 1);
        assertThat(perNotice.keySet()).allMatch(k -> k.endsWith("RESPONSE_WARNING") || k.endsWith("RESOLUTION_BREACH"));
        assertThat(count("select count(*) from ticket where id = any(array" + ids + ") and sla_alert_at = '"
                + now.plus(Duration.ofMinutes(10)) + "'")).as("next: the response breach").isEqualTo(400);
    }

    private static int await(CountDownLatch go, SlaWarnings runner) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return runner.runToEnd();
    }

    private static Instant alertAtOrDue(long id) {
        return hub.database.jdbi().withHandle(handle -> handle.createQuery(
                "select response_due_at from ticket where id = :id").bind("id", id).mapTo(Instant.class).one());
    }

    private static long count(String sql) {
        return hub.database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static void resolutionDueAt(long id, Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("resolutionDueAt", at.toString());
        TestHub.Response patched = hub.patch("/api/tickets/" + id, body);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    private static String hhmm(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalTime().toString().substring(0, 5);
    }
}
