/**
 * The email channel in the hub, on when {@code MAIL_IMAP_URL}, {@code MAIL_SMTP_URL} and {@code MAIL_FROM} are set
 * ({@link io.supporthub.hub.email.EmailSettings}).
 *
 * <h2>In</h2>
 * One node at a time polls the mailbox ({@link io.supporthub.hub.email.MailboxImporter} under an
 * {@link io.supporthub.hub.db.AdvisoryLock}); each batch of mails and the mailbox cursor commit in one transaction
 * ({@link io.supporthub.hub.email.DatabaseCursorStore}), so a failure leaves the mails for the next poll and nothing is
 * imported twice. {@link io.supporthub.hub.email.EmailInbound} sends bounces of our mails to their delivery state,
 * agents' mails on tickets to the customer as their replies ({@link io.supporthub.hub.email.AgentMailReply}), and the
 * rest through the inbox's threading, answering once when attachments were too large
 * ({@link io.supporthub.hub.email.RefusedAttachmentsReply}).
 *
 * <h2>Out</h2>
 * Replies leave through the outbox and {@code SmtpSender}; {@link io.supporthub.hub.email.ReplyComposer} sets
 * In-Reply-To / References and wraps agents' words in the AGENT_REPLY template. Our Message-ID is stored as the
 * message's external id, which threads the customer's answer and lets a bounce mark the message failed. Agents hear
 * of assignments and mentions by mail ({@link io.supporthub.hub.email.AgentNotifier},
 * {@link io.supporthub.hub.email.AgentMailOutbox}).
 */
package io.supporthub.hub.email;
