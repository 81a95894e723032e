package io.supporthub.hub.support;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.sms.FakeTwilioApi;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.viber.FakeViberApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A hub with every channel on (Telegram in webhook mode, Twilio, Viber, the generic channel), each talking to its
 * loopback fake, so that every public route is served: what the tests of hostile input run against.
 */
public final class PublicRoutesHub implements AutoCloseable {

    public static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String TWILIO_TOKEN = "twilio-auth-token-for-tests";
    public static final String VIBER_TOKEN = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";
    public static final String PUBLIC_URL = "https://hub.example.com";

    public final FakeTelegramBotApi telegram;
    public final FakeTwilioApi twilio;
    public final FakeViberApi viber;
    public final TestHub hub;

    public PublicRoutesHub() {
        try {
            this.telegram = FakeTelegramBotApi.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.twilio = FakeTwilioApi.start(TWILIO_SID, TWILIO_TOKEN);
        this.viber = FakeViberApi.start(VIBER_TOKEN);
        this.hub = new TestHub(Map.ofEntries(
                Map.entry("PUBLIC_URL", PUBLIC_URL),
                Map.entry("TELEGRAM_BOT_TOKEN", telegram.token()),
                Map.entry("TELEGRAM_WEBHOOK_SECRET", FakeTelegramBotApi.SECRET),
                Map.entry("TELEGRAM_MODE", "webhook"),
                Map.entry("TELEGRAM_API_URL", telegram.baseUrl()),
                Map.entry("TWILIO_ACCOUNT_SID", TWILIO_SID),
                Map.entry("TWILIO_AUTH_TOKEN", TWILIO_TOKEN),
                Map.entry("TWILIO_FROM", "+15550001111"),
                Map.entry("TWILIO_API_URL", twilio.baseUrl()),
                Map.entry("VIBER_AUTH_TOKEN", VIBER_TOKEN),
                Map.entry("VIBER_API_URL", viber.apiUrl().toString())),
                false, Instant.parse("2026-11-02T09:00:00Z"), Set.of(ChannelKind.TELEGRAM, ChannelKind.SMS, ChannelKind.VIBER));
    }

    @Override
    public void close() {
        hub.close();
        viber.close();
        twilio.close();
        telegram.close();
    }
}
