package io.supporthub.hub.sla;

import java.util.Locale;

/** The four notices of a ticket's SLA, as {@code sla_notice.kind} stores them. */
public enum SlaNoticeKind {
    RESPONSE_WARNING, RESPONSE_BREACH, RESOLUTION_WARNING, RESOLUTION_BREACH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean warning() {
        return this == RESPONSE_WARNING || this == RESOLUTION_WARNING;
    }

    /** "response" or "resolution". */
    String what() {
        return this == RESPONSE_WARNING || this == RESPONSE_BREACH ? "response" : "resolution";
    }
}
