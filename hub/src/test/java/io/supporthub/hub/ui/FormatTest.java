package io.supporthub.hub.ui;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    @Test
    void anInstantFirstResponse_readsAsADuration_notAsNow() {
        assertThat(Format.took(Duration.ZERO)).isEqualTo("under 1s");
        assertThat(Format.took(Duration.ofSeconds(75))).isEqualTo("1m");
        assertThat(Format.span(Duration.ZERO)).isEqualTo("now");
    }
}
