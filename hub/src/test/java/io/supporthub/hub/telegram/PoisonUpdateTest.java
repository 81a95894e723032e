package io.supporthub.hub.telegram;

import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram holds back a chat's later updates until a failed one is acknowledged: an update that can never be stored
 * is acknowledged and kept aside, and the chat goes on.
 */
class PoisonUpdateTest {

    @Test
    void anUpdateTheDatabaseRefuses_isKeptAside_andTheNextOneIsStored() throws Exception {
        try (FakeTelegramBotApi telegram = FakeTelegramBotApi.start();
             TestHub hub = TestHub.telegramWebhook(telegram)) {
            // Stands in for any data PostgreSQL refuses for good (an invalid byte sequence, a value too large).
            hub.app.transactions().inTransaction((h, after) -> {
                h.execute("create function refuse_poison() returns trigger language plpgsql as $$ begin "
                        + "if new.text = 'poison' then raise exception 'refused by test' using errcode = '22023'; end if; "
                        + "return new; end $$");
                h.execute("create trigger refuse_poison before insert on message for each row execute function refuse_poison()");
                return null;
            });
            Map<String, String> secret = Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET);
            TestHub.Response poison = hub.request("POST", "/webhooks/telegram", TelegramUpdates.text(1, 9001, 201, "poison"), secret);
            assertThat(poison.status()).isEqualTo(200);
            TestHub.Response next = hub.request("POST", "/webhooks/telegram", TelegramUpdates.text(2, 9001, 202, "Hello"), secret);
            assertThat(next.status()).isEqualTo(200);
            assertThat(TelegramUpdates.ticketOf(hub, 9001, 202)).isNotNull();
            String reason = hub.app.transactions().read(h -> h.createQuery("select reason from unprocessed_payload")
                    .mapTo(String.class).one());
            assertThat(reason).contains("refused by test");
        }
    }

    @Test
    void nulCharacters_areDroppedBeforeStoring() throws Exception {
        try (TestHub hub = new TestHub()) {
            hub.logIn();
            long id = hub.inbound("nul-1", "Nu\u0000ll", "nul@example.com", "bro\u0000ken text").json().get("ticketId").asLong();
            assertThat(hub.get("/api/tickets/" + id).json().get("messages").get(0).get("text").asText()).isEqualTo("broken text");
        }
    }
}
