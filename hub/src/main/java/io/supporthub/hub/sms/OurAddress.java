package io.supporthub.hub.sms;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.sms.TwilioInboundParser;
import org.jdbi.v3.core.Handle;

import java.util.Optional;

/**
 * The address of ours a customer wrote to (the Twilio number of an inbound SMS), kept in {@code message.our_address}
 * so that replies on the ticket go out from the same number.
 */
public final class OurAddress {

    private OurAddress() {
    }

    /** Stores the number the customer wrote to with their just-inserted message, when the channel reports one. */
    public static void remember(Handle handle, long messageId, InboundMessage message) {
        if (message.channel() != ChannelKind.SMS) {
            return;
        }
        String ours = TwilioInboundParser.replyFrom(message);
        if (ours != null) {
            handle.createUpdate("update message set our_address = :ours where id = :id")
                    .bind("id", messageId)
                    .bind("ours", ours)
                    .execute();
        }
    }

    /** The address of ours the customer last wrote to on this ticket and channel, if any. */
    public static Optional<String> latest(Handle handle, long ticketId, String channel) {
        return handle.createQuery("select our_address from message where ticket_id = :ticketId and channel = :channel "
                        + "and direction = 'in' and our_address is not null order by id desc limit 1")
                .bind("ticketId", ticketId)
                .bind("channel", channel)
                .mapTo(String.class)
                .findOne();
    }
}
