package io.supporthub.channels;

import java.util.List;

/**
 * Provider data that points at an earlier conversation.
 *
 * @param ticketNumber a ticket number quoted by the customer (the email subject marker), or null
 * @param replyToIds   provider ids this message answers (email In-Reply-To then References)
 */
public record ThreadHint(Long ticketNumber, List<String> replyToIds) {

    public static final ThreadHint NONE = new ThreadHint(null, List.of());

    public ThreadHint {
        replyToIds = replyToIds == null ? List.of() : List.copyOf(replyToIds);
    }
}
