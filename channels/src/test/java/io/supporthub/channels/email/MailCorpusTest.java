package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.DeliveryUpdate;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderAuthentication;
import io.supporthub.channels.UnprocessablePayloadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every mail of the corpus (the sets listed in corpus/NOTICE.md) parses into events or is refused with a reason;
 * never an exception.
 */
class MailCorpusTest {

    private static final Logger log = LoggerFactory.getLogger(MailCorpusTest.class);
    private final MailParser parser = new MailParser(10L * 1024 * 1024);

    @Test
    void everyCorpusMail_parsesOrIsRefusedWithAReason() throws Exception {
        List<Path> files = Corpus.mailFiles();
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(files).extracting(file -> Corpus.email().relativize(file).getName(0).toString())
                .as("the sets that give mails").containsOnly("flanker", "mail-parser", "mime4j", "talon");
        int parsed = 0;
        int bounces = 0;
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            String name = Corpus.email().relativize(file).toString();
            long start = System.nanoTime();
            try {
                List<ChannelEvent> events = parser.parse(Files.readAllBytes(file));
                assertThat(events).as(name).isNotEmpty().first().isInstanceOf(InboundMessage.class);
                parsed++;
                bounces += (int) events.stream().filter(DeliveryUpdate.class::isInstance).count();
            } catch (UnprocessablePayloadException e) {
                assertThat(e.getMessage()).as(name).isNotBlank();
                refused.add(name + ": " + e.getMessage());
                if (e.getMessage().contains("no sender address")) {
                    // refused before its MIME is read: with a sender the rest of it must still parse
                    byte[] withSender = ("From: corpus@example.org\r\n" + Files.readString(file,
                            java.nio.charset.StandardCharsets.ISO_8859_1)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(parser.parse(withSender)).as(name + " with a From").first().isInstanceOf(InboundMessage.class);
                }
                log.info("refused {}: {}", name, e.getMessage());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as(name + " parse time in ms").isLessThan(10_000);
        }
        System.out.printf("email corpus: %d files, %d parsed, %d refused, %d FAILED delivery updates%n",
                files.size(), parsed, refused.size(), bounces);
        refused.forEach(r -> System.out.println("  refused " + r));
        assertThat(parsed + refused.size()).isEqualTo(files.size());
        assertThat(refused).anyMatch(r -> r.contains("mail_outlook_1") && r.contains("Outlook .msg"));
        // A mail client shows every other mail; these have no From, Sender or Reply-To (MIME test fragments), so
        // there is no one to answer, and one is an Outlook .msg file rather than a mail.
        assertThat(refused).as("refused mails").hasSize(25).allMatch(r -> r.contains("no sender address")
                || r.contains("mail_outlook_1") && r.contains("Outlook .msg"));
    }

    @Test
    void flankerBounces_yieldFailedDeliveryUpdatesForOurOriginal() throws Exception {
        DeliveryUpdate zed = bounce("flanker/bounce/zed.eml");
        assertThat(zed.providerId()).isEqualTo("20090708054735.GC7578@example.com");
        assertThat(zed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(zed.reason()).startsWith("5.1.1").contains("550");

        DeliveryUpdate full = bounce("flanker/bounce/mailbox-full.eml");
        assertThat(full.providerId()).isEqualTo("4E326A95.3010907@example.com");
        assertThat(full.reason()).contains("5.2.2").contains("MAILBOX FULL");

        DeliveryUpdate gmail = bounce("flanker/bounce/gmail-invalid-address.eml");
        assertThat(gmail.providerId()).isEqualTo("CAKsfaBUUGqVZiaMrmH3TRPfq1odQPtM7Ey5YW1SgyJJRHtAjgw@mail.gmail.com");
    }

    @Test
    void delayedDeliveryReport_isAutomatedButNoFailure() throws Exception {
        List<ChannelEvent> events = parser.parse(Corpus.bytes("flanker/bounce/no-mx.eml"));
        assertThat(events).hasSize(1);
        assertThat(((InboundMessage) events.get(0)).automated()).isTrue();
    }

    @Test
    void outlookMsgFile_isRefusedClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parse(Corpus.bytes("mail-parser/mail_outlook_1")))
                .isInstanceOf(UnprocessablePayloadException.class)
                .hasMessageContaining("Outlook .msg");
    }

    @Test
    void standardReply_keepsOnlyTheReplyButTheWholeMailInHtml() throws Exception {
        InboundMessage gmail = (InboundMessage) parser.parse(Corpus.bytes("talon/standard_replies/gmail.eml")).get(0);
        assertThat(gmail.text()).isEqualTo("Hello");
        assertThat(gmail.html()).contains("Megan One").contains("Hi");
        assertThat(gmail.from().value()).isEqualTo("xxx@gmail.com");
        assertThat(gmail.sender().name()).isEqualTo("Megan One");
        assertThat(gmail.externalId()).isEqualTo("CAKsfaBW4hj0Gek6TwbR3erng4P1y0CZzJ0d=pXtCNnYnbe7PLg@mail.gmail.com");
        assertThat(gmail.automated()).isFalse();
    }

    @Test
    void authenticationResultsOfRealServers_areRead() throws Exception {
        InboundMessage gmail = (InboundMessage) parser.parse(Corpus.bytes("flanker/iphone.eml")).get(0);
        assertThat(gmail.senderAuthentication()).isEqualTo(new SenderAuthentication("mx.google.com", "pass", "pass", null));
        InboundMessage exchange = (InboundMessage) parser.parse(Corpus.bytes("flanker/bounce/office365.eml")).get(0);
        assertThat(exchange.senderAuthentication()).isEqualTo(new SenderAuthentication(null, "none", null, null));
        assertThat(exchange.senderAuthentication().failures()).isEmpty();
    }

    private DeliveryUpdate bounce(String file) throws Exception {
        List<ChannelEvent> events = parser.parse(Corpus.bytes(file));
        assertThat(((InboundMessage) events.get(0)).automated()).as(file + " automated").isTrue();
        return events.stream().filter(DeliveryUpdate.class::isInstance).map(DeliveryUpdate.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError(file + " gave no DeliveryUpdate"));
    }
}
