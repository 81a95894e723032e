package io.supporthub.hub;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.supporthub.bot.BotTexts;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.channels.sms.TwilioChannel;
import io.supporthub.hub.agent.AgentRoutes;
import io.supporthub.hub.agent.AgentService;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.bot.BotConversation;
import io.supporthub.hub.bot.RatingPrompter;
import io.supporthub.hub.cannedreply.CannedReplies;
import io.supporthub.hub.cannedreply.CannedReplyRoutes;
import io.supporthub.hub.catalog.CatalogRoutes;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Database;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.email.EmailChannel;
import io.supporthub.hub.email.EmailSettings;
import io.supporthub.hub.email.MailboxImporter;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.channelevent.RefusedAttachmentsReply;
import io.supporthub.hub.live.EventStreamRoutes;
import io.supporthub.hub.live.LiveUpdates;
import io.supporthub.hub.live.MentionAnnouncer;
import io.supporthub.hub.inbox.GenericInboundRoutes;
import io.supporthub.hub.inbox.Inbox;
import io.supporthub.hub.inbox.ThreadingPolicy;
import io.supporthub.hub.notification.CustomerNotifier;
import io.supporthub.hub.notification.NotificationRoutes;
import io.supporthub.hub.notification.NotificationStore;
import io.supporthub.hub.outbox.CustomerMessages;
import io.supporthub.hub.outbox.DeliveryCycle;
import io.supporthub.hub.outbox.MessageBuilder;
import io.supporthub.hub.outbox.Outbox;
import io.supporthub.hub.outbox.OutboxDispatcher;
import io.supporthub.hub.outbox.RetryPolicy;
import io.supporthub.hub.scheduler.AutoCloseJob;
import io.supporthub.hub.scheduler.PostponeWakeJob;
import io.supporthub.hub.scheduler.QuartzScheduler;
import io.supporthub.hub.scheduler.TicketTimerService;
import io.supporthub.hub.scheduler.TimerSweepJob;
import io.supporthub.hub.sms.SmsReconcileJob;
import io.supporthub.hub.sms.SmsReconciliation;
import io.supporthub.hub.sms.SmsRoutes;
import io.supporthub.hub.sms.SmsSetup;
import io.supporthub.hub.sms.TwilioWebhookRoutes;
import io.supporthub.hub.telegram.TelegramIntegration;
import io.supporthub.templates.DefaultTexts;
import io.supporthub.hub.ticket.ReopenPolicy;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketRowMapper;
import io.supporthub.hub.ticket.TicketListener;
import io.supporthub.hub.ticket.TicketOpener;
import io.supporthub.hub.ticket.TicketOps;
import io.supporthub.hub.ticket.TicketRoutes;
import io.supporthub.hub.ticket.TicketService;
import io.supporthub.hub.ui.WebUi;
import io.supporthub.hub.viber.ViberChannel;
import io.supporthub.hub.web.ErrorHandling;
import io.supporthub.hub.web.Json;
import org.quartz.Job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hub wired from a {@link Config}: every part built here with plain constructors. Tests build the same App with
 * fakes (a clock, senders, a retry policy) through {@link Options}.
 */
public final class App implements AutoCloseable {

    /** What tests and benchmarks may replace. */
    public record Options(Clock clock, EnumMap<ChannelKind, OutboundSender> senders, RetryPolicy retryPolicy,
                          String schedulerName, boolean startBackgroundWork) {

        public static Options production() {
            return new Options(Clock.systemUTC(), new EnumMap<>(ChannelKind.class), RetryPolicy.DEFAULT, "supporthub", true);
        }

        /** For benchmarks: the real clock and senders, without background work competing with what is measured. */
        public static Options benchmark(String schedulerName) {
            return new Options(Clock.systemUTC(), new EnumMap<>(ChannelKind.class), RetryPolicy.DEFAULT, schedulerName, false);
        }
    }

    private final Config config;
    private final Database database;
    private final Transactions transactions;
    private final TicketOps ticketOps;
    private final Inbox inbox;
    private final TicketService tickets;
    private final AgentService agents;
    private final ChannelEventHandler channelEvents;
    private final CannedReplies cannedReplies;
    private final LiveUpdates live;
    private final OutboxDispatcher dispatcher;
    private final QuartzScheduler scheduler;
    private final TicketTimerService timers;
    private final Javalin web;
    private final Options options;
    private final Optional<SmsReconciliation> smsReconciliation;
    private final Optional<TelegramIntegration> telegram;
    private final Optional<ViberChannel> viber;
    private final EmailChannel email;
    private final MailboxImporter mailbox;

