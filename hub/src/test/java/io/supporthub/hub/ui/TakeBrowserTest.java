package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent takes a colleague's ticket with the Take button, and an unassigned one with the T key. */
class TakeBrowserTest {

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

    private static void shot(String name) throws Exception {
        Path saved = Browser.screenshot(driver, "take-" + name);
        Path shots = Path.of("/work/shots");
        if (Files.isDirectory(shots)) {
            Files.copy(saved, shots.resolve("take-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String assignee(long ticketId) {
        var assignee = hub.get("/api/tickets/" + ticketId).json().path("assignee");
        return assignee.isObject() ? assignee.path("name").asText() : null;
    }

    @Test
    void theTakeButton_takesAColleaguesTicket_andHidesOnceItIsMine() throws Exception {
        long bea = hub.post("/api/agents", Map.of("email", "bea@test.local", "name", "Bea Colleague",
                "password", "blue tractor morning")).json().get("id").asLong();
        long ticketId = hub.inbound("browser-take", "Tara Taken", "tara@example.com", "Where is my refund?")
                .json().get("ticketId").asLong();
        hub.patch("/api/tickets/" + ticketId, Map.of("assignee", bea));

        driver.get(hub.url("/tickets/" + ticketId));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("take")));
        assertThat(new Select(driver.findElement(By.id("assignee-select"))).getFirstSelectedOption().getText())
                .isEqualTo("Bea Colleague");
        shot("before");
        driver.findElement(By.id("take")).click();

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("take")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".timeline"),
                "took the ticket from Bea Colleague"));
        assertThat(new Select(driver.findElement(By.id("assignee-select"))).getFirstSelectedOption().getText())
                .isEqualTo("Administrator");
        assertThat(driver.findElements(By.id("take"))).as("hidden once it is mine").isEmpty();
        assertThat(assignee(ticketId)).isEqualTo("Administrator");
        shot("taken");
    }

    @Test
    void theTKey_takesTheTicket_butNotWhileTypingInAField_andIsInTheShortcutsList() throws Exception {
        long ticketId = hub.inbound("browser-key", "Kim Key", "kim@example.com", "My order never came")
                .json().get("ticketId").asLong();
        driver.get(hub.url("/tickets/" + ticketId));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("take")));

        driver.findElement(By.id("reply-text")).sendKeys("t");
        Thread.sleep(700);
        assertThat(driver.findElement(By.id("reply-text")).getAttribute("value")).isEqualTo("t");
        assertThat(assignee(ticketId)).as("a t typed in the reply is text").isNull();
        driver.findElement(By.id("reply-text")).sendKeys(Keys.BACK_SPACE);

        driver.findElement(By.tagName("h1")).click();
        new Actions(driver).sendKeys("t").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("take")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".timeline"), "took the ticket"));
        assertThat(assignee(ticketId)).isEqualTo("Administrator");

        new Actions(driver).sendKeys("?").perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shortcuts")));
        assertThat(driver.findElement(By.id("shortcuts")).getText()).contains("take the ticket");
        shot("shortcuts");
    }
}
