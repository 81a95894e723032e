package io.supporthub.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.supporthub.bot.BotFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerBotRatingTest {
    private final BotFixture f = new BotFixture();

    static List<Expected> languages() {
        return Expected.all();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void ratingPrompt_asksForStarsOrNotSolved(Expected x) {
        BotReply prompt = f.bot.ratingPrompt(x.tag(), f.backend.get(RESOLVED));

        assertThat(prompt.text()).startsWith(x.ratingPromptStart());
        assertThat(data(prompt)).containsExactly("rate:12:1", "rate:12:2", "rate:12:3", "rate:12:4", "rate:12:5",
                "notsolved:12");
        assertThat(labels(prompt)).containsExactly("1 ★", "2 ★", "3 ★", "4 ★", "5 ★", x.notSolvedLabel());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void star_isStored_thenTheNextTextIsItsComment_andNothingReopens(Expected x) {
        BotOutcome rated = f.bot.onButton(telegram(x.tag()), "rate:12:4");
        assertThat(only(rated).text()).startsWith(x.thanks4Start());
        assertThat(labels(only(rated))).containsExactly(x.skipLabel());
        assertThat(data(only(rated))).containsExactly("skip:12");
        assertThat(rated.newState()).isEqualTo(BotState.awaitingComment(RESOLVED, 4));
        assertThat(f.backend.rating(RESOLVED)).contains(new InMemoryBotBackend.Rating(RESOLVED, 4, null));

        BotOutcome comment = f.bot.onText(telegram(x.tag(), rated.newState()), "  Quick and friendly, thanks!  ");
        assertThat(comment.routing()).isEqualTo(Routing.HANDLED);
        assertThat(only(comment).text()).isEqualTo(x.commentSaved());
        assertThat(comment.newState()).isEqualTo(BotState.IDLE);
        assertThat(f.backend.rating(RESOLVED)).contains(new InMemoryBotBackend.Rating(RESOLVED, 4, "Quick and friendly, thanks!"));
        assertThat(f.backend.changes()).containsExactly("rate:12:4:null", "rate:12:4:Quick and friendly, thanks!");
        assertThat(f.backend.get(RESOLVED).status()).isEqualTo("resolved");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void skip_endsTheRatingWithoutAComment(Expected x) {
        BotOutcome out = f.bot.onButton(telegram(x.tag(), BotState.awaitingComment(RESOLVED, 5)), "skip:12");

        assertThat(only(out).text()).isEqualTo(x.skipped());
        assertThat(out.newState()).isEqualTo(BotState.IDLE);
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void viberSkip_sentAsText_isTheButton_notTheComment() {
        BotOutcome out = f.bot.onText(telegram("en", BotState.awaitingComment(RESOLVED, 5)), "skip:12");

        assertThat(out.routing()).isEqualTo(Routing.HANDLED);
        assertThat(out.newState()).isEqualTo(BotState.IDLE);
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void mediaWithoutText_afterARating_isNotAComment_andGoesToThreading() {
        BotOutcome out = f.bot.onText(telegram("en", BotState.awaitingComment(RESOLVED, 3)), "");

        assertThat(out.routing()).isEqualTo(Routing.THREAD);
        assertThat(out.newState()).isEqualTo(BotState.IDLE);
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void commandInsteadOfAComment_winsAndDropsTheWait() {
        BotOutcome out = f.bot.onText(telegram("en", BotState.awaitingComment(RESOLVED, 3)), "/menu");

        assertThat(out.newState()).isEqualTo(BotState.IDLE);
        assertThat(f.backend.changes()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void notSolved_reopensTheResolvedTicket_andTheNextMessageGoesToIt(Expected x) {
        BotOutcome out = f.bot.onButton(telegram(x.tag()), "notsolved:12");

        assertThat(only(out).text()).startsWith(x.notSolvedStart());
        assertThat(f.backend.changes()).containsExactly("notSolved:12");
        assertThat(f.backend.get(RESOLVED).status()).isEqualTo("open");
        assertThat(out.newState()).isEqualTo(BotState.addingTo(RESOLVED));
        assertThat(f.bot.onText(telegram(x.tag(), out.newState()), "It still fails").routing())
                .isEqualTo(Routing.toTicket(RESOLVED));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void notSolved_onATicketAlreadyOpen_doesNotCallTheHubAgain(Expected x) {
        BotOutcome out = f.bot.onButton(telegram(x.tag()), "notsolved:11");

        assertThat(only(out).text()).startsWith(x.alreadyOpenStart());
        assertThat(f.backend.changes()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void ratingSomeoneElsesTicket_saysNotFound_andStoresNothing(Expected x) {
        BotOutcome rate = f.bot.onButton(telegram(x.tag()), "rate:" + NOT_MINE + ":1");
        BotOutcome notSolved = f.bot.onButton(telegram(x.tag()), "notsolved:" + NOT_MINE);

        assertThat(only(rate).text()).startsWith(x.notFoundStart());
        assertThat(only(notSolved).text()).startsWith(x.notFoundStart());
        assertThat(rate.newState()).isEqualTo(BotState.IDLE);
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void starsOutsideOneToFive_areRefused() {
        BotOutcome out = f.bot.onButton(telegram("en"), "rate:12:0");

        assertThat(only(out).text()).startsWith("Sorry, we could not find this request.");
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void commentForATicketNoLongerTheirs_isThreadedNotStored() {
        BotOutcome out = f.bot.onText(telegram("en", BotState.awaitingComment(NOT_MINE, 2)), "great");

        assertThat(out.routing()).isEqualTo(Routing.THREAD);
        assertThat(f.backend.changes()).isEmpty();
    }
}
