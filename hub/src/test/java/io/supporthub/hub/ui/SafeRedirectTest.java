package io.supporthub.hub.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeRedirectTest {

    /** Each of these, as a browser reads it, leaves the hub (or is not a path at all). */
    @ParameterizedTest
    @ValueSource(strings = {
            "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example",
            "/\n/evil.example", "/\r\n/evil.example", "/%09/evil.example", "/%0a/evil.example", "/%0D%0A/evil.example",
            "/%2F/evil.example", "/%2f%2fevil.example", "%2F%2Fevil.example", "/%5Cevil.example", "/%5cevil.example",
            "/%252F%252Fevil.example", "/%25252F/evil.example", "/tickets\\..\\\\evil.example", "/%00/evil.example",
            "https://evil.example", "http:/evil.example", "javascript:alert(1)", "evil.example", " /", "", "/%", "/%zz",
            "/\u2028/evil.example"})
    void a_value_that_is_not_a_path_on_this_hub_sends_to_the_inbox(String next) {
        assertThat(SafeRedirect.target(next)).as(next).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/tickets/42", "/?view=pending&q=parcel", "/admin/agents", "/?q=a%2Fb",
            "/?q=hello world", "/tickets/42#reply"})
    void a_path_on_this_hub_is_kept_as_it_is(String next) {
        assertThat(SafeRedirect.target(next)).isEqualTo(next);
    }

    @org.junit.jupiter.api.Test
    void no_next_sends_to_the_inbox() {
        assertThat(SafeRedirect.target(null)).isEqualTo("/");
    }
}
