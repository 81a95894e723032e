package io.supporthub.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the receiving mail server found when it checked who sent a mail (its {@code Authentication-Results} header,
 * RFC 8601): each result as the server wrote it ({@code pass}, {@code fail}, {@code softfail}, {@code none}, ...),
 * null when it did not check that method.
 *
 * @param server the server's authserv-id, e.g. {@code mx.example.net}, null when it gave none
 * @param spf    the SPF result for the envelope sender
 * @param dkim   the DKIM result: {@code pass} when any signature passed, else the first result given
 * @param dmarc  the DMARC result for the From domain
 */
public record SenderAuthentication(String server, String spf, String dkim, String dmarc) {

    public SenderAuthentication {
        spf = lower(spf);
        dkim = lower(dkim);
        dmarc = lower(dmarc);
    }

    /** The checks that failed, named for a person ("SPF softfail", "DMARC fail"); empty when none did. */
    public List<String> failures() {
        List<String> failed = new ArrayList<>();
        if ("fail".equals(spf) || "softfail".equals(spf)) {
            failed.add("SPF " + spf);
        }
        if ("fail".equals(dkim)) {
            failed.add("DKIM fail");
        }
        if ("fail".equals(dmarc)) {
            failed.add("DMARC fail");
        }
        return failed;
    }

    private static String lower(String result) {
        return result == null ? null : result.toLowerCase(Locale.ROOT);
    }
}
