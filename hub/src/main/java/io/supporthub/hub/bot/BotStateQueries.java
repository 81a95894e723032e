package io.supporthub.hub.bot;

import io.supporthub.bot.BotState;
import org.jdbi.v3.core.Handle;

/** SQL on what the bot waits for from each address ({@code contact_address.bot_state}), so any hub node can answer. */
final class BotStateQueries {

    private final Handle handle;

    BotStateQueries(Handle handle) {
        this.handle = handle;
    }

    BotState load(long addressId) {
        return BotState.decode(handle.createQuery("select bot_state from contact_address where id = :id")
                .bind("id", addressId)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
    }

    void save(long addressId, BotState state) {
        handle.createUpdate("update contact_address set bot_state = :state where id = :id")
                .bind("id", addressId)
                .bind("state", state.mode() == BotState.Mode.IDLE ? null : state.encode())
                .execute();
    }
}
