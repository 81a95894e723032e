package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postpone picker takes wall-clock time in the agent's zone, which it names, and offers quick choices; the
 * ticket keeps the UTC instant.
 */
class PostponeBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub(); // the clock: Monday 2026-11-02T09:00:00Z, 10:00 in Paris (CET, +01:00)
        hub.logIn();
        assertThat(hub.request("PUT", "/api/me/preferences", Map.of("timeZone", "Europe/Paris"), Map.of()).status())
                .isEqualTo(200);
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

    private static String postponedUntil(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().path("postponedUntil").asText("");
    }

    @Test
    void tomorrowAtNineIsNineInTheAgentsZone() {
        long ticketId = hub.inbound("postpone-1", "Pierre Martin", "pierre@example.com", "Call me back tomorrow morning")
                .json().get("ticketId").asLong();
        driver.get(hub.url("/tickets/" + ticketId));
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("status-select")))).selectByValue("postponed");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("postpone-until")));
        assertThat(driver.findElement(By.id("postpone-zone")).getText()).isEqualTo("Paris (UTC+01:00)");
        assertThat(driver.findElements(By.cssSelector("#until-wrap button.postpone-quick")))
                .extracting(org.openqa.selenium.WebElement::getText)
                .containsExactly("in 1 hour", "tomorrow 09:00", "Monday 09:00");
        Browser.screenshot(driver, "postpone-picker");

        driver.findElement(By.cssSelector("button.postpone-quick[data-quick='tomorrow']")).click();
        // Tuesday 3 November 09:00 in Paris is 08:00 UTC.
        wait.until(d -> postponedUntil(ticketId).equals("2026-11-03T08:00:00Z"));
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("status").asText()).isEqualTo("postponed");
        wait.until(ExpectedConditions.attributeToBe(By.id("postpone-until"), "value", "2026-11-03T09:00"));
        Browser.screenshot(driver, "postpone-tomorrow");

        // A time typed in the picker is Paris time too: Monday 9 November 09:00 CET.
        driver.findElement(By.cssSelector("button.postpone-quick[data-quick='monday']")).click();
        wait.until(d -> postponedUntil(ticketId).equals("2026-11-09T08:00:00Z"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const f = document.getElementById('postpone-until'); f.value = arguments[0];"
                        + "f.dispatchEvent(new Event('change', { bubbles: true }));", "2026-11-20T17:30");
        wait.until(d -> postponedUntil(ticketId).equals("2026-11-20T16:30:00Z"));
    }
}
