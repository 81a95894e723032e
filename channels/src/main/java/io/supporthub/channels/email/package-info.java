/**
 * The email channel: a support mailbox read by IMAP, replies sent by SMTP.
 *
 * <h2>Inbound</h2>
 * {@link io.supporthub.channels.email.ImapPoller} reads {@code MAIL_IMAP_URL} (see {@link
 * io.supporthub.channels.email.ImapSettings}): after an import that took mail it looks again at once, and waits
 * between looks in IDLE when the server offers it, never longer than {@code MAIL_POLL_SECONDS}. It tracks UIDVALIDITY + UID through a {@link io.supporthub.channels.email.MailboxCursorStore} and
 * hands each small batch of mails to the {@link io.supporthub.channels.FetchedPayloadSink}, each as its RFC 822
 * source with its events, or with the reason it cannot be parsed (the hub keeps that one aside, whole); only after the
 * batch is committed does the cursor move and the mails get flagged \Seen. \Seen is never used to find new mail.
 *
 * <p>{@link io.supporthub.channels.email.MailParser} makes one {@link io.supporthub.channels.InboundMessage} per mail:
 * {@code externalId} = Message-ID without brackets, or {@code sha256:<hex of the raw mail>}; {@code text} = the reply
 * without quoted history and signature ({@link io.supporthub.channels.email.ReplyExtractor}); {@code html} = the whole
 * original, sanitised, or the whole plain text as escaped {@code <pre>}; {@code threadHint} = the subject marker
 * {@code [#1234]} ({@link io.supporthub.channels.email.SubjectMarker}) and In-Reply-To then References;
 * {@code automated} for auto-replies, bounces and list mail; {@code from} = the one address of From (in its angle
 * brackets, or bare; never anything read from a display name), else of Sender, else of Reply-To, else the mail is
 * refused ({@link io.supporthub.channels.email.MailboxHeader}); {@code senderAuthentication} = SPF, DKIM and DMARC
 * results of the topmost {@code Authentication-Results} header, the receiving server's. A bounce adds a FAILED
 * {@link io.supporthub.channels.DeliveryUpdate} whose {@code providerId} is the Message-ID of our mail.
 *
 * <h2>Outbound</h2>
 * {@link io.supporthub.channels.email.SmtpSender} sends through {@code MAIL_SMTP_URL} (see {@link
 * io.supporthub.channels.email.SmtpSettings}) as {@code MAIL_FROM}; the provider id it returns is our Message-ID.
 */
package io.supporthub.channels.email;
