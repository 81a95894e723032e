package io.supporthub.hub.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox lists page by page against the same rows read in one plain ordered query, and the bounded view counts.
 * Tickets come in bursts that share a last-message time, so the id breaks ties across page boundaries.
 */
class InboxListsTest {

    private static final int COUNT_BOUND = 6;

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of("INBOX_COUNT_LIMIT", Integer.toString(COUNT_BOUND)), false,
                java.time.Instant.parse("2026-11-02T09:00:00Z"));
        hub.logIn();
        ChannelKind[] channels = {ChannelKind.TELEGRAM, ChannelKind.EMAIL, ChannelKind.SMS, ChannelKind.VIBER};
        String[] statuses = {"open", "pending", "awaiting_reply", "resolved", "open", "postponed", "open"};
        String[] priorities = {"normal", "high", "low", "urgent", "high"};
        for (int i = 0; i < 35; i++) {
            if (i % 3 == 0) {
                hub.clock.advance(Duration.ofMinutes(1));
            }
            long id = ticket(channels[i % channels.length], i);
            hub.patch("/api/tickets/" + id, i % 4 == 1 ? Map.of("priority", priorities[i % priorities.length], "assignee", "me")
                    : Map.of("priority", priorities[i % priorities.length]));
            String status = statuses[i % statuses.length];
            if (status.equals("postponed")) {
                hub.post("/api/tickets/" + id + "/status", Map.of("status", status, "until", hub.clock.instant().plus(Duration.ofDays(2)).toString()));
            } else if (!status.equals("open")) {
                hub.post("/api/tickets/" + id + "/status", Map.of("status", status));
            }
            if (status.equals("resolved") && i % 2 == 1) {
                hub.post("/api/tickets/" + id + "/status", Map.of("status", "closed"));
            }
        }
        // Every third ticket in a group of the admin's besides the first line: lists of several groups read one
        // index scan per group and status, merged in list order.
        long billing = hub.post("/api/groups", Map.of("name", "Billing", "members", List.of(1))).json().get("id").asLong();
        hub.app.database().jdbi().useHandle(handle -> handle.execute("update ticket set group_id = ? where id % 3 = 0", billing));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static long ticket(ChannelKind channel, int i) {
        Address from = switch (channel) {
            case TELEGRAM -> Address.telegram(7_000_000L + i);
            case EMAIL -> Address.email("lister" + i + "@example.com");
            case SMS -> Address.phone(String.format("+4477009%05d", i));
            default -> Address.viber("viber-lister-" + i);
        };
        return hub.app.inbox().accept(new InboundMessage(channel, from, SenderProfile.named("Lister " + i), "list-" + i,
                "Question number " + i, null, channel == ChannelKind.EMAIL ? "Question " + i : null, null, List.of(),
                hub.clock.instant(), false, false, List.of())).ticketId();
    }

    @Test
    void everyList_pagesInTheExactOrder_withoutGapsOrRepeats() {
        Map<String, String> lists = new java.util.HashMap<>(Map.of(
                "status=open,awaiting_reply", "status in ('open', 'awaiting_reply')",
                "status=open,pending,awaiting_reply&unassigned=true&line=1",
                "status in ('open', 'pending', 'awaiting_reply') and assignee_id is null and line = 1",
                "status=open,pending,awaiting_reply&assignee=me", "status in ('open', 'pending', 'awaiting_reply') and assignee_id = 1",
                "status=pending", "status = 'pending'",
                "status=resolved,closed", "status in ('resolved', 'closed')",
                "status=open,awaiting_reply&channel=sms", "status in ('open', 'awaiting_reply') and channel = 'sms'",
                "status=open,awaiting_reply&priority=HIGH",
                "status in ('open', 'awaiting_reply') and priority_id = (select id from ticket_priority where name = 'high')",
                "assignee=me", "assignee_id = 1",
                "limit=3", "true"));
        lists.putAll(Map.of(
                "status=open,pending,awaiting_reply&unassigned=true&group=mine",
                "status in ('open', 'pending', 'awaiting_reply') and assignee_id is null "
                        + "and group_id in (select group_id from agent_group_member where agent_id = 1)",
                "status=open,awaiting_reply&group=mine",
                "status in ('open', 'awaiting_reply') and group_id in (select group_id from agent_group_member where agent_id = 1)"));
        int adminsGroups = hub.app.transactions().read(handle -> handle.createQuery(
                "select count(*) from agent_group_member where agent_id = 1").mapTo(Integer.class).one());
        assertThat(adminsGroups).as("the admin's groups, so that group=mine is a list of several").isGreaterThanOrEqualTo(2);
        lists.forEach((query, where) -> {
            List<Long> expected = hub.app.transactions().read(handle -> handle.createQuery(
                    "select id from ticket where " + where + " order by last_message_at desc, id desc").mapTo(Long.class).list());
            assertThat(expected).as(query).isNotEmpty();
            assertThat(pageThrough(query)).as(query).isEqualTo(expected);
        });
    }

    private static List<Long> pageThrough(String query) {
        List<Long> seen = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = hub.get("/api/tickets?limit=3&" + query.replace("limit=3", "")
                    + (after == null ? "" : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8))).json();
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        return seen;
    }

    @Test
    void counts_stopAtTheBound_andSayThereAreMore() {
        JsonNode counts = hub.get("/api/tickets/counts").json();
        assertThat(counts.fieldNames()).toIterable().containsExactly("mine", "unassigned", "watching", "open", "pending", "postponed", "overdue",
                "due_today");
        Map<String, Long> exact = hub.app.transactions().read(handle -> Map.of(
                "mine", count(handle, "status in ('open', 'pending', 'awaiting_reply') and assignee_id = 1"),
                "unassigned", count(handle, "status in ('open', 'pending', 'awaiting_reply') and assignee_id is null "
                        + "and group_id in (select group_id from agent_group_member where agent_id = 1)"),
                "watching", count(handle, "status in ('open', 'pending', 'awaiting_reply', 'postponed') "
                        + "and id in (select ticket_id from ticket_observer where agent_id = 1)"),
                "open", count(handle, "status in ('open', 'awaiting_reply')"),
                "pending", count(handle, "status = 'pending'"),
                "postponed", count(handle, "status = 'postponed'")));
        exact.forEach((view, count) -> {
            JsonNode shown = counts.get(view);
            assertThat(shown.fieldNames()).toIterable().as(view).containsExactly("count", "more");
            if (count >= COUNT_BOUND) {
                assertThat(shown.get("count").asLong()).as(view).isEqualTo(COUNT_BOUND - 1);
                assertThat(shown.get("more").asBoolean()).as(view).isTrue();
            } else {
                assertThat(shown.get("count").asLong()).as(view).isEqualTo(count);
                assertThat(shown.get("more").asBoolean()).as(view).isFalse();
            }
        });
        assertThat(exact.get("open")).isGreaterThan(COUNT_BOUND);
        assertThat(exact.get("postponed")).isLessThan(COUNT_BOUND);
    }

    private static long count(org.jdbi.v3.core.Handle handle, String where) {
        return handle.createQuery("select count(*) from ticket where " + where).mapTo(Long.class).one();
    }
}
