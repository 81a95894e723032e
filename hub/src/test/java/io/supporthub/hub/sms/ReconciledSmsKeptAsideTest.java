package io.supporthub.hub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation keeps a missed SMS it cannot store aside as the resource Twilio listed, while the others become
 * tickets; once the cause is fixed, a retry stores it once.
 */
class ReconciledSmsKeptAsideTest {

    private final SmsHub sms = new SmsHub();
    private final TestHub hub = sms.hub;

    @AfterEach
    void stop() {
        sms.close();
    }

    @Test
    void aMissedMessageOurCodeFailsOn_isKeptAsideAsTwilioListedIt_andARetryAfterTheFixStoresItOnce() throws Exception {
        sql("create function simulated_bug() returns trigger language plpgsql as $$ begin "
                + "if new.text like '%SIMULATED-BUG%' then raise exception 'simulated bug'; end if; return new; end $$");
        sql("create trigger simulated_bug before insert on message for each row execute function simulated_bug()");
        String first = sms.twilio.addInbound("+14155550141", SmsHub.OUR_NUMBER, "First missed", minutesAgo(30));
        String buggy = sms.twilio.addInbound("+14155550142", SmsHub.OUR_NUMBER, "Refund SIMULATED-BUG", minutesAgo(20));
        String last = sms.twilio.addInbound("+14155550143", SmsHub.OUR_NUMBER, "Last missed", minutesAgo(10));

        assertThat(hub.app.smsReconciliation().orElseThrow().run()).isEqualTo(2);

        assertThat(sms.ticketOf(first)).isPositive();
        assertThat(sms.ticketOf(last)).isPositive();
        long id = hub.app.transactions().read(handle -> handle.createQuery("select id from unprocessed_payload "
                + "where source = 'sms reconciliation'").mapTo(Long.class).one());
        JsonNode kept = hub.get("/api/kept-aside/" + id).json();
        assertThat(kept.get("reason").asText()).contains("simulated bug");
        assertThat(kept.get("retryable").asBoolean()).isTrue();
        assertThat(kept.get("contentType").asText()).isEqualTo("application/json");
        String body = new String(Base64.getDecoder().decode(kept.get("body").asText()), StandardCharsets.UTF_8);
        // Twilio's own spacing, which a copy written again by our JSON library would lose
        assertThat(body).startsWith("{\"account_sid\": ").contains("\"sid\": \"" + buggy + "\"");
        assertThat(hub.app.smsReconciliation().orElseThrow().run()).isZero();
        assertThat(sms.count("select count(*) from unprocessed_payload")).isEqualTo(1);

        sql("drop trigger simulated_bug on message");
        TestHub.Response retried = hub.post("/api/kept-aside/" + id + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("outcome").asText()).isEqualTo("stored");
        long ticketId = retried.json().get("ticketIds").get(0).asLong();
        assertThat(sms.ticketOf(buggy)).isEqualTo(ticketId);
        assertThat(sms.ticket(ticketId).get("messages").get(0).get("text").asText()).isEqualTo("Refund SIMULATED-BUG");
        TestHub.Response again = hub.post("/api/kept-aside/" + id + "/retry", Map.of());
        assertThat(again.json().get("outcome").asText()).isEqualTo("duplicate");
        assertThat(sms.ticket(ticketId).get("messages")).hasSize(1);
    }

    private java.time.Instant minutesAgo(int minutes) {
        return hub.clock.instant().minus(Duration.ofMinutes(minutes));
    }

    private void sql(String statement) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.execute(statement));
    }
}
