package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/**
 * A headless Chromium logged in to a test hub as its first administrator, through the login form as an agent would:
 * the set-up the admin pages' browser tests share. The test keeps its hub; closing this quits the browser only.
 */
final class AdminBrowser implements AutoCloseable {

    final WebDriver driver;
    final WebDriverWait wait;

    private AdminBrowser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        // Live updates replace parts of a page while a condition reads them: read again rather than fail.
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static AdminBrowser logIn(TestHub hub) {
        return logIn(hub, TestHub.ADMIN_EMAIL, TestHub.ADMIN_PASSWORD);
    }

    /** Logged in as another employee (the roles' tests). */
    static AdminBrowser logIn(TestHub hub, String email, String password) {
        AdminBrowser browser = new AdminBrowser(Browser.start());
        try {
            browser.driver.get(hub.url("/login"));
            browser.driver.findElement(By.name("email")).sendKeys(email);
            browser.driver.findElement(By.name("password")).sendKeys(password);
            browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
            browser.wait.until(d -> !d.getCurrentUrl().contains("/login"));
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
