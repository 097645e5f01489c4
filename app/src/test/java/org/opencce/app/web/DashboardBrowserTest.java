package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.security.Passwords;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.store.UserStore.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium signs in through the form and sees the load chart drawn: the page's
 * script fetched the JSON, Chart.js has datasets with data, and the canvas has pixels. Skipped when
 * Chromium or ChromeDriver is not installed, unless {@code OPENCCE_REQUIRE_BROWSER=1}.
 */
class DashboardBrowserTest {

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
    void aSignedInUserSeesTheHourlyLoadChartDrawn() throws IOException {
        browser.get(site.base + "/console");
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fconsole");
        browser.findElement(By.name("username")).sendKeys("staff");
        browser.findElement(By.name("password")).sendKeys(new String(TestSite.password("staff")));
        browser.findElement(By.cssSelector("form.stacked-form button[type=submit]")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.getCurrentUrl().endsWith("/console"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "var c = document.getElementById('load-chart');"
                        + " return !!(window.Chart && c && Chart.getChart(c));")));

        @SuppressWarnings("unchecked")
        Map<String, Object> chart = (Map<String, Object>) js.executeScript(
                "var chart = Chart.getChart(document.getElementById('load-chart'));"
                        + " var data = chart.data.datasets.map(function (d) { return d.data.length; });"
                        + " var sum = chart.data.datasets.reduce(function (s, d) {"
                        + "   return s + d.data.reduce(function (a, b) { return a + b; }, 0); }, 0);"
                        + " return {type: chart.config.type, labels: chart.data.labels.length,"
                        + "   names: chart.data.datasets.map(function (d) { return d.label; }), points: data, sum: sum};");
        assertThat(chart.get("type")).isEqualTo("line");
        assertThat(((Number) chart.get("labels")).intValue()).isEqualTo(7 * 24);
        assertThat(chart.get("names")).isEqualTo(List.of("Amherst", "Northampton", "Pelham"));
        assertThat((List<?>) chart.get("points")).hasSize(3)
                .allSatisfy(n -> assertThat(((Number) n).intValue()).isEqualTo(7 * 24));
        double written = site.kwhWrittenIn("Amherst") + site.kwhWrittenIn("Northampton") + site.kwhWrittenIn("Pelham");
        assertThat(((Number) chart.get("sum")).doubleValue()).isCloseTo(written, within(1e-6));

        wait.until(d -> ((Number) js.executeScript(paintedPixels("load-chart"))).longValue() > 1000);
        wait.until(d -> ((Number) js.executeScript(paintedPixels("monthly-chart"))).longValue() > 1000);

        // Kept for people looking at a CI run: target/screenshots/dashboard.png.
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(screenshots.resolve("dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser console (CSP violations, script errors)").isEmpty();
    }

