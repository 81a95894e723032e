package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog admin page in headless Chromium: a base state renamed, a priority recoloured and moved, and the result
 * on the ticket page (a coloured dot with the priority's name) and the inbox row (a coloured corner).
 */
class CatalogBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        UiFixtures.seed(hub);
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

    private static long idOf(String route, String field, String value) {
        for (JsonNode row : hub.get(route).json()) {
            if (row.get(field).asText().equals(value)) {
                return row.get("id").asLong();
            }
        }
        throw new AssertionError("no " + value + " in " + route);
    }

    private static JsonNode row(String route, long id) {
        for (JsonNode row : hub.get(route).json()) {
            if (row.get("id").asLong() == id) {
                return row;
            }
        }
        throw new AssertionError("no " + id + " in " + route);
    }

    private static List<String> names(String route) {
        List<String> names = new ArrayList<>();
        hub.get(route).json().forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    /** Chromium's colour input has no keyboard entry: set it as its picker does, then tell the page. */
    private static void pickColour(WebElement input, String hex) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", input, hex);
    }

    private static String css(WebElement element, String property) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(arguments[0])[arguments[1]];", element, property);
    }

    @Test
    void adminRenamesAStatus_recoloursAndMovesAPriority_andTheTicketAndInboxShowIt() {
        long pending = idOf("/api/statuses", "baseState", "pending");
        long high = idOf("/api/priorities", "name", "high");
        driver.get(hub.url("/admin/catalog"));
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#statuses li[data-id='" + pending + "'] [data-field=name]")));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "On hold", Keys.ENTER);
        wait.until(d -> row("/api/statuses", pending).get("name").asText().equals("On hold"));
        assertThat(row("/api/statuses", pending).get("baseState").asText()).isEqualTo("pending");
        assertThat(driver.findElements(By.cssSelector("#statuses li[data-id='" + pending + "'] [data-method=DELETE]")))
                .as("a base state cannot be deleted").isEmpty();

        pickColour(driver.findElement(By.cssSelector("#priorities li[data-id='" + high + "'] [data-field=color]")), "#7e22ce");
        wait.until(d -> row("/api/priorities", high).get("color").asText().equals("#7e22ce"));
        driver.findElement(By.cssSelector("#priorities li[data-id='" + high + "'] [data-catalog-move=up]")).click();
        wait.until(d -> names("/api/priorities").equals(List.of("low", "high", "normal", "urgent")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Order saved"));
        Browser.screenshot(driver, "admin-catalog");

        driver.navigate().refresh();
        List<String> shown = new ArrayList<>();
        wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#priorities li [data-field=name]")))
                .forEach(input -> shown.add(input.getAttribute("value")));
        assertThat(shown).as("the page keeps the order").containsExactly("low", "high", "normal", "urgent");

        long ticketId = hub.inbound("catalog-1", "Rosalind Franklin", "rosalind@example.com", "The X-ray unit is down again")
                .json().get("ticketId").asLong();
        hub.patch("/api/tickets/" + ticketId, Map.of("priority", "high"));
        hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "On hold"));
        driver.get(hub.url("/tickets/" + ticketId));
        WebElement dot = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("priority-dot")));
        assertThat(dot.getText()).isEqualTo("high");
        assertThat(css(dot.findElement(By.cssSelector(".dot")), "backgroundColor")).isEqualTo("rgb(126, 34, 206)");
        WebElement pill = driver.findElement(By.cssSelector(".head-pills .pill"));
        assertThat(pill.getText()).isEqualTo("On hold");
        assertThat(css(pill, "color")).as("the status's own colour").isEqualTo("rgb(164, 103, 11)");
        assertThat(driver.findElement(By.cssSelector("#side .timeline")).getText()).contains("changed status Open → On hold");
        List<String> priorityChoices = driver.findElements(By.cssSelector("#priority-select option")).stream()
                .map(WebElement::getText).toList();
        assertThat(priorityChoices).containsExactly("—", "low", "high", "normal", "urgent");
        Browser.screenshot(driver, "ticket-priority-dot");

        driver.get(hub.url("/?view=pending"));
        WebElement corner = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".row[data-ticket='" + ticketId + "'] .prio-corner")));
        assertThat(corner.getAttribute("title")).isEqualTo("Priority: high");
        assertThat(css(corner, "borderTopColor")).isEqualTo("rgb(126, 34, 206)");
        assertThat(driver.findElement(By.cssSelector(".row[data-ticket='" + ticketId + "'] .pill")).getText()).isEqualTo("On hold");
        assertThat(driver.findElement(By.cssSelector("select[name=status]")).getText()).contains("On hold");
        Browser.screenshot(driver, "inbox-priority-corner");
    }

    @Test
    void newTicketDialog_startsTheTicketInTheStatusChosen() {
        hub.post("/api/statuses", Map.of("name", "Solved on the phone", "base", "resolved", "color", "#0f766e"));
        driver.get(hub.url("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-ticket-open"))).click();
        Select status = new Select(driver.findElement(By.cssSelector("#new-ticket-form select[name=status]")));
        assertThat(status.getFirstSelectedOption().getAttribute("value")).as("Open by default").isEqualTo("open");
        assertThat(status.getOptions()).extracting(WebElement::getText).contains("Solved on the phone")
                .doesNotContain("Postponed", "Closed");
        driver.findElement(By.name("subject")).sendKeys("Password reset by phone");
        driver.findElement(By.name("email")).sendKeys("caller@example.com");
        status.selectByVisibleText("Solved on the phone");
        driver.findElement(By.cssSelector("#new-ticket-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/tickets/\\d+$"));
        assertThat(driver.findElement(By.cssSelector(".head-pills .pill")).getText()).isEqualTo("Solved on the phone");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/tickets/", ""));
        assertThat(hub.get("/api/tickets/" + id).json().get("status").asText()).isEqualTo("resolved");
    }
}
