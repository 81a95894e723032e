package io.supporthub.bot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotStateTest {
    @Test
    void everyState_survivesEncodeAndDecode() {
        for (BotState state : new BotState[]{BotState.IDLE, BotState.NEW_TICKET, BotState.addingTo(42),
                BotState.awaitingComment(Long.MAX_VALUE, 5)}) {
            assertThat(BotState.decode(state.encode())).isEqualTo(state);
            assertThat(state.encode().length()).isLessThanOrEqualTo(40);
        }
        assertThat(BotState.awaitingComment(42, 3).encode()).isEqualTo("comment:42:3");
    }

    @Test
    void everyState_survivesThreeColumns() {
        BotState state = BotState.awaitingComment(7, 2);

        assertThat(BotState.of(state.mode().wireName(), state.ticketId(), state.stars())).isEqualTo(state);
        assertThat(BotState.of(null, null, null)).isEqualTo(BotState.IDLE);
    }

    @Test
    void nullOrBlank_isIdle() {
        assertThat(BotState.decode(null)).isEqualTo(BotState.IDLE);
        assertThat(BotState.decode("")).isEqualTo(BotState.IDLE);
    }

    @Test
    void unreadableStoredState_isIdle() {
        assertThat(BotState.decode("teleport:1")).isEqualTo(BotState.IDLE);
        assertThat(BotState.decode("add:x")).isEqualTo(BotState.IDLE);
        assertThat(BotState.decode("add")).isEqualTo(BotState.IDLE);
        assertThat(BotState.decode("comment:1:9")).isEqualTo(BotState.IDLE);
        assertThat(BotState.decode("add:1:2:3")).isEqualTo(BotState.IDLE);
    }

    @Test
    void inconsistentState_isRejected() {
        assertThatThrownBy(() -> new BotState(BotState.Mode.ADDING_TO, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs ticket id");
        assertThatThrownBy(() -> new BotState(BotState.Mode.IDLE, 5L, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BotState.awaitingComment(5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stars");
    }
}
