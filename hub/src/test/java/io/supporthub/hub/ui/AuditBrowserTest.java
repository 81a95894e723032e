package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page of the audit log in headless Chromium: who changed what and who logged in, filtered, paged. */
class AuditBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        hub.post("/api/session", Map.of("email", "intruder@evil.example", "password", "guess"));
        long id = hub.post("/api/agents", Map.of("email", "lin@test.local", "name", "Lin", "password",
                "a long enough password")).json().get("id").asLong();
        hub.patch("/api/agents/" + id, Map.of("role", "admin"));
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

    private static List<WebElement> rows() {
        return driver.findElements(By.cssSelector("table.audit tbody tr[data-audit]"));
    }

    @Test
    void adminSeesChangesAndLogins_filtersThem_andPagesBack() {
        driver.get(hub.url("/admin"));
        driver.findElement(By.linkText("Audit log")).click();
        wait.until(d -> d.getCurrentUrl().contains("/admin/audit"));
        assertThat(rows().get(0).getText()).as("the page's own login, through the login form").contains("login.succeeded");
        WebElement roleChange = rows().stream().filter(r -> r.getText().contains("agent.updated")).findFirst().orElseThrow();
        assertThat(roleChange.getText()).contains(TestHub.ADMIN_EMAIL, "role: specialist → admin", "127.0.0.1");
        Browser.screenshot(driver, "audit");

        driver.findElement(By.name("action")).sendKeys("login.failed");
        driver.findElement(By.cssSelector("form.audit-filters button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("action=login.failed"));
        assertThat(rows()).hasSize(1).first().satisfies(r -> assertThat(r.getText())
                .contains("intruder@evil.example", "wrong email or password"));

        driver.get(hub.url("/admin/audit?limit=1"));
        String newest = rows().get(0).getAttribute("data-audit");
        driver.findElement(By.cssSelector("[data-older]")).click();
        wait.until(d -> d.getCurrentUrl().contains("after=" + newest));
        assertThat(rows()).hasSize(1);
        assertThat(Long.parseLong(rows().get(0).getAttribute("data-audit"))).isLessThan(Long.parseLong(newest));
    }
}
