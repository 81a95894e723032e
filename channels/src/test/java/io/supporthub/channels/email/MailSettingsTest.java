package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void smtpUrl_withStartTls_isParsed() {
        SmtpSettings s = SmtpSettings.parse("smtp://user%40example.com:p%40ss@mail.example.com:587?starttls=true");
        assertThat(s.ssl()).isFalse();
        assertThat(s.host()).isEqualTo("mail.example.com");
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.username()).isEqualTo("user@example.com");
        assertThat(s.password()).isEqualTo("p@ss");
        assertThat(s.startTls()).isTrue();
        assertThat(s.toString()).doesNotContain("p@ss");
    }

    @Test
    void smtpsUrl_defaultsToPort465() {
        SmtpSettings s = SmtpSettings.parse("smtps://u:p@mail.example.com");
        assertThat(s.ssl()).isTrue();
        assertThat(s.port()).isEqualTo(465);
    }

    @Test
    void badSmtpUrls_giveClearErrors() {
        assertThatThrownBy(() -> SmtpSettings.parse("http://mail.example.com")).hasMessageContaining("smtp");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://u:p@")).hasMessageContaining("no host");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://u@host")).hasMessageContaining("no password");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://u:p@host?starttls=maybe")).hasMessageContaining("starttls");
        assertThatThrownBy(() -> SmtpSettings.parse("")).hasMessageContaining("MAIL_SMTP_URL is empty");
    }

    @Test
    void imapUrl_isParsedWithFolderAndDefaults() {
        ImapSettings s = ImapSettings.parse("imaps://user:secret@imap.example.com/Support");
        assertThat(s.ssl()).isTrue();
        assertThat(s.port()).isEqualTo(993);
        assertThat(s.folder()).isEqualTo("Support");
        assertThat(ImapSettings.parse("imap://u:p@h").folder()).isEqualTo("INBOX");
        assertThat(ImapSettings.parse("imap://u:p@h").port()).isEqualTo(143);
        assertThat(s.toString()).doesNotContain("secret");
    }

    @Test
    void badImapUrls_giveClearErrors() {
        assertThatThrownBy(() -> ImapSettings.parse("pop3://u:p@h")).hasMessageContaining("imap");
        assertThatThrownBy(() -> ImapSettings.parse("imaps://imap.example.com/INBOX")).hasMessageContaining("user and password");
    }

    @Test
    void badMailFrom_isRefusedClearly() {
        SmtpSettings settings = SmtpSettings.parse("smtp://localhost:25");
        assertThatThrownBy(() -> new SmtpSender(settings, "not an address", null)).hasMessageContaining("MAIL_FROM");
    }

    @Test
    void subjectMarker_isFoundAndAddedOnce() {
        assertThat(SubjectMarker.ticketNumber("AW: Re: Drucker [#1234] kaputt")).isEqualTo(1234L);
        assertThat(SubjectMarker.ticketNumber("Order #1234")).isNull();
        assertThat(SubjectMarker.outgoing("Drucker", 7L, true)).isEqualTo("Re: Drucker [#7]");
        assertThat(SubjectMarker.outgoing("AW: Drucker [#7]", 7L, true)).isEqualTo("AW: Drucker [#7]");
        assertThat(SubjectMarker.outgoing(null, 7L, false)).isEqualTo("[#7]");
    }
}
