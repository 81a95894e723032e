package io.supporthub.hub.sla;

/**
 * The account's SLA when no rule matches: a calendar (null: the default calendar at the time of use) and standards in
 * working seconds (null: none). With neither standard there are no defaults.
 */
public record SlaDefaults(Long calendarId, Integer responseSeconds, Integer resolutionSeconds) {

    public static final SlaDefaults NONE = new SlaDefaults(null, null, null);

    public boolean givesStandard() {
        return responseSeconds != null || resolutionSeconds != null;
    }
}
