package io.supporthub.channels.sms;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.ReachabilityChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioReconcilerTest {

    private static final String OUR_NUMBER = "+15550001111";
    private static final Instant SINCE = Instant.parse("2026-11-28T09:00:00Z");
    private final FakeTwilioApi twilio = FakeTwilioApi.start("AC0123456789abcdef0123456789abcdef", "secret-token");
    private final TwilioSettings settings = twilio.settings(OUR_NUMBER, "https://hub.example.com");
    private final TwilioInboundParser parser = new TwilioInboundParser(new TwilioMediaFetcher(settings, 1 << 20),
            Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        twilio.close();
    }

    private static List<ChannelEvent> events(List<FetchedPayload> fetched) {
        return fetched.stream().flatMap(payload -> payload.events().stream()).toList();
    }

    private TwilioReconciler reconciler(List<String> numbers) {
        return new TwilioReconciler(TwilioApiHttpClient.restClient(settings), parser, numbers);
    }

    @Test
    void inboundMessagesSinceTheInstant_thatTheHubLacks_areReturnedOldestFirst() throws Exception {
        twilio.addInbound("+14155552671", OUR_NUMBER, "too old", SINCE.minusSeconds(60));
        String first = twilio.addInbound("+14155552671", OUR_NUMBER, "first", SINCE.plusSeconds(60));
        String known = twilio.addInbound("+14155552672", OUR_NUMBER, "already stored", SINCE.plusSeconds(90));
        String second = twilio.addInbound("+14155552673", OUR_NUMBER, "second", SINCE.plusSeconds(120));
        new TwilioSender(settings, SendRateLimiter.longCode(Clock.systemUTC()))
                .send(io.supporthub.channels.OutboundMessage.text(1, Address.phone("+14155552671"), "outbound"));

        List<ChannelEvent> events = events(reconciler(List.of(OUR_NUMBER)).missedSince(SINCE, Set.of(known)::contains));

        assertThat(events).extracting(e -> ((InboundMessage) e).externalId()).containsExactly(first, second);
        InboundMessage message = (InboundMessage) events.get(0);
        assertThat(message.text()).isEqualTo("first");
        assertThat(message.from()).isEqualTo(Address.phone("+14155552671"));
        assertThat(message.sentAt()).isEqualTo(SINCE.plusSeconds(60));
        assertThat(message.ourAddress()).isEqualTo(OUR_NUMBER);
        assertThat(twilio.requests()).anySatisfy(r -> assertThat(r.query()).contains("To=%2B15550001111")
                .contains("DateSent%3E=2026-11-28T09%3A00%3A00"));
    }

    @Test
    void everyPageIsRead() throws Exception {
        for (int i = 0; i < 7; i++) {
            twilio.addInbound("+1415555267" + i, OUR_NUMBER, "message " + i, SINCE.plusSeconds(i));
        }
        twilio.pageSize(3);

        List<ChannelEvent> events = events(reconciler(List.of()).missedSince(SINCE, sid -> false));

        assertThat(events).hasSize(7);
        assertThat(events).extracting(e -> ((InboundMessage) e).text())
                .containsExactly("message 0", "message 1", "message 2", "message 3", "message 4", "message 5",
                        "message 6");
        assertThat(twilio.requests().stream().filter(r -> r.path().endsWith("/Messages.json"))).hasSize(3);
    }

    @Test
    void missedMms_hasItsMediaDownloaded() throws Exception {
        String sid = twilio.addInbound("+14155552671", OUR_NUMBER, "photo", SINCE.plusSeconds(5));
        twilio.addMedia(sid, new byte[]{1, 2, 3}, "image/png");

        List<ChannelEvent> events = events(reconciler(List.of(OUR_NUMBER)).missedSince(SINCE, s -> false));

        InboundMessage message = (InboundMessage) events.get(0);
        assertThat(message.attachments()).singleElement().satisfies(a -> {
            assertThat(a.content()).containsExactly(1, 2, 3);
            assertThat(a.contentType()).isEqualTo("image/png");
        });
    }

    @Test
    void knownMessages_haveNoMediaDownloaded() throws Exception {
        String sid = twilio.addInbound("+14155552671", OUR_NUMBER, "photo", SINCE.plusSeconds(5));
        twilio.addMedia(sid, new byte[]{1, 2, 3}, "image/png");

        assertThat(reconciler(List.of(OUR_NUMBER)).missedSince(SINCE, s -> true)).isEmpty();
        assertThat(twilio.requests()).noneSatisfy(r -> assertThat(r.path()).contains("/Media"));
    }

    @Test
    void missedStop_stillMarksTheNumberUnreachable() throws Exception {
        twilio.addInbound("+14155552671", OUR_NUMBER, "STOP", SINCE.plusSeconds(5));

        List<ChannelEvent> events = events(reconciler(List.of(OUR_NUMBER)).missedSince(SINCE, s -> false));

        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(ReachabilityChange.class,
                c -> assertThat(c.reachable()).isFalse());
    }

    @Test
    void aMessageThatCannotBeImported_comesRefused_asTheJsonTwilioSent_betweenTheOthers() throws Exception {
        String first = twilio.addInbound("+14155552671", OUR_NUMBER, "first", SINCE.plusSeconds(10));
        String bad = twilio.addInbound(null, OUR_NUMBER, "no sender", SINCE.plusSeconds(20));
        String last = twilio.addInbound("+14155552673", OUR_NUMBER, "last", SINCE.plusSeconds(30));

        List<FetchedPayload> fetched = reconciler(List.of(OUR_NUMBER)).missedSince(SINCE, s -> false);

        assertThat(fetched).hasSize(3);
        assertThat(((InboundMessage) fetched.get(0).events().get(0)).externalId()).isEqualTo(first);
        FetchedPayload kept = fetched.get(1);
        assertThat(kept.refusal()).contains(bad).contains("without From");
        assertThat(kept.raw().contentType()).isEqualTo("application/json");
        assertThat(kept.raw().bodyText()).contains("\"sid\": \"" + bad + "\"").contains("\"body\": \"no sender\"");
        assertThat(((InboundMessage) fetched.get(2).events().get(0)).externalId()).isEqualTo(last);
    }

    @Test
    void missed_listsTheNumbersGivenBesideOurs_oncePerMessage() throws Exception {
        String secondLine = "+15550002222";
        String ours = twilio.addInbound("+14155552671", OUR_NUMBER, "to our number", SINCE.plusSeconds(10));
        String second = twilio.addInbound("+14155552672", secondLine, "to the second line", SINCE.plusSeconds(20));
        twilio.addInbound("+14155552673", "+15550009999", "to a number we never heard of", SINCE.plusSeconds(30));

        List<TwilioReconciler.Missed> missed = reconciler(List.of(OUR_NUMBER))
                .missed(SINCE, List.of(secondLine, OUR_NUMBER), s -> false);

        assertThat(missed).extracting(TwilioReconciler.Missed::id).containsExactly(ours, second);
        assertThat(missed.get(1).sentAt()).isEqualTo(SINCE.plusSeconds(20));
    }

    @Test
    void twilioUnreachable_isAnIOException() {
        TwilioReconciler broken = new TwilioReconciler(
                TwilioApiHttpClient.restClient(settings.withApiUrl("http://127.0.0.1:1")), parser, List.of());

        assertThatThrownBy(() -> broken.missedSince(SINCE, s -> false)).isInstanceOf(IOException.class);
    }
}