    @Test
    void changingTheWeekRedrawsTheChartForThatWeek() {
        browser.get(site.base + "/console?week=2025-01-06");
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.name("username")).sendKeys("staff");
            browser.findElement(By.name("password")).sendKeys(new String(TestSite.password("staff")));
            browser.findElement(By.cssSelector("form.stacked-form button[type=submit]")).click();
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "var c = document.getElementById('load-chart'); return !!(window.Chart && c && Chart.getChart(c));")));

        browser.findElement(By.cssSelector("a[aria-label='Previous week']")).click();

        wait.until(d -> d.findElement(By.id("week-panel")).getText().contains("Monday, December 30, 2024"));
        assertThat(browser.findElement(By.id("week-panel")).getText()).contains("No interval data for this week");
        wait.until(d -> d.getCurrentUrl().endsWith("/console?week=2024-12-30"));

        browser.findElement(By.cssSelector("a[aria-label='Next week']")).click();
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "var c = document.getElementById('load-chart'); return !!(c && Chart.getChart(c)"
                        + " && Chart.getChart(c).data.datasets.length === 3);")));
        assertThat(browser.findElement(By.id("week-panel")).getText()).contains("Monday, January 6, 2025");
    }

    @Test
    void aUserWithAOneTimePasswordChoosesAPasswordBeforeSeeingTheDashboard() {
        site.database.users().saveUser("otp-user", Passwords.hash("Wxyz-2345-6789-abcd".toCharArray()), true);
        site.database.users().grant("otp-user", Fixtures.VALLEY, Role.VIEWER);
        browser.manage().deleteAllCookies();
        browser.get(site.base + "/console");
        browser.findElement(By.name("username")).sendKeys("otp-user");
        browser.findElement(By.name("password")).sendKeys("Wxyz-2345-6789-abcd");
        browser.findElement(By.cssSelector("form.stacked-form button[type=submit]")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.getCurrentUrl().contains("/console/password"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Choose your password");
        browser.findElement(By.name("current")).sendKeys("Wxyz-2345-6789-abcd");
        browser.findElement(By.name("password")).sendKeys("maple-harbor-quilt");
        browser.findElement(By.name("repeat")).sendKeys("maple-harbor-quilt");
        browser.findElement(By.cssSelector("form.stacked-form button[type=submit]")).click();

        wait.until(d -> d.getCurrentUrl().endsWith("/console"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(site.database.users().find("otp-user").orElseThrow().mustChangePassword()).isFalse();
        // The other tests start signed out.
        browser.manage().deleteAllCookies();
    }

    @Test
    void theCampaignChartDrawsTheStatesByTownWithinTheContentSecurityPolicy() {
        // Alice (Amherst) enrolled, Carol (Northampton) notified; the other accounts have no history.
        Instant listed = Instant.parse("2024-11-01T14:00:00Z");
        List<EnrollmentEvent> events = new ArrayList<>();
        for (AccountId a : List.of(Fixtures.ALICE, Fixtures.CAROL)) {
            events.add(EnrollmentEvent.of(a, EventKind.LISTED_ELIGIBLE, listed, "system", Channel.SYSTEM));
            events.add(EnrollmentEvent.noticeMailed(a, listed, "system", Channel.MAIL, Fixtures.NOTICES_MAILED,
                    Fixtures.WINDOW_CLOSES));
        }
        events.add(EnrollmentEvent.ofProduct(Fixtures.ALICE, EventKind.ENROLLMENT_REQUESTED,
                Instant.parse("2024-12-23T14:00:00Z"), "system", Channel.SYSTEM, Fixtures.STANDARD));
        events.add(EnrollmentEvent.of(Fixtures.ALICE, EventKind.ENROLLMENT_SENT, Instant.parse("2024-12-24T14:00:00Z"),
                "system", Channel.EDI));
        events.add(EnrollmentEvent.of(Fixtures.ALICE, EventKind.ENROLLMENT_ACCEPTED,
                Instant.parse("2025-01-03T14:00:00Z"), "eversource", Channel.EDI));
        site.database.enrollments().inTransaction(Fixtures.VALLEY, tx -> {
            tx.lock(List.of(Fixtures.ALICE, Fixtures.CAROL));
            return tx.append(events);
        });
        try {
            drawCampaignChart();
        } finally {
            // The other tests start signed out.
            browser.manage().deleteAllCookies();
        }
    }

    private static void drawCampaignChart() {
        browser.get(site.base + "/console/campaign");
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.name("username")).sendKeys("staff");
            browser.findElement(By.name("password")).sendKeys(new String(TestSite.password("staff")));
            browser.findElement(By.cssSelector("form.stacked-form button[type=submit]")).click();
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "var c = document.getElementById('campaign-chart'); return !!(window.Chart && c && Chart.getChart(c));")));

        @SuppressWarnings("unchecked")
        Map<String, Object> chart = (Map<String, Object>) js.executeScript(
                "var chart = Chart.getChart(document.getElementById('campaign-chart'));"
                        + " return {type: chart.config.type, labels: chart.data.labels,"
                        + "   names: chart.data.datasets.map(function (d) { return d.label; }),"
                        + "   enrolled: chart.data.datasets[chart.data.datasets.length - 1].data};");
        assertThat(chart.get("type")).isEqualTo("bar");
        assertThat(chart.get("labels")).isEqualTo(List.of("Amherst", "Northampton"));
        assertThat(chart.get("names")).as("states with accounts only").isEqualTo(List.of("Notified", "Enrolled"));
        assertThat((List<?>) chart.get("enrolled")).extracting(n -> ((Number) n).intValue()).containsExactly(1, 0);
        wait.until(d -> ((Number) js.executeScript(paintedPixels("campaign-chart"))).longValue() > 1000);
        screenshot("campaign.png");
        browser.get(site.base + "/console/accounts/1");
        screenshot("account-timeline.png");
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser console (CSP violations, script errors)").isEmpty();
    }

    /** Kept for people looking at a CI run: target/screenshots/NAME. */
    private static void screenshot(String name) {
        try {
            Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(screenshots.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A script counting the canvas pixels that are not transparent: a blank canvas has none. */
    private static String paintedPixels(String canvasId) {
        return "var c = document.getElementById('" + canvasId + "'); if (!c) { return 0; }"
                + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
                + " for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } } return n;";
    }
}
