package io.supporthub.hub.ui;

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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile page in headless Chromium: a token made and shown once, another session ended, the password changed. */
class ProfileBrowserTest {

    static final String EMAIL = "paula@test.local";
    static final String PASSWORD = "paula's first phrase";

    static TestHub hub;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        hub.post("/api/agents", Map.of("email", EMAIL, "name", "Paula Profile", "password", PASSWORD));
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        hub.close();
    }

    private static void logIn(String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(hub.url("/login"));
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static int sessionsOf(String email) {
        return hub.app.transactions().read(handle -> handle.createQuery("select count(*) from agent_session s "
                + "join agent a on a.id = s.agent_id where a.email = :email").bind("email", email).mapTo(Integer.class).one());
    }

    private static int statusWithToken(String token) {
        return hub.request("GET", "/api/session", null, Map.of("Authorization", "Bearer " + token)).status();
    }

    @Test
    void anAgentMakesAToken_endsAnotherSession_andChangesTheirPassword() {
        assertThat(hub.post("/api/session", Map.of("email", EMAIL, "password", PASSWORD)).status()).as("a session elsewhere").isEqualTo(200);
        logIn(EMAIL, PASSWORD);
        driver.findElement(By.cssSelector("a.who")).click();
        wait.until(ExpectedConditions.urlContains("/profile"));

        driver.findElement(By.cssSelector("#token-form input[name=name]")).sendKeys("export script");
        driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-value")));
        String token = shown.getText();
        assertThat(token).startsWith("shk_");
        assertThat(statusWithToken(token)).isEqualTo(200);
        Browser.screenshot(driver, "profile-token");
        driver.findElement(By.cssSelector("#token-dialog [data-close]")).click();
        wait.ignoring(StaleElementReferenceException.class).until(d ->
                d.findElement(By.cssSelector("table.tokens tbody")).getText().contains("export script"));
        assertThat(driver.getPageSource()).as("shown once: not on the page after").doesNotContain(token);

        List<WebElement> ends = driver.findElements(By.cssSelector("table.sessions button[data-method=DELETE]"));
        assertThat(ends).hasSize(1);
        ends.get(0).click();
        wait.ignoring(StaleElementReferenceException.class).until(d ->
                d.findElements(By.cssSelector("table.sessions tbody tr")).size() == 1);
        assertThat(sessionsOf(EMAIL)).as("only the browser's session is left").isEqualTo(1);

        driver.findElement(By.name("current")).sendKeys(PASSWORD);
        driver.findElement(By.name("new")).sendKeys("paula's second phrase");
        driver.findElement(By.name("repeat")).sendKeys("paula's second phrase");
        driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Password changed"));
        Browser.screenshot(driver, "profile-password-changed");
        assertThat(statusWithToken(token)).as("tokens are revoked with a password change").isEqualTo(401);
        assertThat(hub.post("/api/session", Map.of("email", EMAIL, "password", "paula's second phrase")).status()).isEqualTo(200);
    }

    @Test
    void afterAnAdminsReset_theAgentIsSentToChooseANewPassword() {
        long rita = hub.post("/api/agents", Map.of("email", "rita@test.local", "name", "Rita Reset", "password", "rita's first phrase"))
                .json().get("id").asLong();
        String temporary = hub.post("/api/agents/" + rita + "/password-reset", Map.of()).json().get("temporaryPassword").asText();
        driver.manage().deleteAllCookies();
        logIn("rita@test.local", temporary);
        wait.until(ExpectedConditions.urlContains("/profile"));
        assertThat(driver.findElement(By.id("must-change")).getText()).contains("Choose a new one");
        driver.get(hub.url("/"));
        assertThat(driver.getCurrentUrl()).as("no other page before the new password").contains("/profile");
        driver.findElement(By.name("current")).sendKeys(temporary);
        driver.findElement(By.name("new")).sendKeys("rita's own phrase");
        driver.findElement(By.name("repeat")).sendKeys("rita's own phrase");
        driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/profile"));
        assertThat(driver.findElement(By.cssSelector("body")).getAttribute("data-page")).isEqualTo("inbox");
    }
}
