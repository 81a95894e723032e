package io.supporthub.templates.canned;

import java.util.List;

/**
 * A group of default canned replies for one situation.
 *
 * @param key      a stable name shared by all languages ({@code greeting}, {@code refunds} ...), for idempotent seeding
 * @param position 1-based order of the group
 * @param name     the group's name in its language
 */
public record CannedReplyGroup(String key, int position, String name, List<CannedReply> replies) {
    public CannedReplyGroup {
        replies = List.copyOf(replies);
    }
}
