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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox in headless Chromium: the search says which view it searches and widens to all tickets; counts follow live. */
class InboxBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;
    static long openRefund;
    static long pendingRefund;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        openRefund = hub.inbound("scope-open", "Olga Open", "olga@example.com", "Where is the refund for my order?")
                .json().get("ticketId").asLong();
        pendingRefund = hub.inbound("scope-pending", "Petra Pending", "petra@example.com", "The refund for the parcel is late")
                .json().get("ticketId").asLong();
        hub.post("/api/tickets/" + pendingRefund + "/status", Map.of("status", "pending"));
        hub.inbound("scope-other", "Oscar Other", "oscar@example.com", "Unrelated question about colours");
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

    private static List<String> shownTickets() {
        return driver.findElements(By.cssSelector("#rows .row")).stream().map(r -> r.getAttribute("data-ticket")).toList();
    }

    @Test
    void search_saysWhichViewItSearches_andSwitchingToAllTicketsFindsOneOutsideTheView() {
        driver.get(hub.url("/?view=open"));
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("search")));
        assertThat(search.getAttribute("placeholder")).startsWith("Search All open");
        search.sendKeys("refund", Keys.ENTER);
        WebElement note = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search-scope-note")));
        assertThat(note.getText()).contains("Matches for “refund” in All open", "Search all tickets");
        assertThat(new Select(driver.findElement(By.id("search-scope"))).getFirstSelectedOption().getText()).isEqualTo("In All open");
        assertThat(shownTickets()).containsExactly(String.valueOf(openRefund));
        Browser.screenshot(driver, "inbox-search-in-view");

        new Select(driver.findElement(By.id("search-scope"))).selectByValue("all");
        wait.until(ExpectedConditions.urlContains("scope=all"));
        assertThat(driver.getCurrentUrl()).contains("q=refund", "view=open");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-scope-note"), "in all tickets"));
        assertThat(shownTickets()).containsExactlyInAnyOrder(String.valueOf(openRefund), String.valueOf(pendingRefund));
        assertThat(driver.findElement(By.cssSelector(".row[data-ticket='" + pendingRefund + "']")).getText()).contains("Pending");
        assertThat(driver.findElement(By.id("search")).getAttribute("placeholder")).startsWith("Search all tickets");
        Browser.screenshot(driver, "inbox-search-all");

        driver.findElement(By.id("search-in-view")).click();
        wait.until(d -> !d.getCurrentUrl().contains("scope=all"));
        assertThat(shownTickets()).containsExactly(String.valueOf(openRefund));
    }

    @Test
    void viewCount_changesLive_whenANewMessageArrives() {
        driver.get(hub.url("/?view=pending"));
        WebElement open = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-count='open']")));
        wait.until(d -> d.findElement(By.id("live-dot")).getAttribute("class").contains("on"));
        int before = Integer.parseInt(open.getText());
        ((JavascriptExecutor) driver).executeScript("window.__sameDocument = true;");

        hub.inbound("count-live-1", "Nora New", "nora@example.com", "A brand new question");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-count='open']"), String.valueOf(before + 1)));
        assertThat(driver.findElement(By.cssSelector("[data-count='unassigned']")).getText()).isNotBlank();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument === true;")).isEqualTo(true);
        Browser.screenshot(driver, "inbox-count-live");
    }

    @Test
    void questionMark_listsTheKeyboardShortcuts_andThePageHasAFavicon() {
        driver.get(hub.url("/?view=open"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rows")));
        WebElement dialog = driver.findElement(By.id("shortcuts"));
        assertThat(dialog.isDisplayed()).isFalse();
        driver.findElement(By.tagName("body")).sendKeys("?");
        wait.until(ExpectedConditions.visibilityOf(dialog));
        assertThat(dialog.getText()).contains("Keyboard shortcuts", "new ticket", "internal note", "canned replies");
        Browser.screenshot(driver, "shortcuts");
        dialog.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOf(dialog));

        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("a?");
        assertThat(dialog.isDisplayed()).as("typing ? in a field types it").isFalse();
        assertThat(search.getAttribute("value")).isEqualTo("a?");

        String icon = driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href");
        TestHub.Response favicon = hub.get(java.net.URI.create(icon).getPath());
        assertThat(favicon.status()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    }
}
