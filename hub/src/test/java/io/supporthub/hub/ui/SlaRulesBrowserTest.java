package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA rule editor: an admin adds rules on /admin/sla (conditions, weekdays and hours, calendar, standards in hours
 * and minutes), moves one up, disables one, sees a catch-all refused in the middle, saves the defaults; the new-ticket
 * form then shows the preview of the rule the picked type would get.
 */
class SlaRulesBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        hub.post("/api/calendars", Map.of("name", "Paris office", "timeZone", "Europe/Paris",
                "hours", Map.of("mon", List.of(List.of("09:00", "18:00")), "tue", List.of(List.of("09:00", "18:00")),
                        "wed", List.of(List.of("09:00", "18:00")), "thu", List.of(List.of("09:00", "18:00")),
                        "fri", List.of(List.of("09:00", "18:00")))));
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
        Path saved = Browser.screenshot(driver, "pages-" + name);
        Path shots = Path.of("/work/shots");
        if (Files.isDirectory(shots)) {
            Files.copy(saved, shots.resolve("pages-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static void check(String name, String value) {
        click(By.cssSelector("#sla-rule-form input[name='" + name + "'][value='" + value + "']"));
    }

    /** Clicks after scrolling the element to the middle (the sticky top bar would take a click at the top). */
    private static void click(By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void addRule() {
        click(By.id("rule-save"));
    }

    private static List<String> listed() {
        return driver.findElements(By.cssSelector("#sla-rules li strong")).stream().map(WebElement::getText).toList();
    }

    @Test
    void anAdminBuildsTheRules_andTheNewTicketFormPreviewsThem() throws Exception {
        driver.get(hub.url("/admin/sla"));
        assertThat(driver.findElement(By.cssSelector(".admin-nav")).getText()).contains("SLA rules");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sla-rules-empty")));

        type("rule-name", "Everything else");
        type("rule-response-h", "8");
        addRule();
        wait.until(d -> listed().equals(List.of("Everything else")));

        type("rule-name", "Incidents in office hours");
        click(By.xpath("//input[@name='typeIds']/parent::label[contains(., 'incident')]/input"));
        check("weekdays", "mon");
        check("weekdays", "fri");
        type("rule-time-from", "09:00");
        type("rule-time-to", "18:00");
        new Select(driver.findElement(By.id("rule-calendar"))).selectByVisibleText("Paris office");
        type("rule-response-h", "1");
        type("rule-response-m", "30");
        type("rule-resolution-h", "8");
        addRule();
        wait.until(d -> listed().equals(List.of("Incidents in office hours", "Everything else")));
        JsonNode incidents = hub.get("/api/sla/rules").json().get(0);
        assertThat(incidents.get("responseSeconds").asLong()).isEqualTo(5400);
        assertThat(incidents.get("resolutionSeconds").asLong()).isEqualTo(28_800);
        assertThat(incidents.get("conditions").get("weekdays").toString()).isEqualTo("[\"mon\",\"fri\"]");
        assertThat(incidents.get("conditions").get("time").toString()).isEqualTo("{\"from\":\"09:00\",\"to\":\"18:00\"}");
        assertThat(incidents.get("calendarId").isNull()).isFalse();
        assertThat(driver.findElement(By.id("sla-rules")).getText()).contains("type incident", "mon, fri", "09:00–18:00",
                "response 1 h 30 min, resolution 8 h");

        type("rule-name", "Email");
        check("channels", "email");
        type("rule-response-m", "45");
        addRule();
        wait.until(d -> listed().equals(List.of("Incidents in office hours", "Email", "Everything else")));
        click(By.cssSelector("button[aria-label='Move Email up']"));
        wait.until(d -> listed().equals(List.of("Email", "Incidents in office hours", "Everything else")));
        assertThat(hub.get("/api/sla/rules").json().get(0).get("name").asText()).isEqualTo("Email");

        // the catch-all cannot move up: refused with the reason, the order stays
        click(By.cssSelector("button[aria-label='Move Everything else up']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toast.error"), "has no conditions"));
        assertThat(listed()).containsExactly("Email", "Incidents in office hours", "Everything else");

        click(By.cssSelector("#sla-rules li[data-rule] input[type=checkbox]"));
        wait.until(d -> d.findElement(By.cssSelector("#sla-rules li")).getAttribute("class").contains("disabled"));
        assertThat(hub.get("/api/sla/rules").json().get(0).get("enabled").asBoolean()).isFalse();

        // edit: the form is filled with the rule, saved with PUT
        click(By.cssSelector("button[aria-label='Edit Incidents in office hours']"));
        assertThat(driver.findElement(By.id("rule-response-m")).getAttribute("value")).isEqualTo("30");
        assertThat(driver.findElement(By.id("rule-time-to")).getAttribute("value")).isEqualTo("18:00");
        type("rule-resolution-h", "16");
        addRule();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sla-rules"), "resolution 16 h"));

        type("defaults-response-h", "4");
        // the refusal's toast may still cover the button: submit the form itself
        ((JavascriptExecutor) driver).executeScript("document.getElementById('sla-defaults-form').requestSubmit()");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Defaults saved"));
        assertThat(hub.get("/api/sla/defaults").json().get("responseSeconds").asLong()).isEqualTo(14_400);
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        shot("admin-sla");

        driver.get(hub.url("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-ticket-open"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("new-ticket-sla"), "SLA: Everything else — response by"));
        new Select(driver.findElement(By.name("type"))).selectByVisibleText("incident");
        // the incident rule holds only Mon and Fri 09:00-18:00 in Paris: the preview says which rule won now
        String expected = hub.post("/api/sla/preview", Map.of("type", "incident", "channel", "api")).json()
                .path("rule").path("name").asText();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("new-ticket-sla"), "SLA: " + expected + " — "));
        assertThat(driver.findElement(By.id("new-ticket-sla")).getText()).matches("SLA: .+ — response by \\w{3} \\d{1,2} \\w{3}, \\d{2}:\\d{2} .+, resolution by .+");
        shot("new-ticket-sla");
    }
}