    public App(Config config, Database database, Options options) {
        this.config = config;
        this.database = database;
        this.options = options;
        Clock clock = options.clock();
        // Registered after the database's generic record mapping, so it wins over it for tickets.
        database.jdbi().registerRowMapper(Ticket.class, new TicketRowMapper());
        this.transactions = new Transactions(database.jdbi());
        PhoneNumbers phones = new PhoneNumbers(config.defaultPhoneRegion().orElse(null));

        Map<Class<? extends Job>, Supplier<Job>> jobs = new java.util.HashMap<>();
        this.scheduler = new QuartzScheduler(options.schedulerName(), database.dataSource(), jobs);
        List<TicketListener> listeners = new ArrayList<>();
        EnumMap<ChannelKind, OutboundSender> senders = new EnumMap<>(options.senders());
        Map<ChannelKind, MessageBuilder.Finisher> finishers = new EnumMap<>(ChannelKind.class);
        this.email = EmailSettings.from(config).map(settings -> {
            OutboundSender sender = senders.computeIfAbsent(ChannelKind.EMAIL, kind -> EmailChannel.smtpSender(settings, clock));
            EmailChannel channel = new EmailChannel(settings, sender, transactions, options.retryPolicy(), clock);
            listeners.add(channel.agentNotifier());
            finishers.put(ChannelKind.EMAIL, channel.composer());
            return channel;
        }).orElse(null);
        DefaultTexts defaultTexts = new DefaultTexts();
        TemplateRenderer renderer = new TemplateRenderer();
        NotificationStore notificationStore = new NotificationStore(renderer);
        ReopenPolicy reopenPolicy = new ReopenPolicy(config.reopenWindow());
        BotTexts botTexts = new BotTexts(defaultTexts, renderer, config.companyName());
        // The dispatcher is built once the channels are (Telegram needs the event handler, which needs TicketOps);
        // the outbox wakes it lazily.
        Outbox outbox = new Outbox(clock, () -> dispatcher().wake());
        listeners.add(new CustomerNotifier(this::tickets, notificationStore, defaultTexts, renderer, outbox, clock));
        listeners.add(new RatingPrompter(this::ticketOps, reopenPolicy, botTexts, outbox));
        this.live = new LiveUpdates(database.sessions());
        listeners.add(new MentionAnnouncer(live));
        this.ticketOps = new TicketOps(clock, config.autoCloseAfter(), scheduler, listeners, live::ticketChanged);
        this.timers = new TicketTimerService(transactions, ticketOps);
        jobs.put(PostponeWakeJob.class, () -> new PostponeWakeJob(timers));
        jobs.put(AutoCloseJob.class, () -> new AutoCloseJob(timers));
        jobs.put(TimerSweepJob.class, () -> new TimerSweepJob(timers));

        this.inbox = new Inbox(transactions, ticketOps, new ThreadingPolicy(reopenPolicy));
        BotConversation bot = new BotConversation(inbox, ticketOps, reopenPolicy, botTexts, outbox);
        this.channelEvents = new ChannelEventHandler(transactions, inbox, clock, live::ticketChanged, bot,
                new RefusedAttachmentsReply(renderer, config.maxAttachmentBytes(), outbox));
        this.telegram = TelegramIntegration.fromConfig(config, channelEvents, database.sessions());
        Optional<TwilioChannel> sms = SmsSetup.channel(config, clock);
        this.viber = ViberChannel.fromConfig(config, clock);
        telegram.ifPresent(t -> senders.putIfAbsent(ChannelKind.TELEGRAM, t.sender()));
        sms.ifPresent(channel -> senders.putIfAbsent(ChannelKind.SMS, channel.sender()));
        viber.ifPresent(channel -> senders.putIfAbsent(ChannelKind.VIBER, channel.sender()));
        CustomerMessages customerMessages = new CustomerMessages(senders, clock, new MessageBuilder(finishers), live::ticketChanged);
        this.dispatcher = new OutboxDispatcher(new DeliveryCycle<>(database.jdbi(), customerMessages, options.retryPolicy(), clock),
                4, "outbox");
        this.tickets = new TicketService(transactions, ticketOps, customerMessages::canSend, outbox);
        TicketOpener opener = new TicketOpener(transactions, ticketOps, tickets, phones);
        this.agents = new AgentService(transactions);
        this.smsReconciliation = sms.map(channel -> new SmsReconciliation(
                channel.reconciler(SmsSetup.reconciledNumbers(channel.settings())), transactions, channelEvents, clock));
        smsReconciliation.ifPresent(reconciliation -> jobs.put(SmsReconcileJob.class, () -> new SmsReconcileJob(reconciliation)));
        Optional<TwilioWebhookRoutes> twilioRoutes = sms.map(channel -> new TwilioWebhookRoutes(channel, channelEvents));
        SmsRoutes smsRoutes = new SmsRoutes(transactions, tickets, notificationStore, defaultTexts, renderer);
        NotificationRoutes notificationRoutes = new NotificationRoutes(transactions, notificationStore, defaultTexts,
                renderer, clock);
        this.mailbox = email == null ? null : email.importer(channelEvents, tickets, database.sessions());
        Authentication authentication = new Authentication(transactions, clock, config.publicUrl().startsWith("https"));

        AgentRoutes agentRoutes = new AgentRoutes(authentication, agents);
        GenericInboundRoutes inboundRoutes = new GenericInboundRoutes(inbox, config.apiKey(), phones, clock);
        TicketRoutes ticketRoutes = new TicketRoutes(transactions, tickets, opener, clock);
        CatalogRoutes catalogRoutes = new CatalogRoutes(transactions);
        this.cannedReplies = new CannedReplies(transactions, renderer, config.companyName());
        CannedReplyRoutes cannedReplyRoutes = new CannedReplyRoutes(cannedReplies);
        EventStreamRoutes eventStreamRoutes = new EventStreamRoutes(live);
        WebUi webUi = new WebUi(transactions, authentication, agents, tickets, cannedReplies, customerMessages::canSend, clock,
                config.publicUrl().startsWith("https"));
        this.web = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.maxRequestSize = config.maxAttachmentBytes() * 2 + 1_000_000;
            ErrorHandling.register(cfg.routes);
            cfg.routes.get("/health", ctx -> {
                boolean up = database.isHealthy();
                ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "database unavailable"));
            });
            agentRoutes.registerPublic(cfg.routes);
            inboundRoutes.register(cfg.routes);
            twilioRoutes.ifPresent(routes -> routes.register(cfg.routes));
            telegram.ifPresent(t -> t.registerRoutes(cfg.routes));
            viber.ifPresent(channel -> channel.register(cfg.routes, channelEvents, transactions));
            cfg.routes.before("/api/*", ctx -> {
                String path = ctx.path();
                if (path.equals("/api/session") && ctx.method() != io.javalin.http.HandlerType.GET || path.equals("/api/inbound")) {
                    return;
                }
                authentication.requireAgent(ctx);
            });
            agentRoutes.register(cfg.routes);
            ticketRoutes.register(cfg.routes);
            catalogRoutes.register(cfg.routes);
            cannedReplyRoutes.register(cfg.routes);
            eventStreamRoutes.register(cfg.routes);
            smsRoutes.register(cfg.routes);
            notificationRoutes.register(cfg.routes);
            webUi.register(cfg.routes);
        });
    }

    /** Starts the web server, the scheduler and the outbox; returns the port it listens on. */
    public int start() {
        cannedReplies.seedDefaults(config.defaultLanguage());
        live.start();
        web.start(config.port());
        telegram.ifPresent(t -> t.start(config.publicUrl(), options.startBackgroundWork()));
        viber.ifPresent(ViberChannel::registerWebhook);
        if (options.startBackgroundWork()) {
            scheduler.every("timer-sweep", TimerSweepJob.class, Duration.ofMinutes(5));
            if (smsReconciliation.isPresent()) {
                // Starts now (missed messages while the hub was down), then every few minutes.
                scheduler.every(SmsReconcileJob.NAME, SmsReconcileJob.class, SmsReconcileJob.INTERVAL);
            }
            scheduler.start();
            dispatcher.start();
            if (email != null) {
                email.start();
                mailbox.start();
            }
        }
        return web.port();
    }

    public Config config() {
        return config;
    }

    public TicketOps ticketOps() {
        return ticketOps;
    }

    public Transactions transactions() {
        return transactions;
    }

    public Inbox inbox() {
        return inbox;
    }

    public TicketService tickets() {
        return tickets;
    }

    public LiveUpdates live() {
        return live;
    }

    public ChannelEventHandler channelEvents() {
        return channelEvents;
    }

    public AgentService agents() {
        return agents;
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    public TicketTimerService timers() {
        return timers;
    }

    public QuartzScheduler scheduler() {
        return scheduler;
    }

    /** The SMS channel's reconciliation, when SMS is configured (tests run it directly). */
    public Optional<SmsReconciliation> smsReconciliation() {
        return smsReconciliation;
    }

    public Optional<TelegramIntegration> telegram() {
        return telegram;
    }

    /** The email channel when MAIL_IMAP_URL, MAIL_SMTP_URL and MAIL_FROM are set. */
    public Optional<EmailChannel> email() {
        return Optional.ofNullable(email);
    }

    public Optional<MailboxImporter> mailbox() {
        return Optional.ofNullable(mailbox);
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        web.stop();
        if (email != null) {
            mailbox.close();
            email.close();
        }
        dispatcher.close();
        telegram.ifPresent(TelegramIntegration::close);
        scheduler.close();
        live.close();
    }
}
