package io.supporthub.bot;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BotActionTest {
    private static final long BIG_ID = Long.MAX_VALUE;

    @Test
    void everyAction_parsesBackFromItsData_withinTelegramsLimit() {
        List<BotAction> actions = List.of(new BotAction.ShowMenu(), new BotAction.NewRequest(),
                new BotAction.ListTickets(), new BotAction.CloseMenu(), new BotAction.ChooseTicket(BIG_ID),
                new BotAction.CloseTicket(BIG_ID), new BotAction.Rate(BIG_ID, 5), new BotAction.NotSolved(BIG_ID),
                new BotAction.SkipComment(BIG_ID));
        for (BotAction action : actions) {
            assertThat(BotAction.parse(action.data())).contains(action);
            assertThat(action.data().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        }
    }

    @Test
    void dataWithSurroundingSpaces_isStillOurs() {
        assertThat(BotAction.parse(" rate:12:4\n")).contains(new BotAction.Rate(12, 4));
    }

    @Test
    void ordinaryTextAndForgeries_areNotActions() {
        assertThat(BotAction.parse("Hello, my screen is broken")).isEmpty();
        assertThat(BotAction.parse("t:")).isEmpty();
        assertThat(BotAction.parse("t:-5")).isEmpty();
        assertThat(BotAction.parse("t:12345678901234567890")).isEmpty();
        assertThat(BotAction.parse("t:9223372036854775808")).isEmpty();
        assertThat(BotAction.parse("rate:5:10")).isEmpty();
        assertThat(BotAction.parse("menu:secret")).isEmpty();
        assertThat(BotAction.parse(null)).isEmpty();
    }
}
