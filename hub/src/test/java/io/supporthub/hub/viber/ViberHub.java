package io.supporthub.hub.viber;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.testing.TestCorpus;
import io.supporthub.channels.viber.FakeViberApi;
import io.supporthub.hub.support.TestHub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hub with the real Viber channel pointed at a {@link FakeViberApi}, and the corpus of Viber callbacks
 * (corpus/viber in the channels' test resources, read through their test-jar) rewritten per test to fresh user ids
 * and message tokens, so tests sharing one hub never collide.
 */
final class ViberHub implements AutoCloseable {

    static final String TOKEN = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";
    static final String MEDIA_SECRET = "media-secret-for-tests-0123456789";
    /** The ids the corpus files use, replaced by {@link #callback}. */
    private static final String[] CORPUS_USERS = {"01234567890A=", "xWxFWBYHceVLi80yULnRkw=="};
    private static final String[] CORPUS_TOKENS = {"912661846655238145", "4978563241957515056", "4912661846655238145"};

    final FakeViberApi viber;
    final TestHub hub;
    private final AtomicLong users = new AtomicLong();

    ViberHub() {
        this.viber = FakeViberApi.start(TOKEN);
        int port = TestHub.freePort();
        this.hub = new TestHub(Map.of(
                "PORT", Integer.toString(port),
                "PUBLIC_URL", "http://127.0.0.1:" + port,
                "VIBER_AUTH_TOKEN", TOKEN,
                "VIBER_API_URL", viber.apiUrl().toString(),
                "MEDIA_URL_SECRET", MEDIA_SECRET), false, Instant.parse("2026-11-02T09:00:00Z"), Set.of(ChannelKind.VIBER));
        hub.logIn();
    }

    URI webhook() {
        return URI.create(hub.url("/webhooks/viber"));
    }

    /** A fresh Viber user id. */
    String newUser() {
        return "u" + users.incrementAndGet() + "-" + System.nanoTime() + "==";
    }

    static String corpus(String relative) {
        return TestCorpus.string("viber/" + relative);
    }

    /** A corpus callback as if sent by {@code user}, with {@code token} as its message token. */
    static String callback(String relative, String user, long token) {
        String body = corpus(relative);
        for (String id : CORPUS_USERS) {
            body = body.replace(id, user);
        }
        for (String t : CORPUS_TOKENS) {
            body = body.replace(t, Long.toString(token));
        }
        return body;
    }

    /** A text message from {@code user}, as Viber sends it (the keyboard's buttons arrive the same way). */
    String text(String user, String text) throws IOException, InterruptedException {
        String body = callback("viber-bot-node/message-factory-test_testBuildTextMessageSanity.json", user, viber.nextToken())
                .replace("\"text\": \"Hi\"", "\"text\": " + io.supporthub.hub.web.Json.MAPPER.writeValueAsString(text));
        HttpResponse<String> response = post(body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
        }
        return body;
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return viber.postCallback(webhook(), body);
    }

    /** The tickets of the contact behind a Viber user id, oldest first. */
    List<Long> ticketIds(String user) {
        return hub.app.transactions().read(handle -> handle.createQuery("select t.id from ticket t join contact_address a "
                        + "on a.contact_id = t.contact_id where a.kind = 'viber' and a.value = :user order by t.id")
                .bind("user", user).mapTo(Long.class).list());
    }

    /** The ticket's JSON as the agent API gives it ({"ticket", "messages", "timeline", ...}). */
    JsonNode ticket(long id) {
        return hub.get("/api/tickets/" + id).json();
    }

    /** The only ticket of a Viber user. */
    JsonNode onlyTicket(String user) {
        List<Long> ids = ticketIds(user);
        if (ids.size() != 1) {
            throw new IllegalStateException("expected one ticket for " + user + ", found " + ids);
        }
        return ticket(ids.get(0));
    }

    /** How many messages (any ticket, or none) came from or went to this Viber user. */
    int storedMessages(String user) {
        return hub.app.transactions().read(handle -> handle.createQuery("select count(*) from message m join contact_address a "
                        + "on a.id = m.address_id where a.kind = 'viber' and a.value = :user")
                .bind("user", user).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        hub.close();
        viber.close();
    }
}
