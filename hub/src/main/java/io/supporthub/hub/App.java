package io.supporthub.hub;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.supporthub.bot.BotTexts;
import io.supporthub.bot.BotWaitPolicy;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.agent.AccessService;
import io.supporthub.hub.agent.AccountRoutes;
import io.supporthub.hub.agent.AgentRoutes;
import io.supporthub.hub.agent.AgentPhotoRoutes;
import io.supporthub.hub.agent.AgentService;
import io.supporthub.hub.ticket.AssigneeHandover;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.agent.CompanyAccess;
import io.supporthub.hub.agent.ContactAccess;
import io.supporthub.hub.agent.PermissionGate;
import io.supporthub.hub.agent.RoutePermissions;
import io.supporthub.hub.agent.PasswordService;
import io.supporthub.hub.audit.AuditLog;
import io.supporthub.hub.audit.AuditRetentionJob;
import io.supporthub.hub.audit.AuditRoutes;
import io.supporthub.hub.audit.AuditedChanges;
import io.supporthub.hub.audit.AuditedRoutes;
import io.supporthub.hub.audit.LoginAudit;
import io.supporthub.hub.bot.BotConversation;
import io.supporthub.hub.bot.RatingPrompter;
import io.supporthub.hub.cannedreply.CannedReplies;
import io.supporthub.hub.cannedreply.CannedReplyRoutes;
import io.supporthub.hub.catalog.CatalogRoutes;
import io.supporthub.hub.company.CategoryService;
import io.supporthub.hub.company.CompanyRoutes;
import io.supporthub.hub.company.CompanyService;
import io.supporthub.hub.contact.ContactAddresses;
import io.supporthub.hub.contact.ContactMerge;
import io.supporthub.hub.contact.ContactRoutes;
import io.supporthub.hub.contact.ContactService;
import io.supporthub.hub.ticket.search.ContactSearch;
import io.supporthub.hub.group.GroupRoutes;
import io.supporthub.hub.calendar.CalendarRoutes;
import io.supporthub.hub.calendar.CalendarService;
import io.supporthub.hub.sla.SlaChanges;
import io.supporthub.hub.sla.SlaPreview;
import io.supporthub.hub.sla.SlaNoticeSender;
import io.supporthub.hub.sla.SlaRecalculationJob;
import io.supporthub.hub.sla.SlaRecalculationRoutes;
import io.supporthub.hub.sla.SlaRecalculations;
import io.supporthub.hub.sla.SlaRoutes;
import io.supporthub.hub.sla.SlaWarningJob;
import io.supporthub.hub.sla.SlaWarnings;
import io.supporthub.hub.sla.SlaRuleService;
import io.supporthub.hub.sla.SlaRules;
import io.supporthub.hub.group.GroupService;
import io.supporthub.hub.settings.SettingsRoutes;
import io.supporthub.hub.settings.SettingsService;
import io.supporthub.hub.timezone.PreferencesRoutes;
import io.supporthub.hub.timezone.ViewerZones;
import io.supporthub.hub.apichannel.ApiChannel;
import io.supporthub.hub.apichannel.ApiChannelRoutes;
import io.supporthub.hub.apichannel.ApiChannelSettings;
import io.supporthub.hub.apichannel.CallbackAddresses;
import io.supporthub.hub.apichannel.CallbackSender;
import io.supporthub.hub.channel.ChannelReadiness;
import io.supporthub.hub.channel.ConfiguredChannel;
import io.supporthub.hub.channelhealth.ChannelHealth;
import io.supporthub.hub.channelhealth.ChannelHealthRoutes;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.channelevent.RefusedAttachmentsReply;
import io.supporthub.hub.clientimport.ClientExport;
import io.supporthub.hub.clientimport.ContactImport;
import io.supporthub.hub.clientimport.ImportRoutes;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.contact.ContactSearchKeys;
import io.supporthub.hub.db.Database;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.db.backfill.Backfiller;
import io.supporthub.hub.email.EmailChannel;
import io.supporthub.hub.email.EmailIntegration;
import io.supporthub.hub.email.MailboxImporter;
import io.supporthub.hub.email.PasswordResetMailer;
import io.supporthub.hub.inbox.GenericInboundRoutes;
import io.supporthub.hub.inbox.Inbox;
import io.supporthub.hub.inbox.ThreadingPolicy;
import io.supporthub.hub.live.EventStreamRoutes;
import io.supporthub.hub.live.LiveUpdates;
import io.supporthub.hub.live.MentionAnnouncer;
import io.supporthub.hub.live.QueueAnnouncer;
import io.supporthub.hub.live.WatchAnnouncer;
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
import io.supporthub.hub.keptaside.KeptAsideRetentionJob;
import io.supporthub.hub.keptaside.KeptAsideRoutes;
import io.supporthub.hub.keptaside.KeptAsideService;
import io.supporthub.hub.scheduler.TimerSweepJob;
import io.supporthub.hub.sms.SmsChannel;
import io.supporthub.hub.sms.SmsReconciliation;
import io.supporthub.hub.sms.SmsRoutes;
import io.supporthub.hub.telegram.TelegramIntegration;
import io.supporthub.hub.ticket.ReopenPolicy;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketListener;
import io.supporthub.hub.sla.SlaRules;
import io.supporthub.hub.sla.SlaRegistration;
import io.supporthub.hub.sla.SlaTicketListener;
import io.supporthub.hub.sla.TicketSlaWriter;
import io.supporthub.hub.ticket.TicketOpener;
import io.supporthub.hub.ticket.TicketOps;
import io.supporthub.hub.ticket.ObserverRoutes;
import io.supporthub.hub.ticket.ObserverService;
import io.supporthub.hub.ticket.TicketRoutes;
import io.supporthub.hub.sla.SlaSettingsRoutes;
import io.supporthub.hub.ticket.DueWindows;
import io.supporthub.hub.ticket.ViewCounts;
import io.supporthub.hub.ticket.TicketRowMapper;
import io.supporthub.hub.ticket.AfterResolution;
import io.supporthub.hub.ticket.TicketService;
import io.supporthub.hub.ui.WebUi;
import io.supporthub.hub.viber.ViberChannel;
import io.supporthub.hub.web.BodyLimit;
import io.supporthub.hub.web.BodyLimitHandler;
import io.supporthub.hub.web.ClientAddresses;
import io.supporthub.hub.web.ErrorHandling;
import io.supporthub.hub.web.NulCharacters;
import io.supporthub.hub.web.RouteBodyLimits;
import io.supporthub.hub.web.SecurityHeaders;
import io.supporthub.hub.web.Json;
import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.TemplateRenderer;
import org.quartz.Job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
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
    private final KeptAsideService keptAside;
    private final AuditLog audit;
    private final Backfiller backfiller;
    private final SlaRecalculations slaRecalculations;
    private final SlaWarnings slaWarnings;
    private final Javalin web;
    private final RoutePermissions permissions;
    private RouteBodyLimits routeLimits;
    private final Options options;
    private final ApiChannelSettings apiChannel;
    /** The channels the configuration turned on, in the order they start. */
    private final List<ConfiguredChannel> channels = new ArrayList<>();

    public App(Config config, Database database, Options options) {
        this.config = config;
        this.database = database;
        this.options = options;
        Clock clock = options.clock();
        // Registered after the database's generic record mapping, so it wins over it for tickets.
        database.jdbi().registerRowMapper(Ticket.class, new TicketRowMapper());
        this.transactions = new Transactions(database.jdbi());
        this.backfiller = new Backfiller(database.jdbi(),
                Map.of(ContactSearchKeys.BACKFILL, ContactSearchKeys::fill), Backfiller.Settings.DEFAULT, clock);
        PhoneNumbers phones = new PhoneNumbers(config.defaultPhoneRegion().orElse(null));

        Map<Class<? extends Job>, Supplier<Job>> jobs = new HashMap<>();
        this.scheduler = new QuartzScheduler(options.schedulerName(), database.dataSource(), jobs);
        List<TicketListener> listeners = new ArrayList<>();
        EnumMap<ChannelKind, OutboundSender> senders = new EnumMap<>(options.senders());
        Map<ChannelKind, MessageBuilder.Finisher> finishers = new EnumMap<>(ChannelKind.class);
        Optional<EmailChannel> email = EmailChannel.fromConfig(config, senders.get(ChannelKind.EMAIL), transactions,
                options.retryPolicy(), clock);
        email.ifPresent(channel -> {
            listeners.add(channel.agentNotifier());
            finishers.put(ChannelKind.EMAIL, channel.composer());
        });
        DefaultTexts defaultTexts = new DefaultTexts();
        TemplateRenderer renderer = new TemplateRenderer();
        NotificationStore notificationStore = new NotificationStore(renderer);
        ReopenPolicy reopenPolicy = new ReopenPolicy(config.reopenWindow());
        BotTexts botTexts = new BotTexts(defaultTexts, renderer, config.companyNameIfSet());
        // The dispatcher is built once the channels are (Telegram needs the event handler, which needs TicketOps);
        // the outbox wakes it lazily.
        Outbox outbox = new Outbox(clock, () -> dispatcher().wake());
        listeners.add(new CustomerNotifier(this::tickets, notificationStore, defaultTexts, renderer, outbox, clock));
        listeners.add(new RatingPrompter(this::ticketOps, reopenPolicy, botTexts, outbox));
        this.live = new LiveUpdates(database.sessions());
        listeners.add(new MentionAnnouncer(live));
        listeners.add(new WatchAnnouncer(live));
        listeners.add(new QueueAnnouncer(live));
        TicketSlaWriter slaWriter = new TicketSlaWriter(new SlaRules());
        listeners.add(new SlaTicketListener(slaWriter, clock));
        // After a calendar, a rule or the defaults change, every open ticket's terms are chosen again and recomputed.
        this.slaRecalculations = new SlaRecalculations(database.jdbi(), slaWriter::reselect, clock, 500);
        jobs.put(SlaRecalculationJob.class, () -> new SlaRecalculationJob(slaRecalculations));
        SlaChanges slaChanges = (handle, reason, afterCommit) -> {
            slaRecalculations.request(handle, reason, null);
            afterCommit.add(() -> scheduler.runNow(SlaRecalculationJob.NAME));
        };
        this.ticketOps = new TicketOps(clock, config.autoCloseAfter(), scheduler, listeners, live::ticketChanged);
        this.timers = new TicketTimerService(transactions, ticketOps);
        jobs.put(PostponeWakeJob.class, () -> new PostponeWakeJob(timers));
        jobs.put(AutoCloseJob.class, () -> new AutoCloseJob(timers));
        jobs.put(TimerSweepJob.class, () -> new TimerSweepJob(timers));

        this.inbox = new Inbox(transactions, ticketOps, new ThreadingPolicy(reopenPolicy), new SlaRegistration(slaWriter));
        BotConversation bot = new BotConversation(inbox, ticketOps, reopenPolicy, botTexts,
                new BotWaitPolicy(clock, config.botWait()), outbox);
        this.channelEvents = new ChannelEventHandler(transactions, inbox, clock, live::ticketChanged, bot,
                new RefusedAttachmentsReply(renderer, config.maxAttachmentBytes(), outbox));
        // The channels' senders join the map just below (the email channel's import needs the ticket service first),
        // before any request can ask.
        this.keptAside = new KeptAsideService(transactions, channelEvents, clock, config.keptAsideRetention());
        jobs.put(KeptAsideRetentionJob.class, () -> new KeptAsideRetentionJob(keptAside));
        // The generic channel answers through the callback an admin sets at run time (tests may bring their own sender).
        CallbackAddresses callbackAddresses = new CallbackAddresses(config.allowPrivateCallbacks());
        this.apiChannel = new ApiChannelSettings(transactions, callbackAddresses, clock);
        boolean ownApiSender = !senders.containsKey(ChannelKind.API);
        ApiChannel api = new ApiChannel(apiChannel, new CallbackSender(transactions, apiChannel, callbackAddresses, clock), clock);
        senders.putIfAbsent(ChannelKind.API, api.sender());
        ChannelReadiness readiness = kind -> !senders.containsKey(kind) ? Optional.of(ChannelReadiness.notConfigured(kind))
                : kind == ChannelKind.API && ownApiSender ? apiChannel.problem() : Optional.empty();
        this.cannedReplies = new CannedReplies(transactions, renderer, config.companyName());
        this.tickets = new TicketService(transactions, ticketOps, readiness, outbox, cannedReplies,
                new AfterResolution(config.autoCloseAfter(), config.reopenWindow()));
        TelegramIntegration.fromConfig(config, channelEvents, database.sessions(), transactions).ifPresent(channels::add);
        SmsChannel.fromConfig(config, clock, transactions, channelEvents).ifPresent(channels::add);
        ViberChannel.fromConfig(config, clock, channelEvents, transactions).ifPresent(channels::add);
        email.map(channel -> new EmailIntegration(channel, channelEvents, tickets, database.sessions())).ifPresent(channels::add);
        channels.add(api);
        for (ConfiguredChannel channel : channels) {
            senders.putIfAbsent(channel.kind(), channel.sender());
            channel.jobs().forEach(job -> jobs.put(job.type(), job.factory()));
        }
        ChannelHealth channelHealth = new ChannelHealth(transactions,
                kind -> channels.stream().filter(c -> c.kind() == kind).findFirst(), readiness);
        CustomerMessages customerMessages = new CustomerMessages(senders, clock, new MessageBuilder(finishers), live::ticketChanged);
        this.dispatcher = new OutboxDispatcher(new DeliveryCycle<>(database.jdbi(), customerMessages, options.retryPolicy(), clock,
                config.outboxLease()),
                4, "outbox");
        TicketOpener opener = new TicketOpener(transactions, ticketOps, tickets, phones);
        this.agents = new AgentService(transactions, new AssigneeHandover(ticketOps));
        SmsRoutes smsRoutes = new SmsRoutes(transactions, tickets, notificationStore, defaultTexts, renderer);
        NotificationRoutes notificationRoutes = new NotificationRoutes(transactions, notificationStore, defaultTexts,
                renderer, clock);
        ClientAddresses clientAddresses = ClientAddresses.trusting(config.trustedProxies());
        Authentication authentication = new Authentication(transactions, clock, config.publicUrl().startsWith("https"),
                config.sessionIdle(), clientAddresses);
        AccessService access = new AccessService(transactions, clock);
        PasswordService passwords = new PasswordService(transactions, clock, config.publicUrl(),
                email.map(channel -> new PasswordResetMailer(channel.agentMail(), config.companyName())));

        this.audit = new AuditLog(transactions, clock, config.auditRetention(), clientAddresses);
        jobs.put(AuditRetentionJob.class, () -> new AuditRetentionJob(audit));
        authentication.onLoginAttempt(new LoginAudit(audit));
        AgentRoutes agentRoutes = new AgentRoutes(authentication, agents, access, passwords);
        AccountRoutes accountRoutes = new AccountRoutes(passwords, access, authentication);
        GenericInboundRoutes inboundRoutes = new GenericInboundRoutes(inbox, config.apiKey(), phones, clock);
        SettingsService settings = new SettingsService(transactions, config.timeZone(), clock);
        ViewerZones viewerZones = new ViewerZones(transactions, settings);
        this.slaWarnings = new SlaWarnings(transactions, new SlaNoticeSender(live, email.map(EmailChannel::agentMail),
                config.publicUrl()), viewerZones::of, clock, 200);
        jobs.put(SlaWarningJob.class, () -> new SlaWarningJob(slaWarnings));
        ViewCounts viewCounts = new ViewCounts(config.inboxCountLimit(), new DueWindows(clock, viewerZones::company));
        TicketRoutes ticketRoutes = new TicketRoutes(transactions, tickets, opener, viewCounts, phones, clock);
        ObserverRoutes observerRoutes = new ObserverRoutes(new ObserverService(transactions, ticketOps));
        CatalogRoutes catalogRoutes = new CatalogRoutes(transactions);
        GroupRoutes groupRoutes = new GroupRoutes(new GroupService(transactions));
        CalendarService calendars = new CalendarService(transactions, (handle, calendar, afterCommit) ->
                slaChanges.changed(handle, "calendar '" + calendar.calendar().name() + "' changed", afterCommit));
        CalendarRoutes calendarRoutes = new CalendarRoutes(calendars);
        SlaRoutes slaRoutes = new SlaRoutes(new SlaRuleService(transactions, slaChanges),
                new SlaPreview(transactions, new SlaRules(), clock));
        SlaRecalculationRoutes slaRecalculationRoutes = new SlaRecalculationRoutes(transactions, slaRecalculations,
                () -> scheduler.runNow(SlaRecalculationJob.NAME));
        CompanyService companies = new CompanyService(transactions, phones, clock);
        CompanyRoutes companyRoutes = new CompanyRoutes(companies, new CategoryService(transactions));
        ContactRoutes contactRoutes = new ContactRoutes(new ContactService(transactions, new ContactAddresses(phones), clock, new ContactSearch(phones)),
                new ContactMerge(transactions, clock));
        SettingsRoutes settingsRoutes = new SettingsRoutes(settings);
        SlaSettingsRoutes slaSettingsRoutes = new SlaSettingsRoutes(transactions, clock);
        PreferencesRoutes preferencesRoutes = new PreferencesRoutes(viewerZones);
        KeptAsideRoutes keptAsideRoutes = new KeptAsideRoutes(keptAside);
        ImportRoutes importRoutes = new ImportRoutes(new ContactImport(transactions, phones, clock),
                new ClientExport(transactions), clock);
        CannedReplyRoutes cannedReplyRoutes = new CannedReplyRoutes(cannedReplies);
        EventStreamRoutes eventStreamRoutes = new EventStreamRoutes(live);
        AuditedChanges auditedChanges = new AuditedChanges(audit,
                AuditedRoutes.of(transactions, agents, cannedReplies, notificationStore, defaultTexts));
        AuditRoutes auditRoutes = new AuditRoutes(audit);
        this.permissions = RoutePermissions.standard(() -> settings.read().seniorsSeeReports(),
                new ContactAccess(transactions), new CompanyAccess(transactions));
        PermissionGate permissionGate = new PermissionGate(permissions);
        WebUi webUi = new WebUi(transactions, authentication, permissions, agents, access, passwords, tickets, cannedReplies, keptAside, audit, settings,
                viewCounts,
                readiness, phones, clock,
                config.publicUrl().startsWith("https"), apiChannel, channelHealth, calendars);
        this.web = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            // The ceiling of Javalin's own reading; each route's smaller limit is held while reading, in front of it.
            cfg.http.maxRequestSize = BodyLimit.attachments(config.maxAttachmentBytes()).bytes();
            RouteBodyLimits bodyLimits = new RouteBodyLimits(cfg.unsafe);
            cfg.jetty.modifyServer(server -> server.setHandler(new BodyLimitHandler(bodyLimits)));
            this.routeLimits = bodyLimits;
            ErrorHandling.register(cfg.routes);
            SecurityHeaders.register(cfg.routes, config.publicUrl().startsWith("https"));
            NulCharacters.register(cfg.routes);
            cfg.routes.get("/health", ctx -> {
                boolean up = database.isHealthy();
                ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "database unavailable"));
            });
            agentRoutes.registerPublic(cfg.routes);
            accountRoutes.registerPublic(cfg.routes);
            inboundRoutes.register(cfg.routes);
            channels.forEach(channel -> channel.register(cfg.routes));
            cfg.routes.before("/api/*", authentication::guardApi);
            permissionGate.register(cfg.routes);
            auditedChanges.register(cfg.routes);
            auditRoutes.register(cfg.routes);
            agentRoutes.register(cfg.routes);
            new AgentPhotoRoutes(transactions, clock).register(cfg.routes);
            accountRoutes.register(cfg.routes);
            ticketRoutes.register(cfg.routes);
            observerRoutes.register(cfg.routes);
            catalogRoutes.register(cfg.routes);
            groupRoutes.register(cfg.routes);
            calendarRoutes.register(cfg.routes);
            slaRoutes.register(cfg.routes);
            slaRecalculationRoutes.register(cfg.routes);
            companyRoutes.register(cfg.routes);
            contactRoutes.register(cfg.routes);
            settingsRoutes.register(cfg.routes);
            slaSettingsRoutes.register(cfg.routes);
            preferencesRoutes.register(cfg.routes);
            new ApiChannelRoutes(apiChannel).register(cfg.routes);
            new ChannelHealthRoutes(channelHealth).register(cfg.routes);
            keptAsideRoutes.register(cfg.routes);
            importRoutes.register(cfg.routes);
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
        config.host().ifPresentOrElse(host -> web.start(host, config.port()), () -> web.start(config.port()));
        channels.forEach(channel -> channel.start(options.startBackgroundWork()));
        if (options.startBackgroundWork()) {
            scheduler.every("timer-sweep", TimerSweepJob.class, Duration.ofMinutes(5));
            scheduler.every(SlaRecalculationJob.NAME, SlaRecalculationJob.class, Duration.ofMinutes(1));
            scheduler.every(SlaWarningJob.NAME, SlaWarningJob.class, Duration.ofMinutes(1));
            scheduler.every("kept-aside-retention", KeptAsideRetentionJob.class, Duration.ofDays(1));
            scheduler.every("audit-retention", AuditRetentionJob.class, Duration.ofDays(1));
            channels.forEach(channel -> channel.jobs().forEach(job -> scheduler.every(job.name(), job.type(), job.interval())));
            scheduler.start();
            dispatcher.start();
            backfiller.start();
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

    public AuditLog audit() {
        return audit;
    }

    /** The SLA warnings runner (tests drive it directly instead of waiting for Quartz). */
    public SlaWarnings slaWarnings() {
        return slaWarnings;
    }

    /** Recomputes open tickets' planned times after a calendar, an SLA rule or the defaults changed. */
    public SlaRecalculations slaRecalculations() {
        return slaRecalculations;
    }

    /** Fills new columns on existing rows after a migration asked for it (see the table backfill). */
    public Backfiller backfiller() {
        return backfiller;
    }

    public KeptAsideService keptAside() {
        return keptAside;
    }

    public TicketTimerService timers() {
        return timers;
    }

    /** The SMS channel's reconciliation, when SMS is configured (tests run it directly). */
    public Optional<SmsReconciliation> smsReconciliation() {
        return channel(SmsChannel.class).map(SmsChannel::reconciliation);
    }

    public Optional<TelegramIntegration> telegram() {
        return channel(TelegramIntegration.class);
    }

    /** The email channel when MAIL_IMAP_URL, MAIL_SMTP_URL and MAIL_FROM are set. */
    public Optional<EmailChannel> email() {
        return channel(EmailIntegration.class).map(EmailIntegration::channel);
    }

    public Optional<MailboxImporter> mailbox() {
        return channel(EmailIntegration.class).map(EmailIntegration::mailbox);
    }

    private <T extends ConfiguredChannel> Optional<T> channel(Class<T> type) {
        return channels.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public Database database() {
        return database;
    }

    /** Who may call each route. */
    public RoutePermissions permissions() {
        return permissions;
    }

    /** The routes the web server serves, with the body limit of each. */
    public RouteBodyLimits routes() {
        return routeLimits;
    }

    @Override
    public void close() {
        web.stop();
        backfiller.close();
        dispatcher.close();
        // Once nothing sends through them any more; the last started first.
        List<ConfiguredChannel> closing = new ArrayList<>(channels);
        Collections.reverse(closing);
        closing.forEach(ConfiguredChannel::close);
        scheduler.close();
        live.close();
    }
}
