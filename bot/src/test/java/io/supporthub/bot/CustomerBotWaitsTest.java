package io.supporthub.bot;

import org.junit.jupiter.api.Test;

import static io.supporthub.bot.BotFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every wait takes one message at most: a button press, a message with files or a second text ends it. */
class CustomerBotWaitsTest {
    private final BotFixture f = new BotFixture();

    @Test
    void theComment_isKeptOnTheRatedTicket_andTheSecondTextIsAnOrdinaryMessage() {
        BotOutcome rated = f.bot.onButton(telegram("en"), "rate:12:4");
        BotOutcome comment = f.bot.onText(telegram("en", rated.newState()), "Quick and friendly");

        assertThat(comment.routing()).isEqualTo(Routing.HANDLED);
        assertThat(comment.ratingCommentOf()).isEqualTo(RESOLVED);

        BotOutcome second = f.bot.onText(telegram("en", comment.newState()), "Actually, please call me back");
        assertThat(second.routing()).isEqualTo(Routing.THREAD);
        assertThat(second.ratingCommentOf()).isNull();
        assertThat(second.replies()).isEmpty();
        assertThat(f.backend.changes()).containsExactly("rate:12:4:null", "rate:12:4:Quick and friendly");
    }

    @Test
    void aMessageWithFiles_afterARating_isNotTheComment_andIsThreaded() {
        BotOutcome out = f.bot.onMessage(telegram("en", BotState.awaitingComment(RESOLVED, 4)), "Here is the receipt", true);

        assertThat(out.routing()).isEqualTo(Routing.THREAD);
        assertThat(out.replies()).isEmpty();
        assertThat(out.newState()).isEqualTo(BotState.IDLE);
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void aMessageWithFiles_goesToTheChosenRequest_orOpensTheNewOne_andEndsTheWait() {
        BotOutcome added = f.bot.onMessage(telegram("en", BotState.addingTo(OPEN)), "A photo of the screen", true);
        assertThat(added.routing()).isEqualTo(Routing.toTicket(OPEN));
        assertThat(added.newState()).isEqualTo(BotState.IDLE);

        BotOutcome opened = f.bot.onMessage(telegram("en", BotState.NEW_TICKET), "", true);
        assertThat(opened.routing()).isEqualTo(Routing.NEW_TICKET);
        assertThat(opened.newState()).isEqualTo(BotState.IDLE);
    }

    @Test
    void aMessageWithFiles_isNeverTheBots_evenCaptionedLikeACommandOrAButton() {
        assertThat(f.bot.onMessage(telegram("en"), "/start", true).routing()).isEqualTo(Routing.THREAD);
        assertThat(f.bot.onMessage(telegram("en"), "menu:new", true).routing()).isEqualTo(Routing.THREAD);
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void aButtonPress_endsTheWaitForAComment() {
        BotOutcome pressed = f.bot.onButton(telegram("en", BotState.awaitingComment(RESOLVED, 4)), "menu:list");
        assertThat(pressed.newState()).isEqualTo(BotState.IDLE);

        BotOutcome next = f.bot.onText(telegram("en", pressed.newState()), "My parcel is late too");
        assertThat(next.routing()).isEqualTo(Routing.THREAD);
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void aCommandFollowedByTypedWords_isAnswered_andTheWordsReachAgents() {
        BotOutcome help = f.bot.onText(telegram("en", BotState.awaitingComment(RESOLVED, 4)), "/help my card was declined");
        assertThat(help.routing()).isEqualTo(Routing.THREAD);
        assertThat(only(help).text()).startsWith(Expected.english("en").helpStart());
        assertThat(help.newState()).isEqualTo(BotState.IDLE);

        assertThat(f.bot.onText(telegram("en"), "/start I need help with my order").routing()).isEqualTo(Routing.THREAD);
        assertThat(f.bot.onText(telegram("en"), "/start campaign42").routing()).isEqualTo(Routing.HANDLED);
        assertThat(f.bot.onText(telegram("en"), "/menu@AcmeSupportBot").routing()).isEqualTo(Routing.HANDLED);
        assertThat(f.backend.changes()).isEmpty();
    }
}
