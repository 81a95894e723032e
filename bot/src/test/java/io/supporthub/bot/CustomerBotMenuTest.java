package io.supporthub.bot;

import io.supporthub.channels.ChannelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.supporthub.bot.BotFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerBotMenuTest {
    private final BotFixture f = new BotFixture();

    static List<Expected> languages() {
        return Expected.all();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void start_greetsInTheCustomersLanguage_withTheMenu(Expected x) {
        BotOutcome out = f.bot.onText(telegram(x.tag(), BotState.NEW_TICKET), "/start");

        assertThat(out.routing()).isEqualTo(Routing.HANDLED);
        assertThat(out.newState()).isEqualTo(BotState.IDLE);
        assertThat(only(out).text()).isEqualTo(x.greeting());
        assertThat(labels(only(out))).isEqualTo(x.menuLabels());
        assertThat(data(only(out))).containsExactly("menu:new", "menu:list", "menu:close");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void conversationStarted_greetsWithTheMenu(Expected x) {
        BotOutcome out = f.bot.onConversationStarted(new BotContext(ME, ChannelKind.VIBER, x.tag(), null));

        assertThat(only(out).text()).isEqualTo(x.greeting());
        assertThat(labels(only(out))).isEqualTo(x.menuLabels());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void menuAndHelpCommands_answerWithTheMenu(Expected x) {
        assertThat(only(f.bot.onText(telegram(x.tag()), "/menu")).text()).isEqualTo(x.menuPrompt());
        BotOutcome help = f.bot.onText(telegram(x.tag()), "/help");
        assertThat(only(help).text()).startsWith(x.helpStart()).contains("/menu");
        assertThat(labels(only(help))).isEqualTo(x.menuLabels());
    }

    @Test
    void commandsWithBotNameOrPayload_areRecognised() {
        Expected en = Expected.english("en");

        assertThat(only(f.bot.onText(telegram("en"), "/start@AcmeSupportBot")).text()).isEqualTo(en.greeting());
        assertThat(only(f.bot.onText(telegram("en"), "/START campaign42")).text()).isEqualTo(en.greeting());
        assertThat(f.bot.onText(telegram("en"), "/starting a new job, help").routing()).isEqualTo(Routing.THREAD);
    }

    @Test
    void unknownOrRegionalLanguage_fallsBack() {
        assertThat(only(f.bot.onText(telegram("de"), "/start")).text()).isEqualTo(Expected.english("de").greeting());
        assertThat(only(f.bot.onText(telegram(null), "/start")).text()).isEqualTo(Expected.english("en").greeting());
        assertThat(only(f.bot.onText(telegram("fr-CA"), "/start")).text()).isEqualTo(Expected.french().greeting());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void newRequest_makesTheNextMessageANewTicket(Expected x) {
        BotOutcome pressed = f.bot.onButton(telegram(x.tag()), "menu:new");
        assertThat(only(pressed).text()).isEqualTo(x.newPrompt());
        assertThat(data(only(pressed))).containsExactly("menu:main");
        assertThat(pressed.newState()).isEqualTo(BotState.NEW_TICKET);

        BotOutcome next = f.bot.onText(telegram(x.tag(), pressed.newState()), "My parcel never came");
        assertThat(next.routing()).isEqualTo(Routing.NEW_TICKET);
        assertThat(next.replies()).isEmpty();
        assertThat(next.newState()).isEqualTo(BotState.IDLE);

        BotReply ack = f.bot.ticketOpened(x.tag(), new TicketSummary(50, 1050, "My parcel never came", "open", null));
        assertThat(ack.text()).isEqualTo(x.opened1050());
    }

    @Test
    void viberKeyboardText_equalToButtonData_actsAsTheButton() {
        BotOutcome out = f.bot.onText(new BotContext(ME, ChannelKind.VIBER, "en", BotState.IDLE), "menu:new");

        assertThat(out.routing()).isEqualTo(Routing.HANDLED);
        assertThat(out.newState()).isEqualTo(BotState.NEW_TICKET);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void myRequests_listsNumberSubjectAndStatus_newestFirst_internalHidden(Expected x) {
        BotOutcome out = f.bot.onButton(telegram(x.tag()), "menu:list");

        assertThat(only(out).text()).isEqualTo(x.listText());
        assertThat(data(only(out))).containsExactly("t:13", "t:12", "t:11", "menu:main");
        assertThat(labels(only(out)).get(2)).endsWith("1041 Broken screen");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void myRequests_withNone_saysSo(Expected x) {
        BotContext stranger = new BotContext(99, ChannelKind.TELEGRAM, x.tag(), BotState.IDLE);

        BotOutcome out = f.bot.onButton(stranger, "menu:list");

        assertThat(only(out).text()).isEqualTo(x.listEmpty());
        assertThat(labels(only(out))).isEqualTo(x.menuLabels());
    }

    @Test
    void myRequests_customStatusName_isShown_andLongSubjectsShortenedInButtons() {
        f.backend.add(ME, new TicketSummary(30, 1100, "A very long subject that goes on and on about the printer",
                "pending", "Waiting for parts"), false);

        BotReply reply = only(f.bot.onButton(telegram("en"), "menu:list"));

        assertThat(reply.text()).contains("#1100 A very long subject that goes on and on about the printer (Waiting for parts)");
        assertThat(reply.buttons().get(0).label()).isEqualTo("#1100 A very long subject that goes o…");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void choosingATicket_sendsTheNextMessageToIt_thenClearsTheState(Expected x) {
        BotOutcome chosen = f.bot.onButton(telegram(x.tag()), "t:11");
        assertThat(only(chosen).text()).isEqualTo(x.addPrompt1041());
        assertThat(chosen.newState()).isEqualTo(BotState.addingTo(OPEN));

        BotOutcome next = f.bot.onText(telegram(x.tag(), chosen.newState()), "Here is a photo of the screen");
        assertThat(next.routing()).isEqualTo(Routing.toTicket(OPEN));
        assertThat(only(next).text()).isEqualTo(x.added1041());
        assertThat(next.newState()).isEqualTo(BotState.IDLE);

        assertThat(f.bot.onText(telegram(x.tag(), next.newState()), "and one more thing").routing())
                .isEqualTo(Routing.THREAD);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void choosingSomeoneElsesTicket_saysNotFound(Expected x) {
        BotOutcome out = f.bot.onButton(telegram(x.tag()), "t:" + NOT_MINE);

        assertThat(only(out).text()).startsWith(x.notFoundStart());
        assertThat(out.newState()).isEqualTo(BotState.IDLE);
        assertThat(f.bot.onButton(telegram(x.tag()), "t:" + INTERNAL).replies().get(0).text()).startsWith(x.notFoundStart());
    }

    @Test
    void chosenTicketGone_beforeTheMessage_fallsBackToThreading() {
        BotOutcome out = f.bot.onText(telegram("en", BotState.addingTo(NOT_MINE)), "hello");

        assertThat(out.routing()).isEqualTo(Routing.THREAD);
        assertThat(out.replies()).isEmpty();
        assertThat(out.newState()).isEqualTo(BotState.IDLE);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void closeMyRequest_listsTheUnclosedOnes_closesTheChosen_andConfirms(Expected x) {
        BotOutcome menu = f.bot.onButton(telegram(x.tag()), "menu:close");
        assertThat(only(menu).text()).isEqualTo(x.closeChoose());
        assertThat(data(only(menu))).containsExactly("close:12", "close:11", "menu:main");

        BotOutcome closed = f.bot.onButton(telegram(x.tag()), "close:11");
        assertThat(only(closed).text()).isEqualTo(x.closed1041());
        assertThat(f.backend.changes()).containsExactly("close:11");
        assertThat(f.backend.get(OPEN).status()).isEqualTo("closed");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void closeMyRequest_withNothingOpen_saysSo(Expected x) {
        BotContext stranger = new BotContext(99, ChannelKind.TELEGRAM, x.tag(), BotState.IDLE);

        assertThat(only(f.bot.onButton(stranger, "menu:close")).text()).isEqualTo(x.closeNone());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void closingSomeoneElsesTicket_saysNotFound_andClosesNothing(Expected x) {
        BotOutcome out = f.bot.onButton(telegram(x.tag()), "close:" + NOT_MINE);

        assertThat(only(out).text()).startsWith(x.notFoundStart());
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void closingAnAlreadyClosedTicket_saysSo_withoutCallingTheHub() {
        BotOutcome out = f.bot.onButton(telegram("en"), "close:" + CLOSED);

        assertThat(only(out).text()).isEqualTo("Request #1043 is already closed.");
        assertThat(f.backend.changes()).isEmpty();
    }

    @Test
    void plainTextWithNothingPending_goesToThreading() {
        BotOutcome out = f.bot.onText(telegram("en"), "Hello, my order is late");

        assertThat(out.routing()).isEqualTo(Routing.THREAD);
        assertThat(out.replies()).isEmpty();
        assertThat(out.newState()).isEqualTo(BotState.IDLE);
    }

    @Test
    void channelsWithoutButtons_leaveEveryTextToThreading() {
        BotOutcome sms = f.bot.onText(new BotContext(ME, ChannelKind.SMS, "en", BotState.IDLE), "/start");
        BotOutcome mail = f.bot.onText(new BotContext(ME, ChannelKind.EMAIL, "en", BotState.IDLE), "menu:new");

        assertThat(sms.routing()).isEqualTo(Routing.THREAD);
        assertThat(sms.replies()).isEmpty();
        assertThat(mail.routing()).isEqualTo(Routing.THREAD);
        assertThat(mail.newState()).isEqualTo(BotState.IDLE);
    }

    @Test
    void menuButton_cancelsAPendingChoice() {
        BotOutcome out = f.bot.onButton(telegram("en", BotState.NEW_TICKET), "menu:main");

        assertThat(out.newState()).isEqualTo(BotState.IDLE);
        assertThat(only(out).text()).isEqualTo("What would you like to do?");
    }

    @Test
    void unknownButtonData_showsTheMenu() {
        BotOutcome out = f.bot.onButton(telegram("ru"), "legacy:button");

        assertThat(out.routing()).isEqualTo(Routing.HANDLED);
        assertThat(only(out).text()).isEqualTo("Что вы хотите сделать?");
    }

    @Test
    void everyButtonWeSend_fitsTelegramsCallbackLimit() {
        f.backend.add(ME, new TicketSummary(Long.MAX_VALUE, Long.MAX_VALUE, "Big", "resolved", null), false);
        List<BotReply> replies = List.of(
                only(f.bot.onButton(telegram("en"), "menu:list")),
                only(f.bot.onButton(telegram("en"), "menu:close")),
                f.bot.ratingPrompt("en", f.backend.get(Long.MAX_VALUE)));

        for (BotReply reply : replies) {
            for (String data : data(reply)) {
                assertThat(data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
                assertThat(BotAction.parse(data)).as(data).isPresent();
            }
        }
    }
}
