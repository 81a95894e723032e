package io.supporthub.channels.telegram;

import static io.supporthub.channels.telegram.TelegramCorpus.aiogramUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.supporthub.channels.Address;
import io.supporthub.channels.ButtonPress;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.ReachabilityChange;
import io.supporthub.channels.UnprocessablePayloadException;

/** Updates that are not plain private messages: groups, blocking, buttons, the unprocessable. */
class TelegramUpdateEventsTest {

    private ParserFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ParserFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void groupAndChannelMessages_areIgnored() throws Exception {
        List<String> groupUpdates = TelegramCorpus.telegrambotsUpdates("TestDeserialization_testListUpdates3_03.json");
        for (String update : groupUpdates.subList(2, groupUpdates.size())) {
            assertThat(fixture.parse(update)).as(update).isEmpty();
        }
        assertThat(fixture.parse(aiogramUpdate("message_from_channel", "channel_post", 30))).isEmpty();
        assertThat(fixture.telegram.calls("getFile")).isEmpty();
    }

    @Test
    void groupMessage_isTakenWhenGroupsAreAllowed() throws Exception {
        try (ParserFixture groups = new ParserFixture(true, TelegramSettings.BOT_API_DOWNLOAD_LIMIT)) {
            String update = TelegramCorpus.telegrambotsUpdates("TestDeserialization_testListUpdates3_03.json").stream()
                    .filter(u -> u.contains("\"update_id\":259894335")).findFirst().orElseThrow();

            List<ChannelEvent> events = groups.parse(update);

            assertThat(events).singleElement().isInstanceOf(InboundMessage.class);
            assertThat(((InboundMessage) events.get(0)).from().value()).startsWith("-100");
        }
    }

    @Test
    void privateUpdatesFromTheCorpusLists_allParse() throws Exception {
        for (String update : TelegramCorpus.telegrambotsUpdates("TestDeserialization_testListUpdates2_02.json")) {
            assertThat(fixture.parse(update)).as(update).singleElement().isInstanceOf(InboundMessage.class);
        }
    }

    @Test
    void userBlockingTheBot_makesTheChatUnreachable_andRestartingReachable() throws Exception {
        String blocked = myChatMember("member", "kicked");
        String back = myChatMember("kicked", "member");

        assertThat(fixture.parse(blocked)).singleElement().isInstanceOfSatisfying(ReachabilityChange.class, r -> {
            assertThat(r.address()).isEqualTo(Address.telegram(42));
            assertThat(r.reachable()).isFalse();
            assertThat(r.reason()).isEqualTo("blocked the bot");
        });
        assertThat(fixture.parse(back)).singleElement().isInstanceOfSatisfying(ReachabilityChange.class,
                r -> assertThat(r.reachable()).isTrue());
    }

    @Test
    void callbackQuery_becomesButtonPress() throws Exception {
        List<ChannelEvent> events = fixture.parse(
                TelegramCorpus.read("telegrambots-java/TelegramBotsHelper_GetUpdateWithMessageInCallbackQuery_02.json"));

        assertThat(events).singleElement().isInstanceOfSatisfying(ButtonPress.class, press -> {
            assertThat(press.externalId()).isEqualTo("cb:4382bfdwdsb323b2d9");
            assertThat(press.from()).isEqualTo(Address.telegram(2));
            assertThat(press.sender().language()).isEqualTo("en");
            assertThat(press.at()).isEqualTo(ParserFixture.NOW);
            assertThat(press.data()).isNotBlank();
        });
    }

    @Test
    void unknownUpdateKind_isUnprocessableWithItsName() {
        String pollAnswer = TelegramCorpus.telegrambotsUpdates("TestDeserialization_testDeserializationPollAnswer_01.json").get(0);

        assertThatThrownBy(() -> fixture.parse(pollAnswer)).isInstanceOf(UnprocessablePayloadException.class)
                .hasMessageContaining("poll_answer");
        assertThatThrownBy(() -> fixture.parse("{\"update_id\":5,\"future_kind\":{}}"))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("future_kind");
    }

    @Test
    void malformedJson_isUnprocessable() {
        assertThatThrownBy(() -> fixture.parser.parse("{\"update_id\":")).isInstanceOf(UnprocessablePayloadException.class)
                .hasMessageContaining("not a Telegram update");
        assertThatThrownBy(() -> fixture.parser.parse("[1,2]")).isInstanceOf(UnprocessablePayloadException.class);
        assertThatThrownBy(() -> fixture.parser.parse("{\"message\":{}}")).isInstanceOf(UnprocessablePayloadException.class);
    }

    @Test
    void messageWithNothingWeHandle_isUnprocessable_serviceMessage_isIgnored() throws Exception {
        assertThatThrownBy(() -> fixture.parse(aiogramUpdate("message_with_dice", "message", 40)))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("dice");
        assertThat(fixture.parse(TelegramCorpus.telegrambotsUpdates(
                "resources_update-with-write-access-allowed-for-webapp.json").get(0))).isEmpty();
        assertThat(fixture.parse(TelegramCorpus.telegrambotsUpdates(
                "TestDeserialization_testDeserializationMessageAutodeleteChanged_07.json").get(0))).isEmpty();
    }

    private static String myChatMember(String oldStatus, String newStatus) {
        return """
                {"update_id":20,"my_chat_member":{"chat":{"id":42,"first_name":"Ann","type":"private"},
                 "from":{"id":42,"is_bot":false,"first_name":"Ann"},"date":1700000000,
                 "old_chat_member":{"user":{"id":7,"is_bot":true,"first_name":"Support"},"status":"%s"},
                 "new_chat_member":{"user":{"id":7,"is_bot":true,"first_name":"Support"},"status":"%s","until_date":0}}}"""
                .formatted(oldStatus, newStatus);
    }
}
