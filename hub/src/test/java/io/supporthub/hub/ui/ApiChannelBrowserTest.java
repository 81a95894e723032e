package io.supporthub.hub.ui;

import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic channel in the pages: a web-form customer's ticket offers the API and email tabs disabled, each saying
 * why; an admin sets the callback on Admin → Channels; the API tab then sends, and the reply reaches the receiver.
 */
class ApiChannelBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;
    static com.sun.net.httpserver.HttpServer receiver;
    static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        receiver = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // Email has no sender here (no mailbox configured), the API channel its real one.
        hub = new TestHub(Map.of("ALLOW_PRIVATE_CALLBACKS", "true"), false, Instant.parse("2026-11-02T09:00:00Z"),
                Set.of(ChannelKind.API, ChannelKind.EMAIL));
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
        receiver.stop(0);
    }

    private static void shot(String name) throws Exception {
        Path saved = Browser.screenshot(driver, "pages-" + name);
        Path shots = Path.of("/work/shots");
        if (Files.isDirectory(shots)) {
            Files.copy(saved, shots.resolve("pages-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static WebElement tab(String channel) {
        return driver.findElement(By.cssSelector("#channel-tabs .chan[data-channel=" + channel + "]"));
    }

    @Test
    void unusableTabsSayWhy_anAdminSetsTheCallback_andTheApiTabSends() throws Exception {
        hub.request("PUT", "/api/channels/api", java.util.Collections.singletonMap("callbackUrl", null), Map.of());
        received.clear();
        Map<String, Object> body = Map.of("from", Map.of("name", "Wanda Webform", "userId", "crm-42", "email", "wanda@example.com"),
                "externalId", "browser-1", "text", "Where is my order 77?");
        long ticketId = hub.request("POST", "/api/inbound", body, Map.of("X-Api-Key", TestHub.API_KEY))
                .json().get("ticketId").asLong();

        driver.get(hub.url("/tickets/" + ticketId));
        assertThat(tab("api").isEnabled()).isFalse();
        assertThat(tab("api").getText()).contains("the API channel has no callback URL");
        assertThat(tab("email").isEnabled()).isFalse();
        assertThat(tab("email").getText()).contains("email is not configured");
        assertThat(driver.findElements(By.cssSelector("#channel-tabs .chan.active"))).isEmpty();
        assertThat(driver.findElement(By.id("send")).isEnabled()).isFalse();
        assertThat(driver.findElement(By.id("send-resolve")).isEnabled()).isFalse();
        shot("api-channel-tabs-disabled");

        driver.get(hub.url("/admin/channels"));
        assertThat(driver.findElement(By.cssSelector(".admin-nav a.active")).getText()).isEqualTo("Channels");
        assertThat(driver.findElement(By.id("api-channel-state")).getText()).contains("Not set up");
        driver.findElement(By.id("callback-url")).clear();
        // A refusal is shown as the server words it.
        driver.findElement(By.id("callback-url")).sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/in");
        driver.findElement(By.id("callback-secret")).sendKeys("short");
        driver.findElement(By.cssSelector("#api-channel-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toast.error"), "16"));
        driver.findElement(By.id("callback-secret")).clear();
        driver.findElement(By.id("callback-secret")).sendKeys("a long shared secret 42");
        driver.findElement(By.cssSelector("#api-channel-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("api-channel-state"), "Replies are posted to"));
        assertThat(driver.findElement(By.id("secret-state")).getText()).contains("a secret is set");
        assertThat(driver.findElement(By.id("callback-secret")).getAttribute("value")).isEmpty();
        assertThat(hub.get("/api/channels/api").json().get("configured").asBoolean()).isTrue();
        shot("admin-channels-api");

        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("callback-secret")).getAttribute("value")).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("a long shared secret 42");

        driver.get(hub.url("/tickets/" + ticketId));
        assertThat(tab("api").isEnabled()).isTrue();
        assertThat(tab("api").getAttribute("class")).contains("active");
        assertThat(tab("email").isEnabled()).isFalse();
        assertThat(driver.findElement(By.id("send")).isEnabled()).isTrue();
        driver.findElement(By.id("reply-text")).sendKeys("Order 77 left our warehouse today.");
        driver.findElement(By.id("send")).click();
        wait.until(d -> hub.get("/api/tickets/" + ticketId).json().get("messages").size() == 2);
        assertThat(hub.drainOutbox()).isEqualTo(1);
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).contains("Order 77 left our warehouse today.", "crm-42");
        driver.navigate().refresh();
        shot("api-channel-reply-sent");
    }

    @Test
    void theChannelsPage_listsEachChannel_andItsTestButtonShowsTheAnswer() throws Exception {
        hub.request("PUT", "/api/channels/api", Map.of("callbackUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/in",
                "secret", "a long shared secret 42"), Map.of());
        received.clear();
        driver.get(hub.url("/admin/channels"));
        WebElement api = driver.findElement(By.cssSelector("#channel-health tr[data-channel=api]"));
        assertThat(api.getText().toLowerCase(java.util.Locale.ROOT)).contains("web form", "configured");
        WebElement email = driver.findElement(By.cssSelector("#channel-health tr[data-channel=email]"));
        assertThat(email.getText()).contains("email is not configured");
        assertThat(email.findElement(By.cssSelector("[data-test]")).isEnabled()).isFalse();
        api.findElement(By.cssSelector("[data-test=api]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-answer=api]"), "signed ping"));
        assertThat(driver.findElement(By.cssSelector("[data-answer=api]")).getText()).contains("✓", "204");
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).contains("\"type\":\"ping\"");
        shot("admin-channels-health");
    }
}
