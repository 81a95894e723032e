package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An SLA warning and then the breach notice pop up as toasts on the page the assignee has open, with a link. */
class SlaNoticeBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
            hours.put(day, List.of(List.of("00:00", "24:00")));
        }
        long calendarId = hub.post("/api/calendars", Map.of("name", "Always", "timeZone", "UTC", "hours", hours))
                .json().get("id").asLong();
        hub.database.jdbi().useHandle(handle -> handle.execute(
                "insert into sla_defaults (calendar_id, response_seconds, resolution_seconds) values (?, 3600, 28800)",
                calendarId));
        browser = AdminBrowser.logIn(hub);
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        hub.close();
    }

    private static void shot(String name) throws Exception {
        Path saved = Browser.screenshot(driver, "sla-notice-" + name);
        Path shots = Path.of("/work/shots");
        if (Files.isDirectory(shots)) {
            Files.copy(saved, shots.resolve("sla-notice-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static WebElement toastContaining(String text) {
        return wait.until(d -> d.findElements(By.cssSelector("#toasts .toast")).stream()
                .filter(t -> t.getText().contains(text)).findFirst().orElse(null));
    }

    @Test
    void theAssignee_seesTheWarningThenTheBreach_asToastsLinkingToTheTicket() throws Exception {
        long admin = hub.database.jdbi().withHandle(handle -> handle.createQuery(
                "select id from agent where email = :email").bind("email", TestHub.ADMIN_EMAIL).mapTo(Long.class).one());
        long ticketId = hub.inbound("browser-sla", "Wanda Waiting", "wanda@example.com", "Our printer is on fire")
                .json().get("ticketId").asLong();
        assertThat(hub.patch("/api/tickets/" + ticketId, Map.of("assignee", admin)).status()).isEqualTo(200);

        driver.get(hub.url("/"));
        wait.until(d -> d.findElement(By.id("live-dot")).getAttribute("class").contains("on"));

        hub.clock.advance(Duration.ofMinutes(40));
        assertThat(hub.app.slaWarnings().runToEnd()).isEqualTo(1);
        WebElement warning = toastContaining("response due in 20 min");
        assertThat(warning.getText()).contains("'Our printer is on fire'");
        assertThat(warning.getAttribute("role")).isEqualTo("status");
        assertThat(warning.findElement(By.tagName("a")).getAttribute("href")).endsWith("/tickets/" + ticketId);
        shot("warning");

        hub.clock.advance(Duration.ofMinutes(21));
        assertThat(hub.app.slaWarnings().runToEnd()).isEqualTo(1);
        WebElement breach = toastContaining("response overdue since");
        assertThat(breach.getAttribute("role")).as("a breach is announced at once").isEqualTo("alert");
        shot("breach");
    }
}
