package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages an agent works in, audited in Chromium as shown (a11y/audit.js): every visible control has an accessible
 * name (a label, aria-label or title; a button's text), and every visible text a contrast of 4.5:1 with its
 * background (3:1 when large). And the inbox's main flow with the keyboard alone.
 */
class AccessibilityBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;
    static long ticketId;
    static String audit;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        ticketId = hub.inbound("a11y-1", "Alma Access", "alma@example.com", "Where is my parcel?").json().get("ticketId").asLong();
        hub.post("/api/tickets/" + ticketId + "/notes", Map.of("text", "Checked with the courier"));
        // overdue on a calendar's terms, so that the inbox rows show their SLA due time
        long calendar = hub.post("/api/calendars", Map.of("name", "Support hours", "timeZone", "UTC",
                "hours", Map.of("mon", java.util.List.of(java.util.List.of("09:00", "18:00"))))).json().get("id").asLong();
        hub.app.database().jdbi().useHandle(handle -> handle.execute(
                "update ticket set sla_due_at = ?, sla_calendar_id = ? where id = ?",
                java.sql.Timestamp.from(hub.clock.instant().minusSeconds(7200)), calendar, ticketId));
        browser = AdminBrowser.logIn(hub);
        driver = browser.driver;
        wait = browser.wait;
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/a11y/audit.js")) {
            audit = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        hub.close();
    }

    @SuppressWarnings("unchecked")
    private static List<String> auditOf(String path) {
        driver.get(hub.url(path));
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
        return new ArrayList<>((List<String>) ((JavascriptExecutor) driver).executeScript("return " + audit.substring(audit.indexOf("(function"))));
    }

    @Test
    void everyControlHasAName_andEveryTextIsReadable_onThePagesAgentsWorkIn() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        // a calendar with imported holidays, so that the calendar page shows its editor and the days to check
        long calendarId = hub.post("/api/calendars", Map.of("name", "Office", "timeZone", "Europe/Paris",
                "hours", Map.of("mon", List.of(List.of("09:00", "18:00"))), "exceptions", List.of())).json().get("id").asLong();
        hub.post("/api/calendars/" + calendarId + "/holidays", Map.of("country", "FR", "year", 2027));
        // SLA defaults, so that a ticket's page shows its SLA block
        hub.database.jdbi().useHandle(handle -> handle.execute(
                "insert into sla_defaults (calendar_id, response_seconds, resolution_seconds) values (?, 3600, 28800)", calendarId));
        long slaTicket = hub.inbound("a11y-sla", "Sam Sla", "sam@example.com", "Due soon?").json().get("ticketId").asLong();
        for (String path : List.of("/", "/?view=unassigned", "/?view=overdue", "/?sort=due", "/tickets/" + ticketId, "/tickets/" + slaTicket, "/clients", "/clients/companies",
                "/profile", "/admin/agents", "/admin/groups", "/admin/canned", "/admin/catalog", "/admin/settings",
                "/admin/notifications", "/admin/kept-aside", "/admin/audit", "/admin/import", "/admin/channels",
                "/admin/calendars", "/admin/sla")) {
            List<String> found = auditOf(path);
            if (!found.isEmpty()) {
                problems.put(path, found);
            }
        }
        assertThat(problems).as("accessibility problems by page").isEmpty();
    }

    @Test
    void theInbox_withTheKeyboardAlone_opensATicketAndAnswersIt() {
        driver.get(hub.url("/?view=open"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rows .row")));
        WebElement body = driver.findElement(By.tagName("body"));
        body.sendKeys("j");
        body.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/tickets/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        driver.findElement(By.tagName("body")).sendKeys("r");
        WebElement active = driver.switchTo().activeElement();
        assertThat(active.getAttribute("id")).as("r puts the focus in the reply").isEqualTo("reply-text");
        active.sendKeys("On its way today.");
        active.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        wait.until(d -> hub.get("/api/tickets/" + ticketId).json().get("messages").toString().contains("On its way today."));
    }
}
