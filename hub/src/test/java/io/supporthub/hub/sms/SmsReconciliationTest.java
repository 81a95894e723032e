package io.supporthub.hub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.hub.db.Failures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reconciliation against the fake Twilio's message log, each test on a hub of its own (the watermark is global). */
class SmsReconciliationTest {

    private static final String SECOND_LINE = "+15550002222";

    private final SmsHub sms = new SmsHub();
    private final SmsReconciliation reconciliation = sms.hub.app.smsReconciliation().orElseThrow();
    private final Instant now = sms.hub.clock.instant();

    @AfterEach
    void stop() {
        sms.close();
    }

    @Test
    void aMissedMessageThatCannotBeImported_isKeptAsideAsTwilioSentIt_andTheOthersBecomeTickets() throws Exception {
        String first = sms.twilio.addInbound("+14155550121", SmsHub.OUR_NUMBER, "First missed", minutesAgo(30));
        String bad = sms.twilio.addInbound(null, SmsHub.OUR_NUMBER, "Who sent this?", minutesAgo(20));
        String last = sms.twilio.addInbound("+14155550122", SmsHub.OUR_NUMBER, "Last missed", minutesAgo(10));

        assertThat(reconciliation.run()).isEqualTo(2);

        assertThat(textsOfTicketOf(first)).containsExactly("First missed");
        assertThat(textsOfTicketOf(last)).containsExactly("Last missed");
        assertThat(storedSids()).containsExactlyInAnyOrder(first, last);
        assertThat(sms.strings("select reason from unprocessed_payload where channel = 'sms'")).singleElement()
                .satisfies(reason -> assertThat(reason).contains(bad).contains("without From"));
        JsonNode kept = new ObjectMapper().readTree(
                sms.strings("select payload from unprocessed_payload where channel = 'sms'").get(0));
        assertThat(kept.get("sid").asText()).isEqualTo(bad);
        assertThat(kept.get("body").asText()).isEqualTo("Who sent this?");
        assertThat(kept.get("from").isNull()).isTrue();
        assertThat(watermark()).isAfter(minutesAgo(10));

        assertThat(reconciliation.run()).isZero();
        assertThat(storedSids()).containsExactlyInAnyOrder(first, last);
        assertThat(sms.count("select count(*) from unprocessed_payload")).isEqualTo(1);
    }

    @Test
    void aPassingFailureWhileStoring_leavesTheWatermarkBeforeThatMessage_andTheNextRunImportsIt() throws Exception {
        String first = sms.twilio.addInbound("+14155550123", SmsHub.OUR_NUMBER, "Stored at once", minutesAgo(30));
        String failing = sms.twilio.addInbound("+14155550124", SmsHub.OUR_NUMBER, "Stored next time", minutesAgo(20));
        String last = sms.twilio.addInbound("+14155550125", SmsHub.OUR_NUMBER, "Stored next time too", minutesAgo(10));
        timeOutStoringOf(failing);

        assertThatThrownBy(reconciliation::run).satisfies(e -> assertThat(Failures.isPassing(e)).isTrue());

        assertThat(storedSids()).containsExactly(first);
        assertThat(watermark()).isBeforeOrEqualTo(minutesAgo(20));
        assertThat(sms.count("select count(*) from unprocessed_payload")).isZero();

        stopTimingOut();
        assertThat(reconciliation.run()).isEqualTo(2);

        assertThat(storedSids()).containsExactlyInAnyOrder(first, failing, last);
        assertThat(textsOfTicketOf(failing)).containsExactly("Stored next time");
        assertThat(watermark()).isAfter(minutesAgo(10));
    }

    @Test
    void aNumberOfOursThatACustomerWroteTo_isReconciledBesideTwilioFrom() throws Exception {
        assertThat(sms.inbound("SM20000000000000000000000000000001", "+14155550126", SECOND_LINE,
                "Hello on the second line").status()).isEqualTo(200);
        String missed = sms.twilio.addInbound("+14155550127", SECOND_LINE, "Missed on the second line",
                minutesAgo(10));
        String notOurs = sms.twilio.addInbound("+14155550128", "+15550009999", "For another app of the account",
                minutesAgo(10));

        assertThat(reconciliation.run()).isEqualTo(1);

        assertThat(textsOfTicketOf(missed)).containsExactly("Missed on the second line");
        assertThat(storedSids()).doesNotContain(notOurs);
    }

    @Test
    void aNumberFirstWrittenToAfterARun_isReconciledByTheNextRun() throws Exception {
        assertThat(reconciliation.run()).isZero();
        assertThat(sms.inbound("SM20000000000000000000000000000002", "+14155550129", SECOND_LINE,
                "First time on the second line").status()).isEqualTo(200);
        String missed = sms.twilio.addInbound("+14155550130", SECOND_LINE, "Missed after that", minutesAgo(5));

        assertThat(reconciliation.run()).isEqualTo(1);

        assertThat(textsOfTicketOf(missed)).containsExactly("Missed after that");
    }

    private Instant minutesAgo(int minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    private List<String> textsOfTicketOf(String sid) {
        List<String> texts = new ArrayList<>();
        sms.ticket(sms.ticketOf(sid)).get("messages").forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    private List<String> storedSids() {
        return sms.strings("select external_id from message where channel = 'sms' and direction = 'in'");
    }

    private Instant watermark() {
        return Instant.parse(sms.strings("select value->>'until' from setting where key = 'sms.reconciliation'").get(0));
    }

    /** Inserting that message fails as a statement timeout does: a passing failure (SQLSTATE 57014). */
    private void timeOutStoringOf(String sid) {
        sms.hub.app.transactions().inTransaction((handle, afterCommit) -> {
            handle.execute("create function time_out_storing() returns trigger language plpgsql as $$ begin "
                    + "if new.external_id = '" + sid + "' then "
                    + "raise exception 'canceling statement due to statement timeout' using errcode = '57014'; "
                    + "end if; return new; end $$");
            handle.execute("create trigger time_out_storing before insert on message for each row "
                    + "execute function time_out_storing()");
            return null;
        });
    }

    private void stopTimingOut() {
        sms.hub.app.transactions().inTransaction((handle, afterCommit) -> {
            handle.execute("drop trigger time_out_storing on message");
            return null;
        });
    }
}
