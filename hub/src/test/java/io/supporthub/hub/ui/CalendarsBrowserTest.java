package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar editor: an admin adds a calendar on /admin/calendars, edits a weekday's intervals and the exception
 * days, saves (the API has them), sees a wrong interval refused with the reason, reads the due-time preview, imports
 * public holidays (the imported days marked to check) and checks some of them.
 */
class CalendarsBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub();
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

    private static void shot(String name) throws Exception {
        Path saved = Browser.screenshot(driver, "pages-" + name);
        Path shots = Path.of("/work/shots");
        if (Files.isDirectory(shots)) {
            Files.copy(saved, shots.resolve("pages-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void setValue(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void anAdminAddsACalendar_editsHoursAndExceptions_andSeesThePreview() throws Exception {
        driver.get(hub.url("/admin/calendars"));
        assertThat(driver.findElement(By.cssSelector(".admin-nav")).getText()).contains("Service calendars");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("No calendars yet");
        driver.findElement(By.id("new-calendar-name")).sendKeys("Paris office");
        driver.findElement(By.id("new-calendar-zone")).sendKeys("Europe/Paris");
        driver.findElement(By.cssSelector("#calendar-add button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-editor")));
        assertThat(driver.findElement(By.id("hours-mon")).getAttribute("value")).isEqualTo("09:00-18:00");
        assertThat(driver.findElement(By.id("hours-sat")).getAttribute("value")).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".calendar-list")).getText()).contains("Paris office (default)");

        setValue("hours-mon", "09:00-13:00, 14:00-18:00");
        setValue("hours-sat", "10:00-23:59");
        setValue("calendar-exceptions", "2026-12-31 09:00-14:00\n2027-01-01 closed");
        driver.findElement(By.id("calendar-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Calendar saved"));
        // The edit asked for open tickets' planned times to be recomputed (this hub runs no background job).
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sla-recalculation-status"),
                "Recalculation asked for (calendar 'Paris office' changed)"));

        JsonNode stored = hub.get("/api/calendars").json().get(0);
        assertThat(stored.get("name").asText()).isEqualTo("Paris office");
        assertThat(stored.get("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(stored.get("hours").get("mon").toString()).isEqualTo("[[\"09:00\",\"13:00\"],[\"14:00\",\"18:00\"]]");
        assertThat(stored.get("hours").get("sat").toString()).isEqualTo("[[\"10:00\",\"24:00\"]]");
        assertThat(stored.get("exceptions").toString()).isEqualTo(
                "[{\"date\":\"2026-12-31\",\"hours\":[[\"09:00\",\"14:00\"]]},{\"date\":\"2027-01-01\",\"hours\":[]}]");

        wait.until(ExpectedConditions.textToBePresentInElementValue(By.id("hours-sat"), "10:00-24:00"));
        wait.until(d -> d.findElement(By.id("calendar-preview")).getText().contains("(Europe/Paris)"));
        String preview = driver.findElement(By.id("calendar-preview")).getText();
        assertThat(preview).matches("\\w{3}, \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} .* \\(Europe/Paris\\)");

        // the month view: the holiday and the shortened day are marked
        String towards = YearMonth.now().isAfter(YearMonth.of(2027, 1)) ? "month-prev" : "month-next";
        for (int i = 0; i < 240 && !driver.findElement(By.id("month-caption")).getText().equals("January 2027"); i++) {
            driver.findElement(By.id(towards)).click();
        }
        assertThat(driver.findElement(By.id("month-caption")).getText()).isEqualTo("January 2027");
        WebElement newYear = driver.findElement(By.cssSelector("#month-days td[data-date='2027-01-01']"));
        assertThat(newYear.getAttribute("class")).contains("exception-day", "closed-day");
        assertThat(newYear.getText()).contains("closed");
        assertThat(driver.findElement(By.cssSelector("#month-days td[data-date='2027-01-02']")).getAttribute("class"))
                .as("a Saturday with hours").doesNotContain("closed-day");
        assertThat(driver.findElement(By.cssSelector("#month-days td[data-date='2027-01-03']")).getAttribute("class"))
                .as("a closed Sunday").contains("closed-day").doesNotContain("exception-day");
        driver.findElement(By.id("month-prev")).click();
        WebElement lastDay = driver.findElement(By.cssSelector("#month-days td[data-date='2026-12-31']"));
        assertThat(lastDay.getAttribute("class")).contains("exception-day").doesNotContain("closed-day");
        assertThat(lastDay.getText()).contains("09:00-14:00");
        shot("admin-calendars-month");

        setValue("hours-tue", "18:00-09:00");
        driver.findElement(By.id("calendar-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toast.error"),
                "end must be after the start"));
        assertThat(hub.get("/api/calendars").json().get(0).get("hours").get("tue").toString())
                .isEqualTo("[[\"09:00\",\"18:00\"]]");
        shot("admin-calendars");

        // the holiday import: Russia 2027 next to the admin's own 2027-01-01, which is kept
        new Select(driver.findElement(By.id("holiday-country"))).selectByValue("RU");
        setValue("holiday-year", "2027");
        driver.findElement(By.cssSelector("#holiday-import button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("holiday-result"), "Added"));
        assertThat(driver.findElement(By.id("holiday-result")).getText()).startsWith("Added 12, skipped 1 (2027-01-01");
        assertThat(driver.findElement(By.id("month-caption")).getText()).isEqualTo("January 2027");
        assertThat(driver.findElement(By.cssSelector("#month-days td[data-date='2027-01-04']")).getAttribute("class"))
                .contains("exception-day", "closed-day", "imported-day");
        assertThat(driver.findElement(By.cssSelector("#month-days td[data-date='2027-01-01']")).getAttribute("class"))
                .doesNotContain("imported-day");
        assertThat(driver.findElement(By.id("imported-list")).getText())
                .contains("imported, check it 2027-01-04 New Year's Day", "2027-02-23 Defender of the Fatherland")
                .doesNotContain("2027-01-01");
        assertThat(driver.findElement(By.id("calendar-exceptions")).getAttribute("value"))
                .contains("2027-01-01 closed\n", "2027-01-07 closed # Christmas");
        shot("admin-calendars-imported");

        // the admin edits one imported day and marks another checked; the rest stay imported
        String text = driver.findElement(By.id("calendar-exceptions")).getAttribute("value");
        setValue("calendar-exceptions", text.replace("2027-01-07 closed # Christmas", "2027-01-07 10:00-14:00 # Christmas"));
        driver.findElement(By.cssSelector("[data-checked='2027-02-23']")).click();
        assertThat(driver.findElement(By.id("imported-list")).getText()).doesNotContain("2027-01-07", "2027-02-23")
                .contains("2027-01-08");
        setValue("hours-tue", "09:00-18:00");
        driver.findElement(By.id("calendar-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Calendar saved"));
        java.util.Map<String, JsonNode> days = new java.util.HashMap<>();
        hub.get("/api/calendars").json().get(0).get("exceptions").forEach(day -> days.put(day.get("date").asText(), day));
        assertThat(days.get("2027-01-07").toString())
                .isEqualTo("{\"date\":\"2027-01-07\",\"hours\":[[\"10:00\",\"14:00\"]],\"name\":\"Christmas\"}");
        assertThat(days.get("2027-02-23").has("imported")).isFalse();
        assertThat(days.get("2027-01-04").get("imported").asBoolean()).isTrue();
        assertThat(days.get("2027-01-01").has("imported")).isFalse();
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#imported-list li")));
        assertThat(driver.findElement(By.id("imported-list")).getText()).contains("2027-01-04")
                .doesNotContain("2027-01-07", "2027-02-23");
        assertThat(driver.findElement(By.id("month-caption")).getText()).as("opens on the first day to check")
                .isEqualTo("January 2027");
        shot("admin-calendars-checked");
    }
}
