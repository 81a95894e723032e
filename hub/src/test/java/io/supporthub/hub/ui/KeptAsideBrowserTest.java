package io.supporthub.hub.ui;

import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
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

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page of payloads kept aside in headless Chromium: listed, retried with its button. */
class KeptAsideBrowserTest {

    static FakeTelegramBotApi telegram;
    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        telegram = FakeTelegramBotApi.start();
        hub = TestHub.telegramWebhook(telegram);
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
        telegram.close();
    }

    private static void sql(String statement) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.execute(statement));
    }

    @Test
    void adminSeesWhatIsKeptAside_andRetriesOneAfterTheFix() {
        sql("create function ui_bug() returns trigger language plpgsql as $$ begin "
                + "if new.text like '%UI-BUG%' then raise exception 'simulated bug'; end if; return new; end $$");
        sql("create trigger ui_bug before insert on message for each row execute function ui_bug()");
        String update = "{\"update_id\": 6601, \"message\": {\"message_id\": 3, \"date\": 1700000000, "
                + "\"chat\": {\"id\": 6601, \"type\": \"private\", \"first_name\": \"Ann\"}, "
                + "\"from\": {\"id\": 6601, \"is_bot\": false, \"first_name\": \"Ann\"}, \"text\": \"Refund UI-BUG please\"}}";
        Map<String, String> secret = Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET);
        hub.request("POST", "/webhooks/telegram", update, secret);
        hub.request("POST", "/webhooks/telegram", "{\"update_id\": 6602, \"poll\": {\"id\": \"1\"}}", secret);
        sql("insert into unprocessed_payload (channel, payload, reason, received_at) "
                + "values ('viber', 'ViberEvent[...]', 'kept before requests were kept whole', now())");

        driver.get(hub.url("/admin/kept-aside"));
        List<WebElement> rows = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("table.kept-aside tbody tr"), 3));
        assertThat(rows.get(0).getText()).contains("viber", "not retryable");
        assertThat(rows.get(2).getText()).contains("telegram", "simulated bug");
        Browser.screenshot(driver, "kept-aside");

        sql("drop trigger ui_bug on message");
        rows.get(2).findElement(By.cssSelector("button.primary")).click();
        // The page reloads its rows after the retry: look them up afresh on every poll, a row from before is stale.
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> current = d.findElements(By.cssSelector("table.kept-aside tbody tr"));
            return current.size() == 3 && current.get(2).findElement(By.cssSelector(".retry-outcome")).getText().equals("stored");
        });
        Browser.screenshot(driver, "kept-aside-retried");
        int stored = hub.app.transactions().read(handle -> handle.createQuery(
                "select count(*) from message where text = 'Refund UI-BUG please'").mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(1);
    }
}
