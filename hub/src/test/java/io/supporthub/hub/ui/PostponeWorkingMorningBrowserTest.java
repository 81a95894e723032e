package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a default calendar, the postpone picker's quick choices are its next working mornings (in the calendar's zone),
 * labelled in the agent's: Monday 2 Nov 2026 10:00 in Paris, an office open Mon-Fri 09:00-18:00 there, an agent in
 * New York.
 */
class PostponeWorkingMorningBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub(); // the clock: Monday 2026-11-02T09:00:00Z
        hub.logIn();
        List<List<String>> day = List.of(List.of("09:00", "18:00"));
        assertThat(hub.post("/api/calendars", Map.of("name", "Paris office", "timeZone", "Europe/Paris", "default", true,
                "hours", Map.of("mon", day, "tue", day, "wed", day, "thu", day, "fri", day), "exceptions", List.of()))
                .status()).isEqualTo(201);
        assertThat(hub.request("PUT", "/api/me/preferences", Map.of("timeZone", "America/New_York"), Map.of()).status())
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

    @Test
    void nextWorkingMorning_isTheCalendarsNextOpening() {
        long ticketId = hub.inbound("postpone-working", "Paul Bureau", "paul@example.com", "Call me in office hours")
                .json().get("ticketId").asLong();
        driver.get(hub.url("/tickets/" + ticketId));
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("status-select")))).selectByValue("postponed");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("postpone-until")));
        assertThat(driver.findElements(By.cssSelector("#until-wrap button.postpone-quick"))).extracting(WebElement::getText)
                .containsExactly("in 1 hour", "next working morning (Tue 03:00)", "in 2 working days (Wed 03:00)");
        Browser.screenshot(driver, "postpone-working-morning");

        driver.findElement(By.cssSelector("button.postpone-quick[data-quick='working-morning']")).click();
        // Tuesday 3 November 09:00 in Paris.
        wait.until(d -> hub.get("/api/tickets/" + ticketId).json().path("postponedUntil").asText("")
                .equals("2026-11-03T08:00:00Z"));
        // the page reads the ticket again and redraws the picker, New York time in the input
        wait.until(ExpectedConditions.attributeToBe(By.id("postpone-until"), "value", "2026-11-03T03:00"));
        wait.until(d -> {
            try {
                d.findElement(By.cssSelector("button.postpone-quick[data-quick='working-days-2']")).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        wait.until(d -> hub.get("/api/tickets/" + ticketId).json().path("postponedUntil").asText("")
                .equals("2026-11-04T08:00:00Z"));
    }
}
