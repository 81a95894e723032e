package io.supporthub.hub.bot;

import io.supporthub.bot.BotState;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * SQL on what the bot waits for from each address ({@code contact_address.bot_state}) and since when
 * ({@code bot_state_since}), so any hub node can answer.
 */
final class BotStateQueries {

    /** A stored state and when it was stored; {@code since} is null when idle or stored before waits were timed. */
    record Stored(BotState state, Instant since) {
    }

    record Row(String botState, Instant botStateSince) {
    }

    private final Handle handle;

    BotStateQueries(Handle handle) {
        this.handle = handle;
    }

    Stored load(long addressId) {
        return handle.createQuery("select bot_state, bot_state_since from contact_address where id = :id")
                .bind("id", addressId)
                .mapTo(Row.class)
                .findOne()
                .map(row -> new Stored(BotState.decode(row.botState()), row.botStateSince()))
                .orElse(new Stored(BotState.IDLE, null));
    }

    /** Stores the state; a wait begins {@code now}. */
    void save(long addressId, BotState state, Instant now) {
        boolean idle = state.mode() == BotState.Mode.IDLE;
        handle.createUpdate("update contact_address set bot_state = :state, bot_state_since = :since where id = :id")
                .bind("id", addressId)
                .bind("state", idle ? null : state.encode())
                .bind("since", idle ? null : now)
                .execute();
    }
}
