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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contacts in Chromium: the Clients list and its search, the contact card (notes, company), the ticket page's customer
 * panel renaming the customer and adding a phone in place, a phone of another contact offering the merge, the merge's
 * confirmation with both contacts side by side, and the merged card's marker; a specialist's 403 page says why.
 */
class ContactsBrowserTest {

    static TestHub hub;
    static AdminBrowser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of("DEFAULT_PHONE_REGION", "FR"), false, Instant.parse("2026-11-02T09:00:00Z"));
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
        Path saved = Browser.screenshot(driver, "contacts-" + name);
        Path shots = Path.of("/work/shots");
        if (Files.isDirectory(shots)) {
            Files.copy(saved, shots.resolve("contacts-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long contactOf(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().get("contact").get("id").asLong();
    }

    private static List<String> values(long contactId) {
        List<String> values = new ArrayList<>();
        hub.get("/api/contacts/" + contactId).json().get("addresses").forEach(a -> values.add(a.get("value").asText()));
        return values;
    }

    @Test
    void theListTheCardTheCustomerPanelAndAMergeConfirmedSideBySide() throws Exception {
        long paulaTicket = hub.inbound("browser-paula", "Paula Panel", "paula@example.com", "The printer jams").json()
                .get("ticketId").asLong();
        long paula = contactOf(paulaTicket);
        long quentinTicket = hub.inbound("browser-quentin", "Quentin Phone", "quentin@example.com", "Call me back").json()
                .get("ticketId").asLong();
        long quentin = contactOf(quentinTicket);
        assertThat(hub.post("/api/contacts/" + quentin + "/addresses", Map.of("kind", "phone", "value", "+33 6 12 34 56 99"))
                .status()).isEqualTo(201);
        long acme = hub.app.transactions().inTransaction((handle, afterCommit) -> handle.createQuery(
                "insert into company (name) values ('Acme Printers') returning id").mapTo(Long.class).one());

        // The Clients list, its tabs and its search.
        driver.get(hub.url("/"));
        driver.findElement(By.id("clients-link")).click();
        wait.until(ExpectedConditions.urlContains("/clients"));
        assertThat(driver.findElement(By.cssSelector(".clients-tabs a.active")).getText()).isEqualTo("Contacts");
        assertThat(driver.findElement(By.cssSelector(".clients-tabs a[href='/clients/companies']")).getText()).isEqualTo("Companies");
        assertThat(driver.findElement(By.id("contacts-table")).getText()).contains("Paula Panel", "Quentin Phone", "+33612345699");
        driver.findElement(By.id("clients-q")).sendKeys("paula");
        driver.findElement(By.cssSelector("#contact-search-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#contacts-table tr[data-contact]")).size() == 1);
        shot("list");
        driver.findElement(By.linkText("Paula Panel")).click();

        // The card: its ticket, its address; notes and company saved from it.
        wait.until(ExpectedConditions.urlContains("/contacts/" + paula));
        assertThat(driver.findElement(By.id("contact-tickets")).getText()).contains("The printer jams");
        assertThat(driver.findElement(By.id("address-list")).getText()).contains("paula@example.com");
        driver.findElement(By.id("contact-notes")).sendKeys("Prints a lot on Fridays");
        driver.findElement(By.id("contact-notes-save")).click();
        wait.until(d -> "Prints a lot on Fridays".equals(hub.get("/api/contacts/" + paula).json().get("notes").asText()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contact-company")));
        wait.until(d -> d.findElement(By.id("contact-history")).getText().contains("changed the notes"));
        new Select(driver.findElement(By.id("contact-company"))).selectByVisibleText("Acme Printers");
        wait.until(d -> hub.get("/api/contacts/" + paula).json().get("company").path("id").asLong() == acme);
        wait.until(d -> d.findElement(By.id("contact-history")).getText().contains("put it in the company Acme Printers"));
        shot("card");

        // The ticket page's customer panel: a link to the card; rename and add a phone in place.
        driver.get(hub.url("/tickets/" + paulaTicket));
        assertThat(driver.findElement(By.id("customer-link")).getAttribute("href")).endsWith("/contacts/" + paula);
        driver.findElement(By.id("customer-edit")).click();
        WebElement rename = driver.findElement(By.cssSelector("#customer-rename input[name=name]"));
        rename.clear();
        rename.sendKeys("Paula Printer");
        driver.findElement(By.cssSelector("#customer-rename button")).click();
        wait.until(d -> pageText(d, "#customer-link").contains("Paula Printer"));
        driver.findElement(By.id("customer-edit")).click();
        new Select(driver.findElement(By.cssSelector("#customer-address select[name=kind]"))).selectByValue("phone");
        driver.findElement(By.cssSelector("#customer-address input[name=value]")).sendKeys("06 12 34 56 88");
        driver.findElement(By.cssSelector("#customer-address button")).click();
        wait.until(d -> pageText(d, "#customer-card .addresses").contains("+33612345688"));
        assertThat(values(paula)).contains("+33612345688");

        // Quentin's phone: the panel says whose it is and offers the merge.
        driver.findElement(By.id("customer-edit")).click();
        new Select(driver.findElement(By.cssSelector("#customer-address select[name=kind]"))).selectByValue("phone");
        driver.findElement(By.cssSelector("#customer-address input[name=value]")).sendKeys("06 12 34 56 99");
        driver.findElement(By.cssSelector("#customer-address button")).click();
        WebElement offer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#customer-card .merge-offer")));
        assertThat(driver.findElement(By.cssSelector("#customer-card .address-taken")).getText())
                .contains("contact #" + quentin);
        shot("panel-address-taken");
        offer.click();

        // The confirmation: both contacts side by side, the company chosen, then the merge.
        wait.until(ExpectedConditions.urlContains("/contacts/" + paula + "/merge?into=" + quentin));
        WebElement source = driver.findElement(By.id("merge-source"));
        WebElement target = driver.findElement(By.id("merge-target"));
        assertThat(source.getText()).contains("Paula Printer", "paula@example.com", "+33612345688", "Acme Printers");
        assertThat(source.findElement(By.cssSelector(".merge-tickets")).getText()).isEqualTo("1");
        assertThat(target.getText()).contains("Quentin Phone", "+33612345699", "Private person");
        assertThat(values(quentin)).as("nothing merged before the confirmation").doesNotContain("paula@example.com");
        driver.findElement(By.cssSelector("#merge-form input[name=company][value=source]")).click();
        shot("merge-confirmation");
        driver.findElement(By.id("merge-confirm")).click();

        wait.until(ExpectedConditions.urlToBe(hub.url("/contacts/" + quentin)));
        assertThat(driver.findElement(By.id("address-list")).getText()).contains("paula@example.com", "+33612345688", "+33612345699");
        assertThat(driver.findElement(By.id("contact-tickets")).getText()).contains("The printer jams", "Call me back");
        assertThat(driver.findElement(By.id("contact-history")).getText()).contains("merged Paula Printer (#" + paula + ") into it");
        assertThat(new Select(driver.findElement(By.id("contact-company"))).getFirstSelectedOption().getText()).isEqualTo("Acme Printers");
        JsonNode merged = hub.get("/api/contacts/" + paula).json();
        assertThat(merged.get("mergedInto").get("id").asLong()).isEqualTo(quentin);

        driver.get(hub.url("/contacts/" + paula));
        assertThat(driver.findElement(By.id("merged-banner")).getText()).contains("Merged into", "Quentin Phone");
        assertThat(driver.findElements(By.id("merge-open"))).as("a merged contact is not merged again").isEmpty();
        shot("merged-card");
        driver.findElement(By.id("merged-into-link")).click();
        wait.until(ExpectedConditions.urlToBe(hub.url("/contacts/" + quentin)));
    }

    @Test
    void aContactCreatedFromTheListOpensItsCard_whereAnAddressIsAddedAndRemoved() throws Exception {
        driver.get(hub.url("/clients"));
        driver.findElement(By.id("contact-new-open")).click();
        driver.findElement(By.cssSelector("#contact-new input[name=name]")).sendKeys("Nora New");
        driver.findElement(By.cssSelector("#contact-new input[name=phone]")).sendKeys("06 12 34 56 77");
        driver.findElement(By.cssSelector("#contact-new button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/contacts/[0-9]+$"));
        long nora = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/contacts/", ""));
        assertThat(driver.findElement(By.id("contact-name")).getAttribute("value")).isEqualTo("Nora New");
        assertThat(driver.findElement(By.id("address-list")).getText()).contains("+33612345677");

        new Select(driver.findElement(By.cssSelector("#address-add select[name=kind]"))).selectByValue("email");
        driver.findElement(By.cssSelector("#address-add input[name=value]")).sendKeys("Nora@Example.com");
        driver.findElement(By.cssSelector("#address-add button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("address-list"), "nora@example.com"));
        new Select(driver.findElement(By.cssSelector("#address-add select[name=kind]"))).selectByValue("phone");
        driver.findElement(By.cssSelector("#address-add input[name=value]")).sendKeys("12");
        driver.findElement(By.cssSelector("#address-add button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toast.error"), "not a valid phone number"));

        driver.findElement(By.cssSelector("#address-list li:first-child .address-remove")).click();
        driver.switchTo().alert().accept();
        wait.until(d -> !d.findElement(By.id("address-list")).getText().contains("+33612345677"));
        assertThat(values(nora)).containsExactly("nora@example.com");
        assertThat(driver.findElement(By.id("contact-history")).getText()).contains("removed the phone +33612345677",
                "added the email nora@example.com", "created the contact");

        // "Merge into…" first finds the other contact; nothing happens before the confirmation, and Cancel leaves both.
        long otto = hub.post("/api/contacts", Map.of("name", "Otto Other", "email", "otto@example.com")).json().get("id").asLong();
        driver.findElement(By.id("merge-open")).click();
        wait.until(ExpectedConditions.urlContains("/contacts/" + nora + "/merge"));
        driver.findElement(By.id("merge-search")).sendKeys("otto@");
        WebElement compare = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#merge-results li a")));
        assertThat(driver.findElement(By.id("merge-results")).getText()).contains("Otto Other #" + otto).doesNotContain("Nora");
        shot("merge-pick");
        compare.click();
        wait.until(ExpectedConditions.urlContains("into=" + otto));
        assertThat(driver.findElement(By.id("merge-target")).getText()).contains("Otto Other", "otto@example.com");
        driver.findElement(By.linkText("Cancel")).click();
        wait.until(ExpectedConditions.urlToBe(hub.url("/contacts/" + nora)));
        assertThat(hub.get("/api/contacts/" + otto).json().get("history")).hasSize(1);
        assertThat(hub.get("/api/contacts/" + nora).json().get("mergedInto").isNull()).isTrue();
    }

    @Test
    void aSpecialistOpeningAnUnrelatedCardOrTheMergeSeesWhyNot() {
        long ticket = hub.inbound("browser-rights", "Rosa Rights", "rosa@example.com", "Hello").json().get("ticketId").asLong();
        long rosa = contactOf(ticket);
        long sid = hub.post("/api/agents", Map.of("email", "sid@test.local", "name", "Sid Specialist", "password",
                "a long enough password", "role", "specialist")).json().get("id").asLong();
        // Out of the first line's queue, where the ticket is: nothing relates Sid to Rosa.
        hub.app.transactions().inTransaction((handle, afterCommit) ->
                handle.execute("delete from agent_group_member where agent_id = ?", sid));
        try (AdminBrowser specialist = AdminBrowser.logIn(hub, "sid@test.local", "a long enough password")) {
            specialist.driver.get(hub.url("/contacts/" + rosa));
            String page = specialist.driver.findElement(By.tagName("body")).getText();
            assertThat(page).contains("Not for your role", "a specialist sees the card of a contact only when");
            assertThat(page).doesNotContain("rosa@example.com");
            specialist.driver.get(hub.url("/contacts/" + rosa + "/merge"));
            assertThat(specialist.driver.findElement(By.tagName("body")).getText())
                    .contains("only a senior specialist or an administrator may merge contacts");
            specialist.driver.get(hub.url("/clients"));
            assertThat(specialist.driver.findElement(By.id("contacts-table")).getText()).contains("Rosa Rights");
        }
    }

    /**
     * The element's text read inside the page in one step: the customer panel is drawn again after each edit, and an
     * element found first and read after may be gone by then (Chromium then answers "Node ... does not belong to the
     * document", which the wait does not take for a stale element).
     */
    private static String pageText(org.openqa.selenium.WebDriver driver, String selector) {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", selector);
        return text == null ? "" : text.toString();
    }
}
