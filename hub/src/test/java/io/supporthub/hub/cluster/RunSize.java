package io.supporthub.hub.cluster;

import java.time.Duration;

/**
 * How big a two-node run is. The test command runs the small one; the benchmark of the README sets
 * {@code -Dcluster.messages=4000 -Dcluster.replies=300 -Dcluster.smsReplies=200}.
 */
record RunSize(int messages, int replies, int smsReplies, int postponed, int resolved, Duration load) {

    static RunSize fromSystemProperties() {
        int messages = Integer.getInteger("cluster.messages", 300);
        return new RunSize(messages,
                Integer.getInteger("cluster.replies", 40),
                Integer.getInteger("cluster.smsReplies", 10),
                Integer.getInteger("cluster.postponed", 8),
                Integer.getInteger("cluster.resolved", 8),
                // About 15 messages a second, never less than 16 s, so the kill lands in the middle of real work.
                Duration.ofSeconds(Math.max(16, messages / 15)));
    }
}
