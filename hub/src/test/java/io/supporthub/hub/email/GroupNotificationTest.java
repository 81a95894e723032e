package io.supporthub.hub.email;

import io.supporthub.hub.agent.Agent;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's notification list (issue 16, item 2): told live and by mail of a ticket arriving unassigned in the
 * group's queue, however it got there, never of an assigned arrival, never a disabled employee, never the one who
 * moved it.
 */
class GroupNotificationTest {

    static MailHub mail;
    static Agent nora;
    static Agent otto;
    static Agent pia;
    static long nightShift;

    @BeforeAll
    static void start() {
        mail = new MailHub(Map.of());
        nora = mail.hub.app.agents().create("nora@agents.example", "Nora Night", "correct horse battery staple", "agent", 1);
        otto = mail.hub.app.agents().create("otto@agents.example", "Otto Off", "correct horse battery staple", "agent", 1);
        pia = mail.hub.app.agents().create("pia@agents.example", "Pia Member", "correct horse battery staple", "agent", 1);
        nightShift = mail.hub.post("/api/groups", Map.of("name", "Night shift", "members", List.of(pia.id()),
                "notify", List.of(1, nora.id(), otto.id()))).json().get("id").asLong();
        assertThat(mail.hub.patch("/api/agents/" + otto.id(), Map.of("active", false)).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    private static long newTicket(String messageId) {
        mail.deliver("Ivan <ivan@customer.example>", "Router blinks red", "Since this morning.", messageId);
        mail.poll();
        return mail.ticketOfMail(messageId);
    }

    private static long group(String name) {
        for (var g : mail.hub.get("/api/groups").json()) {
            if (g.get("name").asText().equals(name)) {
                return g.get("id").asLong();
            }
        }
        throw new AssertionError("no group " + name);
    }

    private static List<MimeMessage> awaitMailTo(String address, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (mail.sentTo(address).size() < count && Instant.now().isBefore(deadline)) {
            mail.hub.app.email().orElseThrow().agentMail().sendDue();
            Thread.sleep(50);
        }
        return mail.sentTo(address);
    }

    /** What has been sent so far, every due mail sent first. */
    private static int mailsTo(String address) {
        mail.hub.app.email().orElseThrow().agentMail().sendDue();
        return mail.sentTo(address).size();
    }

    private static List<String> subjects(String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : mail.sentTo(address)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private static long number(long ticketId) {
        return mail.ticket(ticketId).get("number").asLong();
    }

    @Test
    void aNewTicketRegisteredInTheGroup_isToldLiveToTheListedAgentsOnly_andMailedToTheActiveOnes() throws Exception {
        int noraBefore = mailsTo("nora@agents.example");
        int adminBefore = mailsTo("admin@test.local");
        BlockingQueue<String> toNora = events(nora.id());
        BlockingQueue<String> toPia = events(pia.id());
        mail.hub.patch("/api/settings", Map.of("defaultGroupId", nightShift));
        long ticketId;
        try {
            ticketId = newTicket("q1@customer.example");
        } finally {
            mail.hub.patch("/api/settings", Map.of("defaultGroupId", group("First line")));
        }
        long number = number(ticketId);

        assertThat(awaitLine(toNora, "event: queued")).isTrue();
        String data = nextLine(toNora);
        assertThat(data).contains("\"ticketId\":" + ticketId).contains("\"number\":" + number)
                .contains("Router blinks red").contains("\"name\":\"Night shift\"");
        Thread.sleep(500);
        assertThat(toPia).as("a member not on the notification list is not told").noneMatch(l -> l.contains("queued"));

        List<MimeMessage> toNoraMail = awaitMailTo("nora@agents.example", noraBefore + 1);
        assertThat(toNoraMail).hasSize(noraBefore + 1);
        MimeMessage notice = toNoraMail.get(noraBefore);
        assertThat(notice.getSubject()).isEqualTo("Request #" + number + " is waiting in Night shift");
        assertThat(MailHub.parts(notice)).contains(MailHub.PUBLIC_URL + "/tickets/" + ticketId).contains("Ivan");
        assertThat(awaitMailTo("admin@test.local", adminBefore + 1)).as("a customer's ticket: everyone listed is told")
                .hasSize(adminBefore + 1);
        assertThat(mailsTo("otto@agents.example")).as("disabled").isZero();
        assertThat(mailsTo("pia@agents.example")).isZero();
    }

    @Test
    void aTicketMovedIntoTheGroup_isMailedToTheList_butNotToTheOneWhoMovedIt() throws Exception {
        int noraBefore = mailsTo("nora@agents.example");
        int adminBefore = mailsTo("admin@test.local");
        long ticketId = newTicket("q2@customer.example");
        assertThat(mailsTo("nora@agents.example")).as("the first line has no notification list").isEqualTo(noraBefore);

        assertThat(mail.hub.patch("/api/tickets/" + ticketId, Map.of("group", nightShift)).status()).isEqualTo(200);

        assertThat(awaitMailTo("nora@agents.example", noraBefore + 1)).hasSize(noraBefore + 1);
        assertThat(subjects("nora@agents.example")).last().isEqualTo("Request #" + number(ticketId) + " is waiting in Night shift");
        assertThat(mailsTo("admin@test.local")).as("the admin moved it").isEqualTo(adminBefore);
        assertThat(mailsTo("otto@agents.example")).isZero();
    }

    @Test
    void escalationAndSendingBack_notifyTheListOfTheGroupTheTicketArrivesIn() throws Exception {
        long secondLine = group("Second line");
        mail.hub.patch("/api/groups/" + secondLine, Map.of("notify", List.of(nora.id())));
        try {
            long ticketId = newTicket("q3@customer.example");
            int before = mailsTo("nora@agents.example");
            // Escalated by someone who leaves before it comes back: "send back" returns a ticket to the agent who
            // escalated it while they are active (an assignment, not an arrival), else into the group's queue.
            Agent eli = mail.hub.app.agents().create("eli@agents.example", "Eli Escalates", "correct horse battery staple",
                    "agent", 1);
            String token = mail.hub.post("/api/agents/" + eli.id() + "/token", Map.of()).json().get("token").asText();

            assertThat(mail.hub.request("POST", "/api/tickets/" + ticketId + "/escalate",
                    Map.of("reason", "needs a firmware fix"), Map.of("Authorization", "Bearer " + token))
                    .status()).isEqualTo(200);
            assertThat(awaitMailTo("nora@agents.example", before + 1)).hasSize(before + 1);
            assertThat(subjects("nora@agents.example")).last()
                    .isEqualTo("Request #" + number(ticketId) + " is waiting in Second line");

            mail.hub.patch("/api/groups/" + group("First line"), Map.of("notify", List.of(nora.id())));
            assertThat(mail.hub.patch("/api/agents/" + eli.id(), Map.of("active", false)).status()).isEqualTo(200);
            assertThat(mail.hub.post("/api/tickets/" + ticketId + "/escalate", Map.of("line", 1)).status()).isEqualTo(200);
            assertThat(awaitMailTo("nora@agents.example", before + 2)).hasSize(before + 2);
            assertThat(subjects("nora@agents.example")).last()
                    .isEqualTo("Request #" + number(ticketId) + " is waiting in First line");
        } finally {
            mail.hub.patch("/api/groups/" + secondLine, Map.of("notify", List.of()));
            mail.hub.patch("/api/groups/" + group("First line"), Map.of("notify", List.of()));
        }
    }

    @Test
    void anAssignedArrival_notifiesNobody_butUnassigningInTheGroupDoes() throws Exception {
        long ticketId = newTicket("q4@customer.example");
        int before = mailsTo("nora@agents.example");

        assertThat(mail.hub.patch("/api/tickets/" + ticketId, Map.of("group", nightShift, "assignee", pia.id()))
                .status()).isEqualTo(200);
        long opened = mail.hub.post("/api/tickets", Map.of("subject", "Opened by the admin, assigned to them",
                "contact", Map.of("email", "opened@customer.example"))).json().get("id").asLong();
        assertThat(mail.hub.patch("/api/tickets/" + opened, Map.of("group", nightShift, "assignee", "me")).status())
                .isEqualTo(200);
        assertThat(mailsTo("nora@agents.example")).as("assigned on arrival").isEqualTo(before);

        assertThat(mail.hub.patch("/api/tickets/" + ticketId, java.util.Collections.singletonMap("assignee", null)).status()).isEqualTo(200);
        assertThat(awaitMailTo("nora@agents.example", before + 1)).hasSize(before + 1);
        assertThat(subjects("nora@agents.example")).last()
                .isEqualTo("Request #" + number(ticketId) + " is waiting in Night shift");
    }

    @Test
    void aLeaversTicketsHandedToTheGroupsQueue_areMailedToItsList() throws Exception {
        Agent leaver = mail.hub.app.agents().create("leo@agents.example", "Leo Leaver", "correct horse battery staple",
                "agent", 1);
        long ticketId = newTicket("q5@customer.example");
        assertThat(mail.hub.patch("/api/tickets/" + ticketId, Map.of("group", nightShift, "assignee", leaver.id()))
                .status()).isEqualTo(200);
        int before = mailsTo("nora@agents.example");

        {
            var disabled = mail.hub.patch("/api/agents/" + leaver.id(),
                    Map.of("active", false, "reassign", Map.of("to", Map.of("queue", true))));
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        }
        assertThat(awaitMailTo("nora@agents.example", before + 1)).hasSize(before + 1);
        assertThat(subjects("nora@agents.example")).last()
                .isEqualTo("Request #" + number(ticketId) + " is waiting in Night shift");
        mailsTo("leo@agents.example");
        assertThat(subjects("leo@agents.example")).as("the leaver is not on the list")
                .noneMatch(subject -> subject.contains("is waiting"));
    }

    /** The agent's event stream, connected. */
    private static BlockingQueue<String> events(long agentId) throws InterruptedException {
        String token = mail.hub.post("/api/agents/" + agentId + "/token", Map.of()).json().get("token").asText();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(mail.hub.url("/api/events")))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
        assertThat(awaitLine(lines, "connected")).isTrue();
        return lines;
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(expected)) {
                return true;
            }
        }
        return false;
    }

    private static String nextLine(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(5, TimeUnit.SECONDS);
        assertThat(line).isNotNull();
        return line;
    }
}
