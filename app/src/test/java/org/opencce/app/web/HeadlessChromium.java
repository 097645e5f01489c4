package org.opencce.app.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The browser of the browser tests: Debian's headless Chromium driven by its own ChromeDriver, with the
 * browser console's messages kept so a test can check that a page logged no error. A test class calls
 * {@link #requireInstalled()} first: without Chromium it is skipped with a message, unless
 * {@code OPENCCE_REQUIRE_BROWSER=1} (as in CI), where it fails.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the calling test class when Chromium or ChromeDriver is missing, or fails it where the browser is required. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "Chromium (" + CHROMIUM + ") or ChromeDriver (" + CHROMEDRIVER + ") is not installed;"
                    + " install them with: apt-get install -y chromium chromium-driver";
            if ("1".equals(System.getenv("OPENCCE_REQUIRE_BROWSER"))) {
                fail(message + " (OPENCCE_REQUIRE_BROWSER=1 requires the browser test)");
            }
            Assumptions.abort(message + ". Skipping the browser test.");
        }
    }

    /** A new headless browser 1280 × 1800 pixels, its profile in a new folder under {@code folder}. */
    static WebDriver open(Path folder) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1800", "--user-data-dir=" + Files.createTempDirectory(folder, "chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // An explicit driver: Selenium Manager never looks for or downloads one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }
}
