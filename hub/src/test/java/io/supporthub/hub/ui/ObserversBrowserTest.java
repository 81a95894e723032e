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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent watches a ticket from its page, finds it in the Watching view, and adds a colleague as observer. */
class ObserversBrowserTest {

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
        Path saved = Browser.screenshot(driver, "observers-" + name);
        Path shots = Path.of("/work/shots");
        if (Files.isDirectory(shots)) {
            Files.copy(saved, shots.resolve("observers-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void anAgentWatchesATicket_seesItInWatching_andAddsAColleague() throws Exception {
        hub.post("/api/agents", Map.of("email", "bea@test.local", "name", "Bea Colleague", "password", "blue tractor morning"));
        long ticketId = hub.inbound("browser-watch", "Wanda Watched", "wanda@example.com", "My parcel is late")
                .json().get("ticketId").asLong();
        hub.inbound("browser-other", "Otto Other", "otto@example.com", "Another question");

        driver.get(hub.url("/tickets/" + ticketId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watch-toggle"), "Watch"));
        driver.findElement(By.id("watch-toggle")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watch-toggle"), "Unwatch"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("observer-list"), "Admin"));

        // The live update of the watch may still replace the side panel; a choice made on the old one is lost, so choose
        // again on the new one.
        wait.until(d -> {
            try {
                if (d.findElement(By.id("observer-list")).getText().contains("Bea Colleague")) {
                    return true;
                }
                new Select(d.findElement(By.id("observer-add"))).selectByVisibleText("Bea Colleague");
                Thread.sleep(500);
                return d.findElement(By.id("observer-list")).getText().contains("Bea Colleague");
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".timeline"), "added Bea Colleague as observer"));
        assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("started watching");
        shot("ticket");

        driver.get(hub.url("/?view=watching"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.row[data-ticket='" + ticketId + "']")));
        assertThat(driver.findElements(By.cssSelector("li.row"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("li.row[data-ticket='" + ticketId + "'] .watch-eye")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Watching");
        shot("inbox");

        assertThat(hub.get("/api/tickets/" + ticketId).json().get("observers")).hasSize(2);
    }
}
