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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Companies in the pages: an admin searches the list, adds a category and a company, opens its card (its contacts
 * and tickets, open and closed), edits it in place, and puts a ticket under it from the ticket page; a specialist sees
 * the list without the forms.
 */
class CompaniesBrowserTest {

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

    private static void shot(WebDriver on, String name) throws Exception {
        Path saved = Browser.screenshot(on, "pages-" + name);
        Path shots = Path.of("/work/shots");
        if (Files.isDirectory(shots)) {
            Files.copy(saved, shots.resolve("pages-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void sql(String statement) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.execute(statement));
    }

    private static long contactOf(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().get("contact").get("id").asLong();
    }

    @Test
    void anAdminCreatesACompany_seesItsContactsAndTickets_editsIt_andPutsATicketUnderIt() throws Exception {
        hub.post("/api/companies", Map.of("name", "Zeta Existing", "domains", List.of("zeta.example")));
        long resolvedTicket = hub.inbound("co-b-1", "Wanda Wayne", "wanda@wayne.example", "Old question").json()
                .get("ticketId").asLong();
        long openTicket = hub.inbound("co-b-2", "Bruce Wayne", "bruce@wayne.example", "The cave door is stuck").json()
                .get("ticketId").asLong();
        long otherTicket = hub.inbound("co-b-3", "Clark Kent", "clark@planet.example", "Printer").json()
                .get("ticketId").asLong();

        driver.get(hub.url("/clients/companies"));
        assertThat(driver.findElement(By.cssSelector(".clients-tabs a.active")).getText()).isEqualTo("Companies");
        assertThat(driver.findElement(By.cssSelector(".clients-tabs a[href='/clients']")).getText()).isEqualTo("Contacts");
        assertThat(driver.findElement(By.id("clients-link")).getAttribute("class")).contains("active");

        driver.findElement(By.cssSelector("#category-add input[name=name]")).sendKeys("Reseller");
        driver.findElement(By.cssSelector("#category-add button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector(".category-list input[value='Reseller']")).size() == 1);

        WebElement form = driver.findElement(By.id("company-new"));
        form.findElement(By.name("name")).sendKeys("Wayne Enterprises");
        form.findElement(By.name("domains")).sendKeys("wayne.example, gmail.com");
        new Select(form.findElement(By.name("categoryId"))).selectByVisibleText("VIP client");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toast.error"), "free-mail"));
        WebElement domains = form.findElement(By.name("domains"));
        domains.clear();
        domains.sendKeys("wayne.example");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/companies/\\d+$"));
        long wayne = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/companies/", ""));
        assertThat(driver.findElement(By.id("company-name")).getText()).isEqualTo("Wayne Enterprises");
        assertThat(driver.findElement(By.id("company-category")).getText()).isEqualTo("VIP client");
        assertThat(driver.findElement(By.id("company-domains")).getText()).isEqualTo("wayne.example");

        // The contacts join the company (the contact card's work), then two tickets are put under it.
        sql("update contact set company_id = " + wayne + ", company_source = 'person' where id in ("
                + contactOf(resolvedTicket) + ", " + contactOf(openTicket) + ")");
        hub.patch("/api/tickets/" + resolvedTicket, Map.of("companyId", wayne));
        hub.post("/api/tickets/" + resolvedTicket + "/status", Map.of("status", "resolved"));
        hub.patch("/api/tickets/" + openTicket, Map.of("companyId", wayne));

        driver.navigate().refresh();
        WebElement contacts = driver.findElement(By.id("company-contacts"));
        assertThat(contacts.getText()).contains("Bruce Wayne", "Wanda Wayne");
        assertThat(contacts.findElement(By.linkText("Bruce Wayne")).getAttribute("href"))
                .endsWith("/contacts/" + contactOf(openTicket));
        assertThat(driver.findElement(By.id("open-tickets")).getText()).contains("The cave door is stuck")
                .doesNotContain("Old question");
        assertThat(driver.findElement(By.id("closed-tickets")).getText()).contains("Old question");
        assertThat(driver.findElement(By.cssSelector("#open-tickets a")).getAttribute("href")).endsWith("/tickets/" + openTicket);

        driver.findElement(By.cssSelector("#company-edit-box summary")).click();
        WebElement edit = driver.findElement(By.id("company-edit"));
        WebElement emails = edit.findElement(By.name("emails"));
        emails.sendKeys("office@wayne.example");
        edit.findElement(By.name("phones")).sendKeys("+1 415 555 2671");
        new Select(edit.findElement(By.name("manager"))).selectByVisibleText("Administrator");
        edit.findElement(By.name("notes")).sendKeys("Pays on time");
        WebElement editDomains = edit.findElement(By.name("domains"));
        editDomains.sendKeys("\nzeta.example");
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toast.error"), "belongs to company"));
        assertThat(editDomains.getAttribute("value")).as("one domain a line").isEqualTo("wayne.example\nzeta.example");
        editDomains = driver.findElement(By.cssSelector("#company-edit [name=domains]"));
        editDomains.clear();
        editDomains.sendKeys("wayne.example\nwayne-corp.example");
        driver.findElement(By.cssSelector("#company-edit button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("company-phones"), "+14155552671"));
        assertThat(driver.findElement(By.id("company-manager")).getText()).isEqualTo("Administrator");
        assertThat(driver.findElement(By.id("company-notes")).getText()).isEqualTo("Pays on time");
        assertThat(driver.findElement(By.id("company-history")).getText()).contains("created the company", "changed");
        JsonNode saved = hub.get("/api/companies/" + wayne).json();
        assertThat(saved.get("emails").toString()).isEqualTo("[\"office@wayne.example\"]");
        assertThat(saved.get("domains").toString()).isEqualTo("[\"wayne-corp.example\",\"wayne.example\"]");
        assertThat(saved.get("contactCount").asLong()).isEqualTo(2);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        shot(driver, "company-card");
        driver.findElement(By.cssSelector("#company-edit-box summary")).click();
        assertThat(driver.findElement(By.cssSelector("#company-edit [name=domains]")).getAttribute("value"))
                .isEqualTo("wayne-corp.example\nwayne.example");

        driver.get(hub.url("/clients/companies?q=wayne-corp"));
        assertThat(driver.findElements(By.cssSelector("#companies .company-link"))).extracting(WebElement::getText)
                .containsExactly("Wayne Enterprises");
        driver.get(hub.url("/clients/companies"));
        assertThat(driver.findElements(By.cssSelector("#companies .company-link"))).extracting(WebElement::getText)
                .as("in name order").containsSubsequence("Wayne Enterprises", "Zeta Existing");
        shot(driver, "companies");

        driver.get(hub.url("/tickets/" + otherTicket));
        assertThat(driver.findElement(By.id("ticket-company-link")).getText()).isEqualTo("none");
        new Select(driver.findElement(By.id("company-select"))).selectByVisibleText("Wayne Enterprises");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-company-link"), "Wayne Enterprises"));
        assertThat(driver.findElement(By.id("ticket-company-link")).getAttribute("href")).endsWith("/companies/" + wayne);
        assertThat(hub.get("/api/tickets/" + otherTicket).json().get("company").get("id").asLong()).isEqualTo(wayne);
        shot(driver, "ticket-company");

        driver.get(hub.url("/?view=open&company=" + wayne));
        assertThat(driver.findElement(By.id("company-filter")).getText()).contains("Wayne Enterprises");
        assertThat(driver.findElement(By.id("rows")).getText()).contains("The cave door is stuck", "Printer");
    }

    @Test
    void aSpecialistSeesTheListWithoutTheFormsAndOnlyTheCardsOfTheirTickets() throws Exception {
        long sam = hub.post("/api/agents", Map.of("email", "sam.browser@test.local", "name", "Sam Browser",
                "password", "blue tractor morning", "role", "specialist")).json().get("id").asLong();
        sql("delete from agent_group_member where agent_id = " + sam);
        long mine = hub.post("/api/companies", Map.of("name", "Sams Company")).json().get("id").asLong();
        long notMine = hub.post("/api/companies", Map.of("name", "Not Sams")).json().get("id").asLong();
        long ticket = hub.inbound("co-b-sam", "Sally", "sally@sams.example", "Hello").json().get("ticketId").asLong();
        hub.patch("/api/tickets/" + ticket, Map.of("companyId", mine, "assignee", sam));

        try (AdminBrowser specialist = AdminBrowser.logIn(hub, "sam.browser@test.local", "blue tractor morning")) {
            specialist.driver.get(hub.url("/clients/companies"));
            assertThat(specialist.driver.findElement(By.id("companies")).getText()).contains("Sams Company", "Not Sams");
            assertThat(specialist.driver.findElements(By.id("company-new"))).isEmpty();
            assertThat(specialist.driver.findElements(By.id("category-add"))).isEmpty();
            specialist.driver.get(hub.url("/companies/" + mine));
            assertThat(specialist.driver.findElement(By.id("company-name")).getText()).isEqualTo("Sams Company");
            assertThat(specialist.driver.findElements(By.id("company-edit"))).isEmpty();
            specialist.driver.get(hub.url("/companies/" + notMine));
            assertThat(specialist.driver.findElement(By.tagName("body")).getText()).contains("You cannot open this page");
        }
    }
}
