package io.supporthub.hub.ui;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    @Test
    void anInstantFirstResponse_readsAsADuration_notAsNow() {
        assertThat(Format.took(Duration.ZERO)).isEqualTo("under 1s");
        assertThat(Format.took(Duration.ofSeconds(75))).isEqualTo("1m");
        assertThat(Format.span(Duration.ZERO)).isEqualTo("now");
    }

    @Test
    void timesAreInTheViewersZone_whichTheyName() {
        Instant at = Instant.parse("2026-12-03T08:00:00Z");
        assertThat(Format.dayTime(at, ZoneId.of("Europe/Paris"))).isEqualTo("3 Dec 09:00 Paris");
        assertThat(Format.dayTime(at, ZoneId.of("Asia/Tokyo"))).isEqualTo("3 Dec 17:00 Tokyo");
        assertThat(Format.dayTime(at, ZoneId.of("America/New_York"))).isEqualTo("3 Dec 03:00 New York");
        assertThat(Format.dayTime(at, ZoneOffset.UTC)).isEqualTo("3 Dec 08:00 UTC");
        assertThat(Format.dayTime(at, ZoneId.of("Etc/UTC"))).isEqualTo("3 Dec 08:00 UTC");
        assertThat(Format.dayTime(at, ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo("3 Dec 13:30 +05:30");
        assertThat(Format.dayTime(null, ZoneOffset.UTC)).isEmpty();
        assertThat(Format.inputValue(at, ZoneId.of("Asia/Tokyo"))).isEqualTo("2026-12-03T17:00");
        assertThat(Format.zoneLabel(ZoneId.of("Europe/Paris"), at)).isEqualTo("Paris (UTC+01:00)");
        assertThat(Format.zoneLabel(ZoneId.of("Europe/Paris"), Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo("Paris (UTC+02:00)");
        assertThat(Format.zoneLabel(ZoneOffset.UTC, at)).isEqualTo("UTC");
    }
}
