package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Import page in Chromium: an admin finds it in the admin menu, uploads a CSV and reads each line's outcome. */
class ImportBrowserTest {

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

    @Test
    void anAdminUploadsAFile_andSeesEachLinesOutcome_withLinksToTheContacts() throws Exception {
        Path file = Files.createTempFile("contacts", ".csv");
        Files.write(file, ("\uFEFFname;email;phone;company;category\r\n"
                + "Ann Archer;ann@acme.example;+33612345678;Acme;VIP client\r\n"
                + "Nobody;;;Acme;\r\n"
                + "Bad Phone;bad@acme.example;12;;\r\n").getBytes(StandardCharsets.UTF_8));

        driver.get(hub.url("/admin/agents"));
        driver.findElement(By.linkText("Import and export")).click();
        wait.until(ExpectedConditions.urlContains("/admin/import"));
        assertThat(driver.findElement(By.id("export-contacts")).getAttribute("href")).endsWith("/api/export/contacts");
        driver.findElement(By.id("import-file")).sendKeys(file.toString());
        driver.findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"), "1 created, 0 updated, 2 refused"));

        List<WebElement> rows = driver.findElements(By.cssSelector("#import-lines tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getText()).contains("2", "created");
        long ann = hub.app.transactions().read(h -> h.createQuery("select contact_id from contact_address "
                + "where value = 'ann@acme.example'").mapTo(Long.class).one());
        assertThat(rows.get(0).findElement(By.tagName("a")).getAttribute("href")).endsWith("/contacts/" + ann);
        assertThat(rows.get(1).getText()).contains("refused", "no address");
        assertThat(rows.get(2).getText()).contains("refused", "12");
        Browser.screenshot(driver, "pages-import");

        driver.findElement(By.id("import-file")).sendKeys(file.toString());
        driver.findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"), "0 created, 1 updated, 2 refused"));
        assertThat(driver.findElements(By.cssSelector("#import-lines tr")).get(0).getText()).contains("updated (no change)");

        driver.findElement(By.cssSelector("#import-lines tr a")).click();
        wait.until(ExpectedConditions.urlContains("/contacts/" + ann));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("ann@acme.example", "Acme",
                "imported the contact from a file");
        Browser.screenshot(driver, "pages-import-contact");
    }
}
