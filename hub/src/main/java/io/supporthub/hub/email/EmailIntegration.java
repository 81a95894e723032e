package io.supporthub.hub.email;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundSender;
import io.supporthub.hub.channel.ConfiguredChannel;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.ticket.TicketService;

import javax.sql.DataSource;

/**
 * The email channel as App runs it: its outbound parts ({@link EmailChannel}, built before the ticket listeners and
 * the MessageBuilder, which take parts of it) and the mailbox import. Agent mail and the import run only with
 * background work; the import stops first.
 */
public final class EmailIntegration implements ConfiguredChannel {

    private final EmailChannel channel;
    private final MailboxImporter mailbox;

    /** @param lockSource the connections the mailbox's advisory lock is held on */
    public EmailIntegration(EmailChannel channel, ChannelEventHandler events, TicketService tickets,
                            DataSource lockSource) {
        this.channel = channel;
        this.mailbox = channel.importer(events, tickets, lockSource);
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public OutboundSender sender() {
        return channel.sender();
    }

    @Override
    public void start(boolean backgroundWork) {
        if (backgroundWork) {
            channel.start();
            mailbox.start();
        }
    }

    @Override
    public String mode() {
        return "polling";
    }

    @Override
    public io.supporthub.hub.channel.ProbeResult probe() {
        return channel.probe();
    }

    public EmailChannel channel() {
        return channel;
    }

    public MailboxImporter mailbox() {
        return mailbox;
    }

    @Override
    public void close() {
        mailbox.close();
        channel.close();
    }
}
