package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET/PUT /api/me/preferences}: an agent's own time zone, validated with java.time, the company's when unset;
 * and the profile page, where an agent chooses it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimeZonePreferencesTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static TestHub.Response put(Object body) {
        return hub.request("PUT", "/api/me/preferences", body, Map.of());
    }

    @Test
    @Order(1)
    void unsetItIsTheCompanysZone_andFollowsTheSettings() {
        JsonNode prefs = hub.get("/api/me/preferences").json();
        assertThat(prefs.get("timeZone").isNull()).isTrue();
        assertThat(prefs.get("companyTimeZone").asText()).isEqualTo("UTC");
        assertThat(prefs.get("effectiveTimeZone").asText()).isEqualTo("UTC");

        assertThat(hub.patch("/api/settings", Map.of("timeZone", "Europe/Paris")).status()).isEqualTo(200);
        prefs = hub.get("/api/me/preferences").json();
        assertThat(prefs.get("timeZone").isNull()).isTrue();
        assertThat(prefs.get("companyTimeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(prefs.get("effectiveTimeZone").asText()).isEqualTo("Europe/Paris");
    }

    @Test
    @Order(2)
    void anAgentSetsAndClearsTheirOwn() {
        TestHub.Response set = put(Map.of("timeZone", "Asia/Tokyo"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("timeZone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(set.json().get("effectiveTimeZone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(hub.get("/api/me/preferences").json().get("timeZone").asText()).isEqualTo("Asia/Tokyo");

        Map<String, Object> clear = new HashMap<>();
        clear.put("timeZone", null);
        TestHub.Response cleared = put(clear);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("timeZone").isNull()).isTrue();
        assertThat(cleared.json().get("effectiveTimeZone").asText()).isEqualTo("Europe/Paris");

        assertThat(put(Map.of("timeZone", "America/New_York")).status()).isEqualTo(200);
        TestHub.Response absent = put(Map.of());
        assertThat(absent.json().get("timeZone").isNull()).as("absent is the company's zone").isTrue();
    }

    @Test
    @Order(3)
    void aZoneJavaDoesNotKnowIsRefusedNamingIt() {
        assertThat(put(Map.of("timeZone", "Asia/Tokyo")).status()).isEqualTo(200);
        TestHub.Response bad = put(Map.of("timeZone", "Mars/Olympus"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("error").asText()).isNotBlank();
        assertThat(bad.json().get("message").asText()).contains("'Mars/Olympus'");
        TestHub.Response notText = put(Map.of("timeZone", 5));
        assertThat(notText.status()).isEqualTo(400);
        assertThat(notText.json().get("message").asText()).contains("timeZone");
        assertThat(hub.get("/api/me/preferences").json().get("timeZone").asText()).as("unchanged").isEqualTo("Asia/Tokyo");
    }

    @Test
    @Order(4)
    void theProfilePageShowsAndSavesIt() {
        Map<String, Object> clear = new HashMap<>();
        clear.put("timeZone", null);
        put(clear);
        AdminBrowser browser = AdminBrowser.logIn(hub);
        try {
            browser.driver.get(hub.url("/profile"));
            Select zone = new Select(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("time-zone"))));
            assertThat(zone.getFirstSelectedOption().getText()).isEqualTo("The company's: Europe/Paris (default)");
            assertThat(browser.driver.findElement(By.cssSelector("#time-zone option[value='Europe/Paris']")).getText())
                    .isEqualTo("Europe/Paris (the company's)");
            assertThat(browser.driver.findElement(By.id("zone-now")).getText()).startsWith("Paris (UTC+0");
            // The sessions table is in the agent's zone too.
            assertThat(browser.driver.findElement(By.cssSelector("table.sessions tbody")).getText()).contains("Paris");

            zone.selectByValue("America/New_York");
            browser.driver.findElement(By.id("zone-save")).click();
            browser.wait.until(d -> "America/New_York".equals(hub.get("/api/me/preferences").json().get("timeZone").asText()));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("zone-now"), "New York (UTC-05:00)"));
            assertThat(new Select(browser.driver.findElement(By.id("time-zone"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("America/New_York");
            assertThat(browser.driver.findElement(By.cssSelector("table.sessions tbody")).getText()).contains("New York");
            Browser.screenshot(browser.driver, "profile-time-zone");

            new Select(browser.driver.findElement(By.id("time-zone"))).selectByValue("");
            browser.driver.findElement(By.id("zone-save")).click();
            browser.wait.until(d -> hub.get("/api/me/preferences").json().get("timeZone").isNull());
        } finally {
            browser.close();
        }
    }
}
