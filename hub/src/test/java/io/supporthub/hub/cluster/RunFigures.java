package io.supporthub.hub.cluster;

import java.util.Locale;

/** What a two-node run reports (the README's benchmark prints it). */
record RunFigures(int messages, int redeliveries, int replies, int smsReplies, int kills, int killExitCode,
                  int inboundLost, int inboundDuplicated, int outboundSent, int outboundExtra, int inFlightAtKill,
                  int emailDuplicatesByMessageId, int connectionErrors, int serverErrors, int postponedWoken,
                  long mailboxTakeoverSeconds, long seconds) {

    String describe() {
        return String.format(Locale.ROOT, """
                two nodes, one killed: %d customer messages (+%d redelivered), %d agent replies (%d by SMS), %d kill(s) \
                (exit %d = SIGKILL)
                  inbound: lost %d, duplicated %d
                  outbound: %d sent, %d extra sends (in flight at the kill: %d; email duplicates by Message-ID: %d)
                  failed posts retried on the other node: %d connection errors, %d server errors
                  postponed tickets woken once: %d; mailbox import taken over %d s after the kill; run took %d s""",
                messages, redeliveries, replies, smsReplies, kills, killExitCode, inboundLost, inboundDuplicated,
                outboundSent, outboundExtra, inFlightAtKill, emailDuplicatesByMessageId, connectionErrors, serverErrors,
                postponedWoken, mailboxTakeoverSeconds, seconds);
    }
}
