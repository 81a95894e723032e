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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket page's status control saves on change like the other controls (no Apply), postponing once its time is
 * given; "Send and set Awaiting reply" and "Send and resolve" show where the transition table allows them.
 */
class TicketComposerBrowserTest {

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

    private static String status(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().get("status").asText();
    }

    @Test
    void theStatusSavesOnChange_andTheSendButtonsFollowIt() {
        long ticketId = hub.inbound("composer-1", "Carla Composer", "carla@example.com", "Where is my order?")
                .json().get("ticketId").asLong();
        driver.get(hub.url("/tickets/" + ticketId));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send-await")));
        assertThat(driver.findElements(By.id("status-apply"))).as("no separate Apply").isEmpty();
        assertThat(driver.findElement(By.id("send-resolve")).isDisplayed()).isTrue();
        Browser.screenshot(driver, "composer-open");

        driver.findElement(By.id("reply-text")).sendKeys("Could you send the order number?");
        driver.findElement(By.id("send-await")).click();
        wait.until(d -> status(ticketId).equals("awaiting_reply"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("send-await")));
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("messages").toString()).contains("Could you send the order number?");

        new Select(driver.findElement(By.id("status-select"))).selectByValue("pending");
        wait.until(d -> status(ticketId).equals("pending"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send-await")));

        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("status-select")))).selectByValue("postponed");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("postpone-until")));
        assertThat(status(ticketId)).as("postponing waits for its time").isEqualTo("pending");
        String until = hub.clock.instant().plusSeconds(2 * 86_400).toString().substring(0, 16);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const f = document.getElementById('postpone-until'); f.value = arguments[0];"
                        + "f.dispatchEvent(new Event('change', { bubbles: true }));", until);
        wait.until(d -> status(ticketId).equals("postponed"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("send-await")));
        Browser.screenshot(driver, "composer-postponed");

        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("status-select")))).selectByValue("resolved");
        wait.until(d -> status(ticketId).equals("resolved"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("send-resolve")));
        // Resolved on the test clock's day: closes by itself 3 days later, reopens by a message for 7 days.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("after-resolution"),
                "Closes by itself on 5 Nov 09:00 UTC. A message from the customer reopens it until 9 Nov 09:00 UTC"));
        Browser.screenshot(driver, "composer-resolved");
    }
}
