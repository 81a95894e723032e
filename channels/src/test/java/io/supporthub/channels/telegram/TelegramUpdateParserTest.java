package io.supporthub.channels.telegram;

import static io.supporthub.channels.telegram.TelegramCorpus.aiogramUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;

/** Message kinds from the aiogram dataset and telegrambots-java, each turned into an InboundMessage. */
class TelegramUpdateParserTest {

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
    void textMessage_becomesInboundMessageWithSenderAndIds() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("message", "message", 1));

        assertThat(m.channel()).isEqualTo(ChannelKind.TELEGRAM);
        assertThat(m.from()).isEqualTo(Address.telegram(12345678));
        assertThat(m.externalId()).isEqualTo("12345678:11223");
        assertThat(m.text()).isEqualTo("Hi, world!");
        assertThat(m.sender().name()).isEqualTo("FirstName LastName");
        assertThat(m.sender().language()).isEqualTo("ru");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1508709711));
        assertThat(m.edit()).isFalse();
        assertThat(m.attachments()).isEmpty();
    }

    @Test
    void aiogramUpdateFile_parsesAsIs() throws Exception {
        InboundMessage m = fixture.parseMessage(TelegramCorpus.read("aiogram-v2-dataset/update.json"));

        assertThat(m.text()).isEqualTo("Hi, world!");
    }

    @Test
    void photo_fetchesTheLargestSize_withCaptionAsText() throws Exception {
        String update = """
                {"update_id":7,"message":{"message_id":5,"date":1700000000,
                 "from":{"id":42,"is_bot":false,"first_name":"Ann"},"chat":{"id":42,"type":"private","first_name":"Ann"},
                 "photo":[{"file_id":"small","file_unique_id":"s","width":90,"height":90,"file_size":1000},
                          {"file_id":"large","file_unique_id":"l","width":1280,"height":1280,"file_size":90000},
                          {"file_id":"medium","file_unique_id":"m","width":320,"height":320,"file_size":9000}],
                 "caption":"my broken screen"}}""";

        InboundMessage m = fixture.parseMessage(update);

        assertThat(m.text()).isEqualTo("my broken screen");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("photo.jpg");
            assertThat(a.contentType()).isEqualTo("image/jpeg");
            assertThat(a.content()).isEqualTo(ParserFixture.contentOf("large"));
        });
    }

    @Test
    void aiogramPhoto_isFetchedOnce() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("message_with_photo", "message", 2));

        assertThat(m.text()).isEqualTo("photo description");
        assertThat(m.attachments()).hasSize(1);
        assertThat(fixture.telegram.calls("getFile")).hasSize(1);
    }

    @Test
    void document_keepsItsNameAndType() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("message_with_document", "message", 3));

        assertThat(m.text()).isEqualTo("Read my document");
        Attachment a = m.attachments().get(0);
        assertThat(a.fileName()).isEqualTo("test.docx");
        assertThat(a.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(a.content()).isEqualTo(ParserFixture.contentOf("BQADAgADpgADy_JxS66XQTBRHFleAg"));
    }

    @Test
    void voice_becomesOggAttachment() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("message_with_voice", "message", 4));

        assertThat(m.text()).isEmpty();
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("voice.ogg");
            assertThat(a.contentType()).isEqualTo("audio/ogg");
        });
    }

    @Test
    void audio_withCaption() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("message_with_audio", "message", 5));

        assertThat(m.text()).isEqualTo("This is my favourite song");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("audio.mp3");
            assertThat(a.contentType()).isEqualTo("audio/mpeg3");
        });
    }

    @Test
    void video_andVideoNote_becomeAttachments() throws Exception {
        InboundMessage video = fixture.parseMessage(aiogramUpdate("message_with_video", "message", 6));
        InboundMessage note = fixture.parseMessage(aiogramUpdate("message_with_video_note", "message", 7));

        assertThat(video.text()).isEqualTo("description");
        assertThat(video.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("video.mov");
            assertThat(a.contentType()).isEqualTo("video/quicktime");
        });
        assertThat(note.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("video_note.mp4");
            assertThat(a.contentType()).isEqualTo("video/mp4");
        });
    }

    @Test
    void sticker_givesItsEmojiAsText_andTheSmallFile() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("message_with_sticker", "message", 8));

        assertThat(m.text()).isEqualTo("\uD83D\uDEE0");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("sticker.webp");
            assertThat(a.contentType()).isEqualTo("image/webp");
        });
    }

    @Test
    void location_isDescribedWithAMapLink() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("message_with_location", "message", 9));

        assertThat(m.text()).startsWith("Location: 50.69342, 30.62461\n")
                .contains("https://www.openstreetmap.org/?mlat=50.69342&mlon=30.62461");
    }

    @Test
    void venue_isDescribedWithTitleAndAddress() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("message_with_venue", "message", 10));

        assertThat(m.text()).startsWith("Location: 50.69342, 30.62461").endsWith("Venue Name, Venue Address");
    }

    @Test
    void someoneElsesContact_isDescribed_butDoesNotJoinTheSendersIdentity() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("message_with_contact", "message", 11));

        assertThat(m.text()).isEqualTo("Contact: John Smith, 88005553535");
        assertThat(m.sender().otherAddresses()).isEmpty();
    }

    @Test
    void ownContact_joinsTheSendersIdentityInE164() throws Exception {
        String update = """
                {"update_id":12,"message":{"message_id":9,"date":1700000000,
                 "from":{"id":42,"is_bot":false,"first_name":"Ann","last_name":"Lee","language_code":"fr"},
                 "chat":{"id":42,"type":"private","first_name":"Ann"},
                 "contact":{"phone_number":"33612345678","first_name":"Ann","last_name":"Lee","user_id":42}}}""";

        InboundMessage m = fixture.parseMessage(update);

        assertThat(m.sender().otherAddresses()).containsExactly(Address.phone("+33612345678"));
        assertThat(m.text()).isEqualTo("Contact: Ann Lee, +33612345678");
        assertThat(m.sender().language()).isEqualTo("fr");
    }

    @Test
    void editedMessage_keepsTheExternalIdAndIsMarkedAsEdit() throws Exception {
        InboundMessage m = fixture.parseMessage(aiogramUpdate("edited_message", "edited_message", 13));

        assertThat(m.edit()).isTrue();
        assertThat(m.externalId()).isEqualTo("12345678:12345");
        assertThat(m.text()).isEqualTo("hi there (edited)");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1508825379));
    }

    @Test
    void telegrambotsUpdate_withTextAndThreeFilesAndReply_keepsThemAll() throws Exception {
        InboundMessage m = fixture.parseMessage(TelegramCorpus.read("telegrambots-java/TelegramBotsHelper_GetUpdate_01.json"));

        assertThat(m.externalId()).isEqualTo("1111111:1365");
        assertThat(m.text()).isEqualTo("Bold and italics");
        assertThat(m.attachments()).extracting(Attachment::fileName)
                .containsExactly("Testfile.pdf", "voice.ogg", "audio.mp3");
        assertThat(m.threadHint().replyToIds()).containsExactly("1111111:1334");
        assertThat(m.sender().name()).isEqualTo("Test Firstname Test Lastname");
    }
}
