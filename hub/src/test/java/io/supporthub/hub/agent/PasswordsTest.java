package io.supporthub.hub.agent;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    @Test
    void aHashNamesItsScheme_andVerifiesOnlyItsPassword() {
        String hash = Passwords.hash("plain old phrase");
        assertThat(hash).startsWith("bcrypt-sha256:$2a$");
        assertThat(Passwords.matches("plain old phrase", hash)).isTrue();
        assertThat(Passwords.matches("plain old phrase!", hash)).isFalse();
        assertThat(Passwords.needsRehash(hash)).isFalse();
    }

    @Test
    void hashesFromBeforeSchemes_stillVerify_andAskToBeRehashed() {
        String legacy = BCrypt.withDefaults().hashToString(11, "from last year".toCharArray());
        assertThat(Passwords.matches("from last year", legacy)).isTrue();
        assertThat(Passwords.matches("from last yeah", legacy)).isFalse();
        assertThat(Passwords.needsRehash(legacy)).isTrue();
        assertThat(Passwords.matches("x".repeat(200), legacy)).as("a long password against an old hash: no exception").isFalse();
    }

    @Test
    void passwordsPastBcrypts72Bytes_differInEveryByte() {
        String base = "a".repeat(100);
        String hash = Passwords.hash(base + "1");
        assertThat(Passwords.matches(base + "1", hash)).isTrue();
        assertThat(Passwords.matches(base + "2", hash)).isFalse();
    }

    @Test
    void anUnknownSchemeNeverMatches() {
        assertThat(Passwords.matches("anything at all", "md5:0cc175b9c0f1b6a831c399e269772661")).isFalse();
    }

    @Test
    void theCostIsElevenUnlessAValidOneIsConfigured() {
        assertThat(Passwords.cost(null)).isEqualTo(11);
        assertThat(Passwords.cost(" 4 ")).isEqualTo(4);
        assertThat(Passwords.cost("3")).as("below bcrypt's least").isEqualTo(11);
        assertThat(Passwords.cost("32")).isEqualTo(11);
        assertThat(Passwords.cost("fast")).isEqualTo(11);
    }
}
