package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups in the pages: an admin makes a group with a member on /admin/groups, makes it the default on /admin/settings,
 * moves a ticket into it, escalates it with a reason and sends it back; a senior manages groups but not settings.
 */
class GroupsBrowserTest {

    private static final String PASSWORD = "blue tractor morning";

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
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

    private static void shot(WebDriver on, String name) throws Exception {
        Path saved = Browser.screenshot(on, "pages-" + name);
        Path shots = Path.of("/work/shots");
        if (Files.isDirectory(shots)) {
            Files.copy(saved, shots.resolve("pages-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long groupNamed(String name) {
        for (JsonNode group : hub.get("/api/groups").json()) {
            if (group.get("name").asText().equals(name)) {
                return group.get("id").asLong();
            }
        }
        throw new AssertionError("no group " + name);
    }

    @Test
    void anAdminMakesAGroup_makesItTheDefault_movesATicketIntoIt_escalatesAndSendsBack() throws Exception {
        long gus = hub.post("/api/agents", Map.of("email", "gus@test.local", "name", "Gus Groupie", "password", PASSWORD))
                .json().get("id").asLong();
        long ticketId = hub.inbound("groups-browser", "Greta Grouped", "greta@example.com", "The router blinks red")
                .json().get("ticketId").asLong();

        driver.get(hub.url("/admin/groups"));
        assertThat(driver.findElement(By.cssSelector(".admin-nav")).getText()).contains("Groups", "Settings");
        driver.findElement(By.cssSelector("#group-add input[name=name]")).sendKeys("Engineers");
        driver.findElement(By.cssSelector("#group-add button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector(".group-card input[value='Engineers']")).size() == 1);
        long engineers = groupNamed("Engineers");
        WebElement card = driver.findElement(By.cssSelector(".group-card[data-group='" + engineers + "']"));
        card.findElement(By.cssSelector("[data-group-field=members] input[value='" + gus + "']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector("[data-member-count]")), "1 member"));
        card.findElement(By.cssSelector("[data-group-field=notify] input[value='" + gus + "']")).click();
        wait.until(d -> hub.get("/api/groups/" + engineers).json().get("notify").toString().equals("[" + gus + "]"));
        assertThat(hub.get("/api/groups/" + engineers).json().get("members").toString()).isEqualTo("[" + gus + "]");
        shot(driver, "groups");

        long firstLine = groupNamed("First line");
        driver.findElement(By.cssSelector(".group-card[data-group='" + firstLine + "'] button.danger")).click();
        driver.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toast.error"), "ticket(s)"));

        driver.get(hub.url("/admin/settings"));
        new Select(driver.findElement(By.id("default-group"))).selectByVisibleText("Engineers");
        WebElement zone = driver.findElement(By.id("time-zone"));
        zone.clear();
        zone.sendKeys("Mars/Olympus");
        driver.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toast.error"), "is not a time zone"));
        zone.clear();
        zone.sendKeys("Europe/Paris", Keys.ESCAPE);
        driver.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Settings saved"));
        JsonNode settings = hub.get("/api/settings").json();
        assertThat(settings.get("defaultGroupId").asLong()).isEqualTo(engineers);
        assertThat(settings.get("timeZone").asText()).isEqualTo("Europe/Paris");
        shot(driver, "settings");

        driver.get(hub.url("/tickets/" + ticketId));
        assertThat(driver.findElement(By.id("ticket-group")).getText()).isEqualTo("First line");
        new Select(driver.findElement(By.id("group-select"))).selectByVisibleText("Engineers");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-group"), "Engineers"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("escalate"), "Escalate to Second line"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("escalate"))).click();
        driver.findElement(By.id("escalate-reason")).sendKeys("needs the database team");
        driver.findElement(By.id("escalate-confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-group"), "Second line"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("send-back"), "Send back to Engineers"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".timeline"), "Engineers"));
        shot(driver, "ticket");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("send-back"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-group"), "Engineers"));
        JsonNode ticket = hub.get("/api/tickets/" + ticketId).json();
        assertThat(ticket.get("group").get("id").asLong()).isEqualTo(engineers);
        assertThat(ticket.get("messages").toString()).contains("Escalated to Second line: needs the database team",
                "Sent back to Engineers");

        driver.get(hub.url("/?view=open&group=" + engineers));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.row[data-ticket='" + ticketId + "']")));
        assertThat(new Select(driver.findElement(By.name("group"))).getFirstSelectedOption().getText()).isEqualTo("Engineers");
        shot(driver, "inbox");
    }

    @Test
    void aSenior_managesGroups_butIsRefusedTheSettings() throws Exception {
        hub.post("/api/agents", Map.of("email", "sid@test.local", "name", "Sid Senior", "password", PASSWORD, "role", "senior"));
        try (AdminBrowser senior = AdminBrowser.logIn(hub, "sid@test.local", PASSWORD)) {
            senior.driver.get(hub.url("/admin/groups"));
            assertThat(senior.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Groups");
            assertThat(senior.driver.findElement(By.cssSelector(".admin-nav")).getText()).contains("Groups")
                    .doesNotContain("Settings");
            senior.driver.get(hub.url("/admin/settings"));
            assertThat(senior.driver.findElement(By.tagName("body")).getText())
                    .contains("only an administrator may see or change settings");
            shot(senior.driver, "settings-refused");
        }
    }
}
