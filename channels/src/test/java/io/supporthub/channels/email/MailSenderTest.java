package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderAuthentication;
import io.supporthub.channels.UnprocessablePayloadException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Who a mail is from: only the address in the angle brackets or the bare address, and what the server checked. */
class MailSenderTest {

    private final MailParser parser = new MailParser(1024 * 1024);

    private InboundMessage parse(String headers) throws Exception {
        return (InboundMessage) parser.parse((headers + "Subject: hi\n\nbody\n").getBytes(StandardCharsets.UTF_8)).get(0);
    }

    @Test
    void encodedDisplayNameCarryingAHeaderAndAnAddress_neverBecomesTheSender() throws Exception {
        InboundMessage message = parse("From: =?UTF-8?Q?Eve=0D=0ABcc:_evil@evil.example?= <eve@example.org>\n");
        assertThat(message.from().value()).isEqualTo("eve@example.org");
        assertThat(message.sender().name()).isEqualTo("Eve Bcc: evil@evil.example").doesNotContain("\r", "\n");
    }

    @Test
    void displayNamesThatLookLikeAddresses_leaveTheBracketedAddress() throws Exception {
        assertThat(parse("From: \"evil@evil.example\" <eve@example.org>\n").from().value()).isEqualTo("eve@example.org");
        assertThat(parse("From: evil@evil.example <eve@example.org>\n").from().value()).isEqualTo("eve@example.org");
        assertThat(parse("From: \"Eve <evil@evil.example>\" <eve@example.org>\n").from().value()).isEqualTo("eve@example.org");
        assertThat(parse("From: =?UTF-8?B?PGV2aWxAZXZpbC5leGFtcGxlPg==?= <eve@example.org>\n").from().value())
                .isEqualTo("eve@example.org");
    }

    @Test
    void bareAddressesCommentsAndUnquotedCommas_areRead() throws Exception {
        InboundMessage bare = parse("From: eve@example.org (Eve Example)\n");
        assertThat(bare.from().value()).isEqualTo("eve@example.org");
        assertThat(bare.sender().name()).isEqualTo("Eve Example");
        InboundMessage comma = parse("From: Example, Eve <eve@example.org>\n");
        assertThat(comma.from().value()).isEqualTo("eve@example.org");
        assertThat(parse("From: Eve <@relay.example:eve@example.org>\n").from().value()).isEqualTo("eve@example.org");
    }

    @Test
    void fromNamingSeveralOrNoReadableAddress_fallsBackToSenderThenReplyTo() throws Exception {
        assertThat(parse("From: a@example.org, b@example.org\nSender: s@example.org\n").from().value())
                .isEqualTo("s@example.org");
        assertThat(parse("From: a@example.org\nFrom: b@example.org\nReply-To: r@example.org\n").from().value())
                .isEqualTo("r@example.org");
        assertThat(parse("From: Eve <eve@example.org\nReply-To: r@example.org\n").from().value())
                .isEqualTo("r@example.org");
        assertThat(parse("From: =?UTF-8?Q?Eve=0D=0ABcc:_evil@evil.example?=\nReply-To: r@example.org\n").from().value())
                .as("an address only inside an encoded word is none").isEqualTo("r@example.org");
    }

    @Test
    void noHeaderNamingExactlyOneAddress_isRefused() {
        assertThatThrownBy(() -> parse("From: =?UTF-8?Q?Eve=0D=0ABcc:_evil@evil.example?=\n"))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("no sender address");
        assertThatThrownBy(() -> parse("From: a@example.org, b@example.org\n"))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("exactly one address");
    }

    @Test
    void topmostAuthenticationResults_areRecordedWithTheirFailures() throws Exception {
        InboundMessage message = parse("""
                Authentication-Results: mx.example.net;
                 spf=softfail (domain of transitioning eve@example.org does not designate 192.0.2.1) smtp.mailfrom=eve@example.org;
                 dkim=fail header.d=example.org; dkim=pass header.d=relay.example;
                 dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=example.org
                Authentication-Results: forged.example; spf=pass; dkim=pass; dmarc=pass
                From: Eve <eve@example.org>
                """);
        SenderAuthentication auth = message.senderAuthentication();
        assertThat(auth).isEqualTo(new SenderAuthentication("mx.example.net", "softfail", "pass", "fail"));
        assertThat(auth.failures()).containsExactly("SPF softfail", "DMARC fail");
    }

    @Test
    void passingOrMissingAuthenticationResults_warnOfNothing() throws Exception {
        InboundMessage passed = parse("Authentication-Results: mx.google.com; dkim=pass header.i=@example.org; "
                + "spf=pass smtp.mailfrom=eve@example.org; dmarc=pass (p=NONE) header.from=example.org\n"
                + "From: eve@example.org\n");
        assertThat(passed.senderAuthentication().failures()).isEmpty();
        assertThat(passed.senderAuthentication().spf()).isEqualTo("pass");
        assertThat(parse("From: eve@example.org\n").senderAuthentication()).isNull();
        assertThat(parse("Authentication-Results: mx.example.net; none\nFrom: eve@example.org\n").senderAuthentication())
                .isNull();
    }
}
