package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.enrollment.InMemoryEnrollmentRequests.Applied;
import org.opencce.app.enrollment.PortalRequest.Kind;
import org.opencce.domain.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium opts a customer out through the portal: from the home page, through the
 * link, the form filled in as printed on Erin Eastman's bill, to the confirmation number. Skipped
 * when Chromium or ChromeDriver is not installed, unless {@code OPENCCE_REQUIRE_BROWSER=1}.
 */
class PortalBrowserTest {

    @TempDir
    static Path folder;
    static TestSite site;
    static WebDriver browser;

    // Starts an embedded PostgreSQL and Chromium (seconds here; a minute or more on a busy CI runner's first
    // run): more room than the 2-minute default, so a slow machine is not taken for a hang.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.requireInstalled();
        site = TestSite.start(folder);
        browser = HeadlessChromium.open(folder);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (site != null) {
                site.close();
            }
        }
    }

    @Test
    void aCustomerOptsOutFromTheHomePageAndGetsAConfirmationNumber() throws IOException {
        browser.get(site.base + "/");
        browser.findElement(By.linkText("Opt out, change product or join")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.getCurrentUrl().endsWith("/choose"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Opt out, change product or join");
        browser.findElement(By.id("account_number")).sendKeys("5409 876 5432");
        browser.findElement(By.id("zip")).sendKeys("01002");
        browser.findElement(By.cssSelector("input[name=kind][value=opt-out]")).click();
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(screenshots.resolve("portal-form.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.cssSelector("form.portal-form button[type=submit]")).click();

        wait.until(d -> !d.findElements(By.id("confirmation-number")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your opt-out is confirmed");
        List<Applied> applied = site.enrollment.applied();
        assertThat(applied).singleElement().satisfies(a -> {
            assertThat(a.account()).isEqualTo(Fixtures.ERIN);
            assertThat(a.request().kind()).isEqualTo(Kind.OPT_OUT);
        });
        assertThat(browser.findElement(By.id("confirmation-number")).getText())
                .isEqualTo(applied.get(0).confirmationNumber()).matches("VGE-\\d{6}");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Erin", "Eastman", "Amherst Rd");

        // Kept for people looking at a CI run: target/screenshots/portal-form.png and portal.png.
        Files.write(screenshots.resolve("portal.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser console (CSP violations, script errors)").isEmpty();
    }
}
