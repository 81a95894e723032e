package io.supporthub.channels.telegram;

import static io.supporthub.channels.telegram.TelegramCorpus.aiogramUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.UnprocessablePayloadException;

class TelegramMediaFetcherTest {

    @Test
    void fileOverTheLimit_isNotFetched_butListedAsRefused() throws Exception {
        try (ParserFixture fixture = new ParserFixture(false, 5L * 1024 * 1024)) {
            InboundMessage m = fixture.parseMessage(aiogramUpdate("message_with_video", "message", 1));

            assertThat(m.attachments()).isEmpty();
            assertThat(m.refusedAttachments()).containsExactly("video.mov (9.6 MB)");
            assertThat(m.text()).isEqualTo("description");
            assertThat(fixture.telegram.calls("getFile")).isEmpty();
        }
    }

    @Test
    void fileTelegramCallsTooBig_isRefused() throws Exception {
        try (ParserFixture fixture = new ParserFixture()) {
            fixture.telegram.addFile("huge", "videos/huge.mp4", new byte[10], 35L * 1024 * 1024);
            String update = """
                    {"update_id":2,"message":{"message_id":3,"date":1700000000,
                     "from":{"id":42,"is_bot":false,"first_name":"Ann"},"chat":{"id":42,"type":"private"},
                     "video":{"file_id":"huge","file_unique_id":"h","width":1,"height":1,"duration":600}}}""";

            InboundMessage m = (InboundMessage) fixture.parser.parse(update).get(0);

            assertThat(m.refusedAttachments()).singleElement().asString().startsWith("video.mp4 (");
        }
    }

    @Test
    void networkFailureFetchingAFile_isAPassingFailure() throws Exception {
        try (ParserFixture fixture = new ParserFixture()) {
            fixture.telegram.failNext("getFile", 1, 502, "Bad Gateway");

            assertThatThrownBy(() -> fixture.parse(aiogramUpdate("message_with_voice", "message", 3)))
                    .isInstanceOf(IOException.class).isNotInstanceOf(UnprocessablePayloadException.class);
        }
    }

    @Test
    void missingDownload_isAPassingFailure() throws Exception {
        try (ParserFixture fixture = new ParserFixture()) {
            fixture.telegram.addFile("gone", "files/elsewhere", new byte[3]);
            String update = """
                    {"update_id":4,"message":{"message_id":3,"date":1700000000,
                     "from":{"id":42,"is_bot":false,"first_name":"Ann"},"chat":{"id":42,"type":"private"},
                     "document":{"file_id":"gone","file_unique_id":"g","file_name":"a.pdf"}}}""";
            fixture.telegram.close();

            assertThatThrownBy(() -> fixture.parser.parse(update)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void sizes_areWrittenForPeople() {
        assertThat(TelegramMediaFetcher.formatSize(35L * 1024 * 1024)).isEqualTo("35 MB");
        assertThat(TelegramMediaFetcher.formatSize(1536L * 1024)).isEqualTo("1.5 MB");
        assertThat(TelegramMediaFetcher.formatSize(2L * 1024 * 1024)).isEqualTo("2 MB");
        assertThat(TelegramMediaFetcher.formatSize(700L * 1024)).isEqualTo("700 KB");
    }
}
