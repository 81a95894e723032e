package io.supporthub.channels.telegram;

import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.SignatureCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramChannelTest {

    @Test
    void channelFromSettings_parsesWhatComesIn_andSendsTheReply() throws Exception {
        try (FakeTelegramBotApi telegram = FakeTelegramBotApi.start();
             TelegramChannel channel = new TelegramChannel(telegram.settings())) {
            InboundMessage in = (InboundMessage) channel.parser().parse(TelegramCorpus.aiogramUpdate("message", "message", 1)).get(0);

            channel.sender().send(OutboundMessage.text(1, in.from(), "Thanks, we are on it"));

            assertThat(telegram.messagesTo(12345678)).singleElement()
                    .satisfies(m -> assertThat(m.text()).isEqualTo("Thanks, we are on it"));
            assertThat(channel.verifier().check(FakeTelegramBotApi.SECRET)).isEqualTo(SignatureCheck.VALID);
        }
    }

    @Test
    void withoutSecret_thereIsNoWebhookVerifier() {
        try (TelegramChannel channel = new TelegramChannel(TelegramSettings.of("1:abc", null, "http://localhost:8080"))) {
            assertThatThrownBy(channel::verifier).hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
        }
    }
}
