package io.supporthub.hub.telegram;

import io.javalin.config.RoutesConfig;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.telegram.TelegramChannel;
import io.supporthub.channels.telegram.TelegramPoller;
import io.supporthub.channels.telegram.TelegramSender;
import io.supporthub.channels.telegram.TelegramSettings;
import io.supporthub.channels.telegram.TelegramWebhookRegistrar;
import io.supporthub.hub.channel.ConfiguredChannel;
import io.supporthub.hub.channel.ProbeResult;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.AdvisoryLock;
import io.supporthub.hub.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The Telegram channel in the hub. Webhook mode serves {@code POST /webhooks/telegram} and registers it with
 * Telegram once the server listens; polling mode runs the channel's getUpdates loop on the one node holding a
 * PostgreSQL advisory lock. Either way each update goes through the {@link ChannelEventHandler} in one transaction
 * and callback queries are answered after the commit; an update that can never be stored is kept aside as received,
 * for a retry through the same path.
 */
public final class TelegramIntegration implements ConfiguredChannel {

    /** How often a node without the polling lock tries to take it. */
    static final Duration LOCK_RETRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(TelegramIntegration.class);

    private final TelegramChannel channel;
    private final ChannelEventHandler events;
    private final CallbackAnswers callbacks;
    private final DataSource dataSource;
    private final PolledUpdates polled;
    private final String publicUrl;
    private AdvisoryLock leader;
    private TelegramPoller poller;
    private volatile Boolean webhookRegistered;

    /**
     * @param dataSource where the polling lock is held
     * @param publicUrl  PUBLIC_URL, where the webhook is registered in webhook mode
     */
    public TelegramIntegration(TelegramSettings settings, ChannelEventHandler events, DataSource dataSource,
                               Transactions transactions, String publicUrl) {
        this.channel = new TelegramChannel(settings);
        this.events = events;
        this.callbacks = new CallbackAnswers(channel.sender());
        this.dataSource = dataSource;
        // in either mode, so that updates kept aside while polling can be retried on any node
        this.polled = new PolledUpdates(channel.parser(), transactions, events, callbacks);
        this.publicUrl = publicUrl;
    }

    /** The channel from TELEGRAM_* settings, or empty (logged once) when TELEGRAM_BOT_TOKEN is not set. */
    public static Optional<TelegramIntegration> fromConfig(Config config, ChannelEventHandler events,
                                                           DataSource dataSource, Transactions transactions) {
        Optional<TelegramSettings> settings = TelegramSettings.fromEnvironment(name -> config.get(name).orElse(null),
                config.publicUrl());
        if (settings.isEmpty()) {
            log.info("Telegram channel off: set TELEGRAM_BOT_TOKEN");
            return Optional.empty();
        }
        log.info("Telegram channel on: {}", settings.get());
        return Optional.of(new TelegramIntegration(settings.get(), events, dataSource, transactions,
                config.publicUrl()));
    }

    public TelegramSettings settings() {
        return channel.settings();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TELEGRAM;
    }

    @Override
    public TelegramSender sender() {
        return channel.sender();
    }

    /** Serves the webhook route in webhook mode; in polling mode there is no route. */
    @Override
    public void register(RoutesConfig routes) {
        if (settings().mode() == TelegramSettings.Mode.WEBHOOK) {
            new TelegramWebhookRoute(channel.verifier(), channel.parser(), events, callbacks).register(routes);
        }
    }

    /**
     * Once the web server listens: registers the webhook, or (when {@code backgroundWork}) starts competing for the
     * polling lock.
     */
    @Override
    public void start(boolean backgroundWork) {
        if (settings().mode() == TelegramSettings.Mode.WEBHOOK) {
            TelegramWebhookRegistrar.Result result = channel.registrar().register(publicUrl);
            webhookRegistered = result.ok();
            if (result.ok()) {
                log.info("Telegram webhook mode: {}", result.message());
            } else {
                log.error("Telegram webhook mode, but no updates will arrive until this is fixed: {}", result.message());
            }
        } else if (backgroundWork) {
            startPolling(LOCK_RETRY);
        }
    }

    @Override
    public String mode() {
        return settings().mode() == TelegramSettings.Mode.WEBHOOK ? "webhook" : "polling";
    }

    @Override
    public Boolean webhookRegistered() {
        return settings().mode() == TelegramSettings.Mode.WEBHOOK ? webhookRegistered : null;
    }

    /** {@code getMe}: the token works when Telegram names the bot. */
    @Override
    public ProbeResult probe() {
        try {
            org.telegram.telegrambots.meta.api.objects.User bot = channel.api()
                    .execute(new org.telegram.telegrambots.meta.api.methods.GetMe());
            return ProbeResult.ok("getMe: the bot @" + bot.getUserName() + " (" + bot.getFirstName() + ", id " + bot.getId() + ")");
        } catch (RuntimeException | io.supporthub.channels.telegram.TelegramCallException e) {
            return ProbeResult.failed("getMe failed: " + e.getMessage());
        }
    }

    synchronized void startPolling(Duration lockRetry) {
        if (leader != null) {
            return;
        }
        poller = channel.poller(polled::accept);
        leader = new AdvisoryLock(dataSource, "telegram polling", lockRetry, poller::start, poller::stop);
        leader.start();
    }

    /** Whether this node holds the polling lock and polls. */
    public synchronized boolean isPolling() {
        return leader != null && leader.held() && poller.isRunning();
    }

    @Override
    public synchronized void close() {
        if (leader != null) {
            leader.close();
        }
        channel.close();
    }
}
