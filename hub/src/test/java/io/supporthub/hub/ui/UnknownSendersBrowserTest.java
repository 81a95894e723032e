package io.supporthub.hub.ui;

import io.supporthub.hub.email.MailboxMails;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch "create contacts for unknown senders" in Chromium: an admin turns it off on /admin/settings, and accepts
 * a mail kept aside for its unknown sender on /admin/kept-aside, which makes the contact and the ticket.
 */
class UnknownSendersBrowserTest {

    private static final String MAIL = "From: Una Known-Not <una@stranger.example>\r\nTo: help@support.example\r\n"
            + "Subject: First contact\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\nMessage-ID: <ub1@stranger.example>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello, may I ask something?\r\n";

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        // A mailbox that is never polled (no background work): only its parser takes the mail accepted here.
        hub = new TestHub(Map.of("MAIL_IMAP_URL", "imap://help:secret@127.0.0.1:9/INBOX",
                "MAIL_SMTP_URL", "smtp://127.0.0.1:9?starttls=false", "MAIL_FROM", "help@support.example"),
                false, Instant.parse("2026-11-02T09:00:00Z"), Set.of());
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

    @Test
    void anAdminTurnsTheSwitchOff_andAcceptsAMailKeptAsideForItsUnknownSender() {
        driver.get(hub.url("/admin/settings"));
        WebElement box = driver.findElement(By.id("create-contacts-for-unknown-senders"));
        assertThat(box.isSelected()).isTrue();
        box.click();
        driver.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Settings saved"));
        assertThat(hub.get("/api/settings").json().get("createContactsForUnknownSenders").asBoolean()).isFalse();
        Browser.screenshot(driver, "pages-settings-unknown-senders");

        hub.app.transactions().inTransaction((h, after) -> h.createUpdate("insert into unprocessed_payload (channel, "
                        + "payload, reason, received_at, body, content_type, headers, source, verified, unknown_sender) "
                        + "values ('email', :text, :reason, now(), :body, 'message/rfc822', '{}', :source, true, "
                        + "'una@stranger.example')")
                .bind("text", MAIL).bind("body", MAIL.getBytes(StandardCharsets.UTF_8)).bind("source", MailboxMails.SOURCE)
                .bind("reason", "unknown sender una@stranger.example; contacts are not created for unknown senders")
                .execute());

        driver.get(hub.url("/admin/kept-aside"));
        WebElement row = driver.findElement(By.cssSelector("table.kept-aside tbody tr"));
        assertThat(row.getText()).contains("unknown sender una@stranger.example").doesNotContain("Retry");
        Browser.screenshot(driver, "pages-kept-aside-unknown-sender");
        row.findElement(By.xpath(".//button[text()='Accept']")).click();
        driver.switchTo().alert().accept();
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("table.kept-aside tbody tr"));
            return rows.size() == 1 && rows.get(0).findElement(By.cssSelector(".retry-outcome")).getText().equals("accepted");
        });
        long tickets = hub.app.transactions().read(h -> h.createQuery("select count(*) from ticket t join contact_address a "
                + "on a.contact_id = t.contact_id where a.value = 'una@stranger.example'").mapTo(Long.class).one());
        assertThat(tickets).isEqualTo(1);
        assertThat(driver.findElements(By.xpath("//button[text()='Accept']"))).isEmpty();
    }
}
