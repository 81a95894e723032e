package io.supporthub.channels.telegram;

import io.supporthub.channels.FetchedPayloadSink;

/**
 * The Telegram channel wired from its settings: one Bot API client shared by the inbound side (verifier, parser,
 * registrar, poller) and the outbound side (sender). Close it at shutdown.
 */
public final class TelegramChannel implements AutoCloseable {

    private final TelegramSettings settings;
    private final TelegramApiClient api;
    private final TelegramUpdateParser parser;
    private final TelegramSender sender;
    private final TelegramWebhookRegistrar registrar;

    public TelegramChannel(TelegramSettings settings) {
        this.settings = settings;
        this.api = new TelegramApiClient(settings);
        this.parser = new TelegramUpdateParser(api);
        this.sender = new TelegramSender(api);
        this.registrar = new TelegramWebhookRegistrar(api);
    }

    public TelegramSettings settings() {
        return settings;
    }

    public TelegramApiClient api() {
        return api;
    }

    public TelegramUpdateParser parser() {
        return parser;
    }

    public TelegramSender sender() {
        return sender;
    }

    public TelegramWebhookRegistrar registrar() {
        return registrar;
    }

    /** The webhook's secret check; only in webhook mode or when a secret is set. */
    public TelegramWebhookVerifier verifier() {
        if (settings.webhookSecret() == null) {
            throw new IllegalStateException("no TELEGRAM_WEBHOOK_SECRET: the Telegram webhook route must not be served");
        }
        return new TelegramWebhookVerifier(settings.webhookSecret());
    }

    /** A poller handing updates to the sink; start it on the one node that holds the polling lock. */
    public TelegramPoller poller(FetchedPayloadSink sink) {
        return new TelegramPoller(api, parser, sink);
    }

    @Override
    public void close() {
        api.close();
    }
}
