package io.supporthub.hub.email;

import io.supporthub.hub.settings.SettingsService;
import io.supporthub.hub.timezone.ViewerZones;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.email.MailParser;
import io.supporthub.channels.email.SmtpSender;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.outbox.RetryPolicy;
import io.supporthub.hub.ticket.TicketListener;
import io.supporthub.hub.ticket.TicketService;
import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.notification.Notifications;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The email channel's parts in the hub, built by App when {@link EmailSettings} are present. Outbound parts exist
 * from the start (the sender goes in the outbox's map, the {@link ReplyComposer} in the MessageBuilder, the
 * {@link AgentNotifier} among the ticket listeners); the inbound {@link MailboxImporter} is built once the inbox and
 * the ticket service exist ({@link #importer}), with the channel as App runs it ({@link EmailIntegration}).
 */
public final class EmailChannel implements AutoCloseable {

    private final EmailSettings settings;
    private final OutboundSender sender;
    private final Transactions transactions;
    private final Clock clock;
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final Notifications notifications = new Notifications(new DefaultTexts(), renderer);
    private final AgentMailOutbox agentMail;
    private final AgentNotifier agentNotifier;
    private final ReplyComposer composer;

    /**
     * @param sender      what sends email: {@link #smtpSender} in production, a test's fake in tests
     * @param retryPolicy how mail to agents is retried: the outbox's own
     * @param companyZone the company's time zone until an admin sets one (agents' mail shows times in theirs)
     */
    public EmailChannel(EmailSettings settings, OutboundSender sender, Transactions transactions, RetryPolicy retryPolicy,
                        Clock clock, java.time.ZoneId companyZone) {
        this.settings = settings;
        this.sender = sender;
        this.transactions = transactions;
        this.clock = clock;
        this.agentMail = new AgentMailOutbox(transactions.jdbi(), sender, retryPolicy, clock);
        this.agentNotifier = new AgentNotifier(notifications, agentMail, settings.publicUrl(),
                new ViewerZones(transactions, new SettingsService(transactions, companyZone, clock)));
        this.composer = new ReplyComposer(notifications);
    }

    /**
     * The channel from MAIL_* settings, or empty (logged once) when they are not set.
     *
     * @param sender what sends email, or null for {@link #smtpSender}
     */
    public static Optional<EmailChannel> fromConfig(Config config, OutboundSender sender, Transactions transactions,
                                                    RetryPolicy retryPolicy, Clock clock) {
        return EmailSettings.from(config).map(settings -> new EmailChannel(settings,
                sender != null ? sender : smtpSender(settings, clock), transactions, retryPolicy, clock, config.timeZone()));
    }

    public static SmtpSender smtpSender(EmailSettings settings, Clock clock) {
        return new SmtpSender(settings.smtp(), settings.from(), settings.replyTo(), clock);
    }

    /** The connection test: an SMTP login and an IMAP login, each said with what the server answered. */
    public io.supporthub.hub.channel.ProbeResult probe() {
        String smtp;
        boolean ok = true;
        try {
            smtpSender(settings, clock).checkLogin();
            smtp = "SMTP " + settings.smtp().host() + ": logged in";
        } catch (jakarta.mail.MessagingException e) {
            smtp = "SMTP " + settings.smtp().host() + " failed: " + e.getMessage();
            ok = false;
        }
        String imap;
        try {
            io.supporthub.channels.email.ImapPoller.checkLogin(settings.imap());
            imap = "IMAP " + settings.imap().host() + ": logged in";
        } catch (jakarta.mail.MessagingException e) {
            imap = "IMAP " + settings.imap().host() + " failed: " + e.getMessage();
            ok = false;
        }
        String answer = smtp + "; " + imap;
        return ok ? io.supporthub.hub.channel.ProbeResult.ok(answer) : io.supporthub.hub.channel.ProbeResult.failed(answer);
    }

    public OutboundSender sender() {
        return sender;
    }

    public ReplyComposer composer() {
        return composer;
    }

    public TicketListener agentNotifier() {
        return agentNotifier;
    }

    public AgentMailOutbox agentMail() {
        return agentMail;
    }

    /** The mailbox import, handing mails to the inbox through {@link EmailInbound}. */
    public MailboxImporter importer(ChannelEventHandler channelEvents, TicketService tickets, DataSource lockSource) {
        MailParser parser = new MailParser(settings.maxAttachmentBytes(), clock);
        MailboxMails mails = mails(parser, channelEvents, tickets);
        return new MailboxImporter(settings, parser, mails, new DatabaseCursorStore(transactions, mails), lockSource,
                MailboxImporter.LEADER_RETRY);
    }

    /** The mails the import fetches, into the inbox or aside; also what retries a mail kept aside. */
    public MailboxMails mails(MailParser parser, ChannelEventHandler channelEvents, TicketService tickets) {
        return new MailboxMails(parser, new EmailInbound(channelEvents, new AgentMailReply(tickets, clock)),
                transactions, channelEvents);
    }

    /** Starts sending agent notifications. */
    public void start() {
        agentMail.start();
    }

    @Override
    public void close() {
        agentMail.close();
    }
}
