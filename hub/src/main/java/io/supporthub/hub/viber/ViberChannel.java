package io.supporthub.hub.viber;

import io.javalin.config.RoutesConfig;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.viber.HttpMediaDownloader;
import io.supporthub.channels.viber.SignedMediaUrls;
import io.supporthub.channels.viber.ViberApi;
import io.supporthub.channels.viber.ViberCallbackParser;
import io.supporthub.channels.viber.ViberSender;
import io.supporthub.channels.viber.ViberSettings;
import io.supporthub.channels.viber.ViberSignatureVerifier;
import io.supporthub.channels.viber.ViberWebhookRegistrar;
import io.supporthub.channels.viber.ViberWelcome;
import io.supporthub.hub.channel.ConfiguredChannel;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Viber bot wired from the configuration: {@code VIBER_AUTH_TOKEN} (on when set), {@code VIBER_BOT_NAME},
 * {@code VIBER_BOT_AVATAR}, {@code VIBER_API_URL}, {@code MEDIA_URL_SECRET}. Gives the sender for the outbox, the
 * routes ({@code POST /webhooks/viber}, {@code GET /media/...}) and the webhook registration once the server listens.
 */
public final class ViberChannel implements ConfiguredChannel {

    private static final Logger log = LoggerFactory.getLogger(ViberChannel.class);
    /** How long a media link stays valid: Viber fetches a file when sending and again on the customer's other devices. */
    static final Duration MEDIA_LINK_LIFETIME = Duration.ofDays(7);
    private static final Duration API_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> SETTINGS = List.of("VIBER_AUTH_TOKEN", "VIBER_BOT_NAME", "VIBER_BOT_AVATAR", "VIBER_API_URL");

    private final ViberSettings settings;
    private final ViberApi api;
    private final SignedMediaUrls mediaUrls;
    private final ViberSender sender;
    private final ViberCallbackParser parser;
    private final ChannelEventHandler events;
    private final Transactions transactions;

    private ViberChannel(ViberSettings settings, byte[] mediaSecret, String defaultPhoneRegion, Clock clock,
                         ChannelEventHandler events, Transactions transactions) {
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.api = new ViberApi(settings, HttpClient.newBuilder().connectTimeout(API_TIMEOUT).build(), API_TIMEOUT);
        this.mediaUrls = new SignedMediaUrls(URI.create(settings.publicUrl() + MediaRoutes.PATH), mediaSecret,
                MEDIA_LINK_LIFETIME, clock);
        this.sender = new ViberSender(api, mediaUrls);
        this.parser = new ViberCallbackParser(settings, new HttpMediaDownloader(MEDIA_TIMEOUT), defaultPhoneRegion, clock);
    }

    /** The channel, or empty (logged once) when {@code VIBER_AUTH_TOKEN} is not set. */
    public static Optional<ViberChannel> fromConfig(Config config, Clock clock, ChannelEventHandler events,
                                                    Transactions transactions) {
        Map<String, String> env = new HashMap<>();
        SETTINGS.forEach(name -> config.get(name).ifPresent(value -> env.put(name, value)));
        Optional<ViberSettings> settings = ViberSettings.fromEnvironment(env, URI.create(config.publicUrl()),
                config.maxAttachmentBytes());
        if (settings.isEmpty()) {
            log.info("Viber channel off: set VIBER_AUTH_TOKEN");
            return Optional.empty();
        }
        byte[] secret = MediaSecret.from(config, transactions, clock);
        return Optional.of(new ViberChannel(settings.get(), secret, config.defaultPhoneRegion().orElse(null), clock,
                events, transactions));
    }

    private volatile Boolean webhookRegistered;

    @Override
    public String mode() {
        return "webhook";
    }

    @Override
    public Boolean webhookRegistered() {
        return webhookRegistered;
    }

    /** {@code get_account_info}: the token works when Viber names the account. */
    @Override
    public io.supporthub.hub.channel.ProbeResult probe() {
        try {
            io.supporthub.channels.viber.ViberResponse answer = api.getAccountInfo();
            if (!answer.ok()) {
                return io.supporthub.hub.channel.ProbeResult.failed("get_account_info: " + answer.describe());
            }
            return io.supporthub.hub.channel.ProbeResult.ok("get_account_info: the account " + answer.body().path("name").asText("?")
                    + " (" + answer.body().path("uri").asText("?") + ")");
        } catch (java.io.IOException e) {
            return io.supporthub.hub.channel.ProbeResult.failed("get_account_info failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return io.supporthub.hub.channel.ProbeResult.failed("interrupted");
        }
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.VIBER;
    }

    @Override
    public OutboundSender sender() {
        return sender;
    }

    public SignedMediaUrls mediaUrls() {
        return mediaUrls;
    }

    /** The webhook and the media links, outside the API's login. */
    @Override
    public void register(RoutesConfig routes) {
        new ViberWebhookRoutes(new ViberSignatureVerifier(settings.authToken()), parser, new ViberWelcome(settings), events)
                .register(routes);
        new MediaRoutes(mediaUrls, transactions).register(routes);
    }

    /** Registers the webhook ({@link #registerWebhook}), with or without background work. */
    @Override
    public void start(boolean backgroundWork) {
        registerWebhook();
    }

    /**
     * Points the bot at {@code PUBLIC_URL/webhooks/viber}. Call once the server listens: Viber calls the URL back
     * before it answers. A refusal is logged with what to fix; the hub keeps running.
     */
    public ViberWebhookRegistrar.Registration registerWebhook() {
        try {
            ViberWebhookRegistrar.Registration registration = new ViberWebhookRegistrar(api).register();
            webhookRegistered = registration.ok();
            return registration;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ViberWebhookRegistrar.Registration(false, settings.webhookUrl(), "interrupted while registering");
        }
    }
}
