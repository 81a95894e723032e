package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's SLA due times in headless Chromium: the words on each row and their style, the due-time order, and the
 * views Overdue and Due today with their counts. SLA columns are set in SQL; the company's zone is UTC, now 09:05.
 */
class SlaInboxBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;
    static long overdue;
    static long soon;
    static long tomorrow;
    static long paused;
    static long none;
    static long calendar;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        calendar = hub.post("/api/calendars", Map.of("name", "Office", "timeZone", "UTC", "default", true,
                "hours", Map.of("mon", List.of(List.of("09:00", "18:00"))))).json().get("id").asLong();
        // the moment the page is looked at, after the tickets arrived: 09:05
        Instant now = hub.clock.instant().plus(Duration.ofMinutes(5));
        tomorrow = ticket("due-tomorrow", "Tom Tomorrow", now.plus(Duration.ofHours(22).plusMinutes(25)), false);
        overdue = ticket("due-overdue", "Olga Overdue", now.minus(Duration.ofMinutes(130)), false);
        none = ticket("due-none", "Nina None", null, false);
        soon = ticket("due-soon", "Sam Soon", now.plus(Duration.ofMinutes(20)), false);
        paused = ticket("due-paused", "Paula Paused", null, true);
        hub.clock.set(now);
        browser = AdminBrowser.logIn(hub);
        driver = browser.driver;
        wait = browser.wait;
    }

    private static long ticket(String externalId, String name, Instant dueAt, boolean pausedSla) {
        hub.clock.advance(Duration.ofSeconds(30));
        long id = hub.inbound(externalId, name, externalId + "@example.com", "A question from " + name).json()
                .get("ticketId").asLong();
        hub.app.database().jdbi().useHandle(handle -> handle.execute(
                "update ticket set sla_due_at = ?, sla_paused = ?, sla_calendar_id = ? where id = ?",
                dueAt == null ? null : Timestamp.from(dueAt), pausedSla,
                dueAt == null && !pausedSla ? null : calendar, id));
        return id;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        hub.close();
    }

    private static List<String> shownTickets() {
        return driver.findElements(By.cssSelector("#rows .row")).stream().map(r -> r.getAttribute("data-ticket")).toList();
    }

    private static WebElement due(long ticket) {
        return driver.findElement(By.cssSelector(".row[data-ticket='" + ticket + "'] .due"));
    }

    @Test
    void rows_sayTheDueTimeInWords_sortByIt_andTheViewsHoldTheirTickets() {
        driver.get(hub.url("/?view=open"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rows")));
        assertThat(due(overdue).getText()).isEqualTo("overdue 2 h");
        assertThat(due(overdue).getAttribute("class")).contains("due-overdue");
        assertThat(due(overdue).getCssValue("color")).isEqualTo("rgba(197, 48, 48, 1)");
        assertThat(due(soon).getText()).isEqualTo("in 20 min");
        assertThat(due(soon).getAttribute("class")).contains("due-warn");
        assertThat(due(tomorrow).getText()).isEqualTo("due 07:30 tomorrow");
        assertThat(due(tomorrow).getAttribute("title")).startsWith("SLA due 3 Nov 07:30");
        assertThat(due(paused).getText()).isEqualTo("paused");
        assertThat(driver.findElements(By.cssSelector(".row[data-ticket='" + none + "'] .due"))).isEmpty();
        assertThat(shownTickets()).containsExactly(String.valueOf(paused), String.valueOf(soon), String.valueOf(none),
                String.valueOf(overdue), String.valueOf(tomorrow));
        Browser.screenshot(driver, "inbox-due-times");

        driver.findElement(By.id("sort-due")).click();
        wait.until(ExpectedConditions.urlContains("sort=due"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sort-recent")));
        // nearest first, then the tickets without a due time in the usual order
        assertThat(shownTickets()).containsExactly(String.valueOf(overdue), String.valueOf(soon), String.valueOf(tomorrow),
                String.valueOf(paused), String.valueOf(none));
        Browser.screenshot(driver, "inbox-sort-due");

        assertThat(driver.findElement(By.cssSelector("[data-count='overdue']")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector("[data-count='due_today']")).getText()).isEqualTo("2");
        driver.findElement(By.cssSelector("a[data-view='overdue']")).click();
        wait.until(ExpectedConditions.urlContains("view=overdue"));
        assertThat(shownTickets()).containsExactly(String.valueOf(overdue));
        assertThat(driver.findElements(By.id("sort-order"))).isEmpty();
        Browser.screenshot(driver, "inbox-view-overdue");

        driver.findElement(By.cssSelector("a[data-view='due_today']")).click();
        wait.until(ExpectedConditions.urlContains("view=due_today"));
        assertThat(shownTickets()).containsExactly(String.valueOf(overdue), String.valueOf(soon));
        Browser.screenshot(driver, "inbox-view-due-today");
    }

    @Test
    void theWarningWindow_isSetOnTheSettingsPage_andTheInboxFollowsIt() {
        try {
            driver.get(hub.url("/admin/settings"));
            WebElement minutes = wait.until(ExpectedConditions.elementToBeClickable(By.id("warn-before-minutes")));
            assertThat(minutes.getAttribute("value")).isEqualTo("30");
            minutes.clear();
            minutes.sendKeys("10");
            driver.findElement(By.cssSelector("#sla-settings-form button[type=submit]")).click();
            wait.until(d -> hub.get("/api/sla/settings").json().get("warnBeforeMinutes").asInt() == 10);
            Browser.screenshot(driver, "admin-settings-sla-warnings");
            driver.get(hub.url("/?view=open"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rows")));
            // 20 minutes ahead is outside a 10-minute window: no longer marked close, still said in words
            assertThat(due(soon).getText()).isEqualTo("in 20 min");
            assertThat(due(soon).getAttribute("class")).contains("due-due").doesNotContain("due-warn");
        } finally {
            hub.request("PUT", "/api/sla/settings", Map.of("warnBeforeMinutes", 30), Map.of());
        }
    }
}
