package io.supporthub.hub.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {

    @Test
    void databasePool_defaultsToTwiceTheCoresPlusTwo() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(new Config(Map.of()).databasePoolSize()).isEqualTo(2 * cores + 2);
        assertThat(new Config(Map.of("DB_POOL_SIZE", "12")).databasePoolSize()).isEqualTo(12);
    }

    @Test
    void databasePool_refusesNonsense_byName() {
        assertThatThrownBy(() -> new Config(Map.of("DB_POOL_SIZE", "0")).databasePoolSize())
                .hasMessageContaining("DB_POOL_SIZE must be positive");
        assertThatThrownBy(() -> new Config(Map.of("DB_POOL_SIZE", "many")).databasePoolSize())
                .hasMessageContaining("DB_POOL_SIZE must be a whole number");
    }

    @Test
    void botWait_isTenMinutesUnlessSet() {
        assertThat(new Config(Map.of()).botWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(new Config(Map.of("BOT_WAIT_MINUTES", "3")).botWait()).isEqualTo(Duration.ofMinutes(3));
        assertThatThrownBy(() -> new Config(Map.of("BOT_WAIT_MINUTES", "0")).botWait())
                .hasMessageContaining("BOT_WAIT_MINUTES must be positive");
    }

    @Test
    void trustedProxies_areCidrsSeparatedByCommasOrSpaces_andNoneByDefault() {
        assertThat(new Config(Map.of()).trustedProxies()).isEmpty();
        assertThat(new Config(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.4  fd00::/8")).trustedProxies())
                .containsExactly("10.0.0.0/8", "192.168.1.4", "fd00::/8");
    }

    @Test
    void sessionIdle_isTwelveHoursUnlessSet() {
        assertThat(new Config(Map.of()).sessionIdle()).isEqualTo(Duration.ofMinutes(720));
        assertThat(new Config(Map.of("SESSION_IDLE_MINUTES", "45")).sessionIdle()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void theBotNamesTheCompanyOnlyWhenOneIsSet() {
        assertThat(new Config(Map.of()).companyNameIfSet()).isNull();
        assertThat(new Config(Map.of()).companyName()).isEqualTo("Support");
        assertThat(new Config(Map.of("COMPANY_NAME", " Acme ")).companyNameIfSet()).isEqualTo("Acme");
    }
}
