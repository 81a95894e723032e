package io.supporthub.hub.ui;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hub in Debian's headless Chromium: what an agent does all day, end to end. */
class WebUiBrowserTest {

    static TestHub hub;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        UiFixtures.seed(hub);
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(hub.url("/login"));
        driver.findElement(By.name("email")).sendKeys(TestHub.ADMIN_EMAIL);
        driver.findElement(By.name("password")).sendKeys(TestHub.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".rows")));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        hub.close();
    }

    private long ticketOf(String externalId, String name, String email, String text) {
        return hub.inbound(externalId, name, email, text).json().get("ticketId").asLong();
    }

    @Test
    void adminMovesACannedReplyGroupUp_andTheOrderIsKept() {
        long second = hub.get("/api/canned").json().get("groups").get(1).get("id").asLong();
        driver.get(hub.url("/admin/canned"));
        WebElement up = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("section[data-group='" + second + "'] [data-move-group='up']")));
        up.click();
        wait.until(d -> hub.get("/api/canned").json().get("groups").get(0).get("id").asLong() == second);
        driver.navigate().refresh();
        WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section[data-group]")));
        assertThat(first.getAttribute("data-group")).isEqualTo(String.valueOf(second));
    }

    @Test
    void inbox_listsCustomerTickets_boldWhenTheCustomerWroteLast() {
        driver.get(hub.url("/?view=open"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".row.unread")));
        assertThat(row.findElement(By.cssSelector(".ch")).getAttribute("class")).contains("ch-");
        assertThat(driver.findElements(By.cssSelector(".row")).size()).isGreaterThanOrEqualTo(5);
        Browser.screenshot(driver, "inbox");
    }

    @Test
    void agentAnswersWithACannedReply_notesAndEscalates() {
        long ticketId = ticketOf("browser-1", "Marie Curie", "marie@example.com", "Hello, my order #1234 has not arrived yet.");
        driver.get(hub.url("/?view=open"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".row[data-ticket='" + ticketId + "'] a"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"), "my order #1234"));
        assertThat(driver.findElement(By.cssSelector(".chan.active")).getAttribute("data-channel")).isEqualTo("email");

        driver.findElement(By.id("canned-open")).click();
        WebElement reply = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#canned-replies li[data-reply]")));
        reply.click();
        wait.until(d -> !d.findElement(By.id("reply-text")).getAttribute("value").isBlank());
        String inserted = driver.findElement(By.id("reply-text")).getAttribute("value");
        assertThat(inserted).doesNotContain("{{");
        driver.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#thread .msg-agent"), 1));
        assertThat(hub.drainOutbox()).isEqualTo(1);
        assertThat(hub.senders.get(ChannelKind.EMAIL).sent()).extracting(OutboundMessage::text).contains(inserted.strip());

        driver.findElement(By.cssSelector(".mode[data-mode=note]")).click();
        driver.findElement(By.id("reply-text")).sendKeys("Checked the courier: parcel is in the depot.");
        driver.findElement(By.id("add-note")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#thread .msg-note"), "parcel is in the depot"));
        assertThat(hub.senders.get(ChannelKind.EMAIL).sent()).extracting(OutboundMessage::text)
                .noneMatch(text -> text.contains("depot"));

        // The note's live update may still replace the head: click the button of the head as it is now.
        wait.until(d -> {
            d.findElement(By.id("escalate")).click();
            return d.findElement(By.id("escalate-reason")).isDisplayed();
        });
        driver.findElement(By.id("escalate-reason")).sendKeys("refund needs approval");
        driver.findElement(By.id("escalate-confirm")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-back")));
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("line").asInt()).isEqualTo(2);
        Browser.screenshot(driver, "ticket");
    }

    @Test
    void newInboundMessage_appearsLive_withoutReload() {
        long ticketId = ticketOf("live-1", "Lise Meitner", "lise@example.com", "First question");
        driver.get(hub.url("/tickets/" + ticketId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"), "First question"));
        ((JavascriptExecutor) driver).executeScript("window.__sameDocument = true;");
        wait.until(d -> d.findElement(By.id("live-dot")).getAttribute("class").contains("on"));
        hub.inbound("live-2", "Lise Meitner", "lise@example.com", "Second message, sent while the page was open");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"), "Second message, sent while"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument === true;")).isEqualTo(true);
    }

    @Test
    void scriptAndImgInACustomerMessage_showAsText() {
        String evil = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> is this safe?";
        long ticketId = ticketOf("xss-browser", "Mallory <img src=y onerror=alert(3)>", "mallory@example.com", evil);
        driver.get(hub.url("/tickets/" + ticketId));
        WebElement body = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#thread .msg-customer .msg-body")));
        assertThat(body.getText()).isEqualTo(evil);
        assertThat(driver.findElements(By.cssSelector("#thread img, #side img, #ticket-head img"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__pwned === undefined;")).isEqualTo(true);
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        driver.get(hub.url("/?view=open&q=safe"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".row .excerpt"))).getText())
                .contains("<script>");
        assertThat(driver.findElements(By.cssSelector(".rows img"))).isEmpty();
    }

    @Test
    void wrongPassword_showsAClearMessage() {
        WebDriver other = Browser.start();
        try {
            other.get(hub.url("/login"));
            other.findElement(By.name("email")).sendKeys(TestHub.ADMIN_EMAIL);
            other.findElement(By.name("password")).sendKeys("nope");
            other.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(new WebDriverWait(other, Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("login-error"))).getText())
                    .isEqualTo("Wrong email or password.");
        } finally {
            other.quit();
        }
    }

    @Test
    void newTicketDialog_createsATicketForAFoundCustomer() {
        ticketOf("dialog-seed", "Niels Bohr", "niels@example.com", "Old question");
        driver.get(hub.url("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-ticket-open"))).click();
        driver.findElement(By.name("subject")).sendKeys("Follow-up call about the invoice");
        driver.findElement(By.id("contact-search")).sendKeys("niels@");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#contact-results li:not(.muted)"))).click();
        driver.findElement(By.cssSelector("#new-ticket-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/tickets/\\d+$"));
        assertThat(driver.findElement(By.id("ticket-subject")).getText()).isEqualTo("Follow-up call about the invoice");
        assertThat(driver.findElement(By.cssSelector("#side .addresses")).getText()).contains("niels@example.com");
    }

}
