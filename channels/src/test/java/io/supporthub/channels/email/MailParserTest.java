package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.UnprocessablePayloadException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MailParserTest {

    private final MailParser parser = new MailParser(1024 * 1024);

    private InboundMessage parse(String mail) throws Exception {
        return parse(mail.getBytes(StandardCharsets.UTF_8));
    }

    private InboundMessage parse(byte[] mail) throws Exception {
        return (InboundMessage) parser.parse(mail).get(0);
    }

    @Test
    void plainReply_givesReplyTextThreadHintAndTheWholeMailAsEscapedPre() throws Exception {
        InboundMessage message = parse("""
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen@Example.org>
                To: help@example.com
                Subject: =?ISO-8859-1?Q?Re:_Drucker_kaputt_=E4?= [#1234]
                Date: Tue, 3 Apr 2012 16:55:26 +0400
                Message-ID: <abc@example.org>
                In-Reply-To: <ours-2@example.com>
                References: <cust-1@example.org> <ours-2@example.com>

                Geht wieder, danke!

                On Apr 3, 2012, at 4:19 PM, Support <help@example.com> wrote:

                > Bitte neu starten <jetzt>
                """);
        assertThat(message.channel()).isEqualTo(ChannelKind.EMAIL);
        assertThat(message.from().value()).isEqualTo("juergen@example.org");
        assertThat(message.sender().name()).isEqualTo("Jürgen Müller");
        assertThat(message.subject()).isEqualTo("Re: Drucker kaputt ä [#1234]");
        assertThat(message.externalId()).isEqualTo("abc@example.org");
        assertThat(message.text()).isEqualTo("Geht wieder, danke!");
        assertThat(message.html()).startsWith("<pre>").contains("&gt; Bitte neu starten &lt;jetzt&gt;");
        assertThat(message.threadHint().ticketNumber()).isEqualTo(1234L);
        assertThat(message.threadHint().replyToIds()).containsExactly("ours-2@example.com", "cust-1@example.org");
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2012-04-03T12:55:26Z"));
        assertThat(message.automated()).isFalse();
    }

    @Test
    void missingMessageIdAndDate_giveHashIdAndNoTime() throws Exception {
        InboundMessage message = parse("From: a@example.org\nSubject: hi\n\nbody\n");
        assertThat(message.externalId()).matches("sha256:[0-9a-f]{64}");
        assertThat(message.sentAt()).isNull();
        assertThat(message.subject()).isEqualTo("hi");
    }

    @Test
    void wrongAndUnknownCharsets_fallBackInsteadOfFailing() throws Exception {
        byte[] mail = concat("From: =?x-unknown?Q?Z=C3=BCrich?= <z@example.org>\nSubject: caf\u00e9 \u00fcber\n"
                        .getBytes(StandardCharsets.UTF_8),
                "Content-Type: text/plain; charset=us-ascii\n\n".getBytes(StandardCharsets.US_ASCII),
                "Grüße aus Köln".getBytes(StandardCharsets.UTF_8));
        InboundMessage message = parse(mail);
        assertThat(message.sender().name()).isEqualTo("Zürich");
        assertThat(message.subject()).isEqualTo("café über");
        assertThat(message.text()).isEqualTo("Grüße aus Köln");

        InboundMessage latin = parse(concat("From: l@example.org\nContent-Type: text/plain; charset=bogus-9\n\n"
                .getBytes(StandardCharsets.US_ASCII), "Gr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(latin.text()).isEqualTo("Grüße");
    }

    @Test
    void quotedPrintableAndBase64Bodies_areDecoded() throws Exception {
        String base64 = Base64.getMimeEncoder().encodeToString("Привет, мир".getBytes(StandardCharsets.UTF_8));
        InboundMessage message = parse("From: r@example.org\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=XX\n\n--XX\n"
                + "Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "=F0=D2=C9=D7=C5=D4\n--XX\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + base64 + "\n--XX--\n");
        assertThat(message.text()).isEqualTo("Привет\n\nПривет, мир");
    }

    @Test
    void autoRepliesListsAndDaemons_areAutomated() throws Exception {
        assertThat(parse("From: a@example.org\nAuto-Submitted: auto-replied\n\nOut of office").automated()).isTrue();
        assertThat(parse("From: a@example.org\nPrecedence: bulk\n\nNews").automated()).isTrue();
        assertThat(parse("From: a@example.org\nList-Id: <dev.lists.example.org>\n\nList").automated()).isTrue();
        assertThat(parse("From: a@example.org\nX-Autoreply: yes\n\nAway").automated()).isTrue();
        assertThat(parse("From: MAILER-DAEMON@example.org\n\nFailed").automated()).isTrue();
        assertThat(parse("From: a@example.org\nAuto-Submitted: no\n\nA person").automated()).isFalse();
    }

    @Test
    void htmlOnlyMail_isSanitisedAndItsReplyExtracted() throws Exception {
        InboundMessage message = parse("""
                From: h@example.org
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style><script>alert(1)</script></head>
                <body onload="steal()"><p onclick="x()">Works now, thanks!</p>
                <img src="https://tracker.example/pixel.gif"><img src="cid:logo@x">
                <a href="https://example.org/a">link</a><form action="https://evil"><input name=p></form>
                <iframe src="https://evil"></iframe>
                <div class="gmail_quote">On Mon, Support wrote:<blockquote>old text</blockquote></div>
                </body></html>
                """);
        assertThat(message.text()).isEqualTo("Works now, thanks!\nlink (https://example.org/a)");
        assertThat(message.html()).contains("Works now, thanks!").contains("old text").contains("src=\"cid:logo@x\"")
                .contains("rel=\"noopener nofollow\"")
                .doesNotContain("script", "alert", "onload", "onclick", "tracker.example", "<form", "<input", "iframe",
                        "<style");
    }

    @Test
    void attachmentsOverTheLimit_areRefusedAndInlineImagesKeepTheirContentId() throws Exception {
        String small = Base64.getMimeEncoder().encodeToString(new byte[] {1, 2, 3});
        String big = Base64.getMimeEncoder().encodeToString(new byte[2 * 1024 * 1024]);
        InboundMessage message = parse("From: a@example.org\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\nSee files\n"
                + "--B\nContent-Type: image/png\nContent-ID: <img1@x>\nContent-Disposition: inline\n"
                + "Content-Transfer-Encoding: base64\n\n" + small + "\n"
                + "--B\nContent-Type: application/octet-stream; name=\"=?UTF-8?Q?gro=C3=9F.bin?=\"\n"
                + "Content-Disposition: attachment; filename=\"=?UTF-8?Q?gro=C3=9F.bin?=\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + big + "\n--B--\n");
        assertThat(message.text()).isEqualTo("See files");
        assertThat(message.attachments()).hasSize(1);
        Attachment image = message.attachments().get(0);
        assertThat(image.inline()).isTrue();
        assertThat(image.contentId()).isEqualTo("img1@x");
        assertThat(image.content()).containsExactly(1, 2, 3);
        assertThat(message.refusedAttachments()).containsExactly("groß.bin (2.0 MB)");
    }

    @Test
    void pathologicalNesting_isCutOffWithoutFailing() throws Exception {
        StringBuilder mail = new StringBuilder("From: n@example.org\nMIME-Version: 1.0\n");
        int depth = 200;
        for (int i = 0; i < depth; i++) {
            mail.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        mail.append("Content-Type: text/plain\n\ndeep\n");
        for (int i = depth - 1; i >= 0; i--) {
            mail.append("--b").append(i).append("--\n");
        }
        InboundMessage message = parse(mail.toString());
        assertThat(message.from().value()).isEqualTo("n@example.org");
        assertThat(message.text()).isEmpty();
    }

    @Test
    void mailWithoutSender_isRefusedWithAReason() {
        assertThatThrownBy(() -> parser.parse("Subject: who?\n\nbody".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("no sender address");
        assertThatThrownBy(() -> parser.parse(new byte[0]))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("empty");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
