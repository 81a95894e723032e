package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket page's SLA block (due times in the agent's zone, "paused", the resolution time set by hand and back to
 * the computed one), the creation form's resolution due field, and the statuses' flags on the catalog page.
 */
class SlaBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub(); // Monday 2026-11-02T09:00:00Z, 10:00 in Paris
        hub.logIn();
        assertThat(hub.request("PUT", "/api/me/preferences", Map.of("timeZone", "Europe/Paris"), Map.of()).status())
                .isEqualTo(200);
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            hours.put(day, List.of(List.of("09:00", "18:00")));
        }
        long calendarId = hub.post("/api/calendars", Map.of("name", "Paris office", "timeZone", "Europe/Paris",
                "hours", hours)).json().get("id").asLong();
        hub.database.jdbi().useHandle(handle -> handle.execute(
                "insert into sla_defaults (calendar_id, response_seconds, resolution_seconds) values (?, 2400, 14400)",
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

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    @Test
    void theSlaBlock_showsDueTimes_pauses_andTheResolutionTimeSetByHand() {
        long id = hub.inbound("sla-page-1", "Paul Durand", "paul@example.com", "The invoice is wrong")
                .json().get("ticketId").asLong();
        driver.get(hub.url("/tickets/" + id));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sla-card")));
        assertThat(text("sla-rule")).isEqualTo("Default terms");
        assertThat(text("sla-response")).isEqualTo("in 40m (2 Nov 10:40 Paris)");
        assertThat(text("sla-resolution")).isEqualTo("in 4h (2 Nov 14:00 Paris)");
        Browser.screenshot(driver, "sla-ticket-due");

        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('sla-due-input').value = arguments[0];", "2026-11-04T17:30");
        driver.findElement(By.cssSelector("#sla-due-form button[type=submit]")).click();
        wait.until(d -> hub.get("/api/tickets/" + id).json().path("sla").path("resolutionDueAt").asText()
                .equals("2026-11-04T16:30:00Z"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sla-by-hand")));
        assertThat(text("sla-resolution")).contains("4 Nov 17:30 Paris").contains("set by hand");
        Browser.screenshot(driver, "sla-ticket-by-hand");

        driver.findElement(By.id("sla-due-clear")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("sla-by-hand")));
        assertThat(hub.get("/api/tickets/" + id).json().path("sla").path("resolutionDueAt").asText())
                .isEqualTo("2026-11-02T13:00:00Z");

        // The clear's live update may replace the ticket's header while it is read: pick again on a fresh one.
        wait.until(d -> {
            new Select(d.findElement(By.id("status-select"))).selectByValue("pending");
            return true;
        });
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sla-paused")));
        assertThat(text("sla-resolution")).startsWith("paused");
        assertThat(text("sla-response")).startsWith("met at 2 Nov 10:00 Paris");
        Browser.screenshot(driver, "sla-ticket-paused");
    }

    @Test
    void theCreationForm_takesAResolutionDueTimeInTheAgentsZone() {
        driver.get(hub.url("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-ticket-open"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-ticket-resolution-due")));
        driver.findElement(By.name("subject")).sendKeys("Annual audit");
        driver.findElement(By.name("name")).sendKeys("Nina Audit");
        driver.findElement(By.name("email")).sendKeys("nina@example.com");
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('[name=resolutionDue]').value = arguments[0];", "2026-11-06T12:00");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('new-ticket').scrollLeft = 0;");
        Browser.screenshot(driver, "sla-new-ticket");
        driver.findElement(By.cssSelector("#new-ticket-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/tickets/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sla-by-hand")));
        assertThat(text("sla-resolution")).contains("6 Nov 12:00 Paris");
    }

    private static boolean pendingPauses() {
        for (var status : hub.get("/api/statuses").json()) {
            if (status.get("system").asBoolean() && status.get("baseState").asText().equals("pending")) {
                return status.get("effectivePausesSla").asBoolean();
            }
        }
        throw new AssertionError("no pending row");
    }

    @Test
    void theCatalogPage_showsAndEditsTheStatusFlags() {
        driver.get(hub.url("/admin/catalog"));
        By pendingPauses = By.cssSelector("input[data-flag=pausesSla][aria-label='Pending pauses the SLA']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(pendingPauses));
        assertThat(driver.findElement(pendingPauses).isSelected()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#statuses")).getText()).contains("stops the clocks");
        Browser.screenshot(driver, "sla-catalog-flags");
        driver.findElement(pendingPauses).click();
        wait.until(d -> !pendingPauses());
        // Back as it was, for the other tests here.
        driver.findElement(pendingPauses).click();
        wait.until(d -> pendingPauses());
    }
}
