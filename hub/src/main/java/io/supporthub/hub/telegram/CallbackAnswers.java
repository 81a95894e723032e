package io.supporthub.hub.telegram;

import io.supporthub.channels.ButtonPress;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.SendException;
import io.supporthub.channels.telegram.TelegramSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Answers the callback queries among committed events, so the customer's Telegram client stops showing its
 * spinner. A failed answer is only logged: the press itself is stored, and Telegram forgets unanswered queries.
 */
final class CallbackAnswers {

    private static final Logger log = LoggerFactory.getLogger(CallbackAnswers.class);

    private final TelegramSender sender;

    CallbackAnswers(TelegramSender sender) {
        this.sender = sender;
    }

    void answer(List<? extends ChannelEvent> committed) {
        for (ChannelEvent event : committed) {
            if (event instanceof ButtonPress press) {
                try {
                    sender.answerCallbackQuery(press.externalId(), null);
                } catch (SendException e) {
                    log.warn("Could not answer Telegram callback query {}: {}", press.externalId(), e.getMessage());
                }
            }
        }
    }
}
