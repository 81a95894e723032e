package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff page in headless Chromium: a photo uploaded and shown; an agent with open tickets disabled through the dialog. */
class StaffBrowserTest {

    static TestHub hub;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
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

    private static void logInAsAdmin() {
        driver.get(hub.url("/login"));
        driver.findElement(By.name("email")).sendKeys(TestHub.ADMIN_EMAIL);
        driver.findElement(By.name("password")).sendKeys(TestHub.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @Test
    void adminUploadsAPhoto_andDisablesAnAgentWithOpenTickets_throughTheDialog() throws Exception {
        long ann = hub.post("/api/agents", Map.of("email", "ann@test.local", "name", "Ann Leaver", "password", "a long enough one"))
                .json().get("id").asLong();
        long bob = hub.post("/api/agents", Map.of("email", "bob@test.local", "name", "Bob Stays", "password", "a long enough one"))
                .json().get("id").asLong();
        long ticket = hub.inbound("b1", "Customer", "c@customer.test", "help").json().get("ticketId").asLong();
        hub.patch("/api/tickets/" + ticket, Map.of("assignee", ann));

        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics g = img.getGraphics();
        g.setColor(new Color(220, 120, 40));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        Path file = Files.createTempFile("photo", ".png");
        ImageIO.write(img, "png", file.toFile());

        logInAsAdmin();
        driver.get(hub.url("/admin/agents"));
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('[data-photo-upload]').forEach(i => i.hidden = false)");
        driver.findElement(By.cssSelector("[data-photo-upload='/api/agents/" + ann + "/photo']")).sendKeys(file.toString());
        wait.ignoring(StaleElementReferenceException.class).until(d ->
                !d.findElements(By.cssSelector("[data-photo='/api/agents/" + ann + "/photo'] img")).isEmpty());
        assertThat(hub.get("/api/agents/" + ann + "/photo").status()).isEqualTo(200);
        assertThat(driver.findElement(By.cssSelector("[data-photo='/api/agents/" + bob + "/photo']")).getText())
                .as("initials when there is no photo").isEqualTo("B");
        Browser.screenshot(driver, "staff-photo");

        driver.findElement(By.cssSelector("[data-disable='" + ann + "']")).click();
        wait.until(d -> d.findElement(By.id("disable-dialog")).isDisplayed());
        assertThat(driver.findElement(By.id("disable-count")).getText()).isEqualTo("1");
        Browser.screenshot(driver, "staff-disable-dialog");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("handover-agent"))).selectByValue(String.valueOf(bob));
        driver.findElement(By.id("disable-confirm")).click();
        wait.ignoring(StaleElementReferenceException.class).until(d ->
                d.findElement(By.cssSelector("main")).getText().contains("(disabled)"));
        assertThat(hub.get("/api/tickets/" + ticket).json().path("assignee").path("id").asLong()).isEqualTo(bob);
        Browser.screenshot(driver, "staff-disabled");
    }
}
