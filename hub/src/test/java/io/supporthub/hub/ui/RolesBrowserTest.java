package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a specialist sees no admin links and is refused the admin pages; a senior specialist sees the admin
 * pages their role may use, without role or password controls; an administrator changes someone's role on the page.
 */
class RolesBrowserTest {

    private static final String PASSWORD = "a long enough password";

    static TestHub hub;
    static long targetId;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        hub.post("/api/agents", Map.of("email", "sam@test.local", "name", "Sam Specialist", "password", PASSWORD, "role", "specialist"));
        hub.post("/api/agents", Map.of("email", "sara@test.local", "name", "Sara Senior", "password", PASSWORD, "role", "senior"));
        targetId = hub.post("/api/agents", Map.of("email", "tess@test.local", "name", "Tess Target", "password", PASSWORD))
                .json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @Test
    void a_specialist_sees_no_admin_links_and_is_refused_the_admin_pages() {
        try (AdminBrowser browser = AdminBrowser.logIn(hub, "sam@test.local", PASSWORD)) {
            WebDriver driver = browser.driver;
            assertThat(driver.findElements(By.id("admin-link"))).isEmpty();
            assertThat(texts(driver, ".topnav a")).containsExactly("Inbox", "Clients");
            for (String page : List.of("/admin", "/admin/agents", "/admin/canned", "/admin/audit")) {
                driver.get(hub.url(page));
                assertThat(driver.findElement(By.tagName("main")).getText()).as(page).contains("You cannot open this page");
            }
            driver.get(hub.url("/admin/agents"));
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("only a senior specialist or an administrator may manage employees");
            Browser.screenshot(driver, "roles-specialist-refused");
        }
    }

    @Test
    void a_senior_sees_the_admin_pages_of_their_role_without_role_or_password_controls() {
        try (AdminBrowser browser = AdminBrowser.logIn(hub, "sara@test.local", PASSWORD)) {
            WebDriver driver = browser.driver;
            driver.findElement(By.id("admin-link")).click();
            browser.wait.until(d -> d.getCurrentUrl().endsWith("/admin/agents"));
            assertThat(texts(driver, ".admin-nav a")).containsExactly("Employees", "Groups", "Canned replies",
                    "Statuses, types, priorities", "Kept aside", "Channels", "Import and export");
            assertThat(driver.findElements(By.cssSelector("select[data-field=role]"))).isEmpty();
            assertThat(texts(driver, "span.role")).contains("Administrator", "Senior specialist", "Specialist");
            assertThat(driver.getPageSource()).doesNotContain("Reset password");
            assertThat(new Select(driver.findElement(By.cssSelector("form select[name=role]"))).getOptions())
                    .extracting(WebElement::getText).containsExactly("Specialist");
            Browser.screenshot(driver, "roles-senior-employees");
            driver.get(hub.url("/admin/audit"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("only an administrator may read the audit log");
        }
    }

    @Test
    void an_administrator_changes_a_role_on_the_employees_page() {
        try (AdminBrowser browser = AdminBrowser.logIn(hub)) {
            WebDriver driver = browser.driver;
            driver.get(hub.url("/admin/agents"));
            Select role = new Select(driver.findElement(By.cssSelector("select[data-patch='/api/agents/" + targetId + "']"
                    + "[data-field=role]")));
            assertThat(role.getOptions()).extracting(WebElement::getText)
                    .containsExactly("Specialist", "Senior specialist", "Administrator");
            assertThat(role.getFirstSelectedOption().getText()).isEqualTo("Specialist");
            role.selectByVisibleText("Senior specialist");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Saved"));
            assertThat(hub.get("/api/agents").json().findValues("role").stream().map(r -> r.asText()).toList())
                    .contains("senior").doesNotContain("agent");
            driver.navigate().refresh();
            assertThat(new Select(driver.findElement(By.cssSelector("select[data-patch='/api/agents/" + targetId + "']"
                    + "[data-field=role]"))).getFirstSelectedOption().getText()).isEqualTo("Senior specialist");
            assertThat(texts(driver, ".admin-nav a")).contains("Customer notifications", "Audit log");
            Browser.screenshot(driver, "roles-admin-employees");
        }
    }
}
