package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.store.AuditLog;

/**
 * Signing in to the console and what protects it: redirects to the sign-in page, wrong passwords,
 * session cookies, CSRF tokens, roles. Failed sign-ins here stay well below the throttle's limit
 * (see {@link LoginRateLimitTest}).
 */
class ConsoleSecurityTest {
    @TempDir
    static Path folder;
    static TestSite site;

    // Starts an embedded PostgreSQL for the class (seconds here; on a busy CI runner's first run, which
    // unpacks the server and runs initdb, a minute or more): more room than the 2-minute default, so a slow
    // machine is not taken for a hang.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void startSite() {
        site = TestSite.start(folder);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void theConsoleSendsAnonymousBrowsersToTheSignInPageAndBack() {
        HttpResponse<String> response = site.client().get("/console/accounts?town=Amherst");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/login?next=%2Fconsole%2Faccounts%3Ftown%3DAmherst");
    }

    @Test
    void theConsoleApiAnswers401WithoutASession() {
        HttpResponse<String> response = site.client().get("/api/console/load?from=2025-01-06&to=2025-01-07");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"status\":401", "Sign in");
    }

    @Test
    void aWrongPasswordIsRejectedAndLeavesTheBrowserSignedOut() {
        WebClient browser = site.client();

        HttpResponse<String> response = browser.attemptLogIn("staff", "not-the-password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Wrong user name or password.");
        assertThat(browser.get("/console").statusCode()).isEqualTo(303);
        assertThat(recentActions()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("staff");
            assertThat(e.action()).isEqualTo("login-failed");
            assertThat(e.detail()).doesNotContain("not-the-password");
        });
    }

    @Test
    void signingInOpensTheDashboardWithTheUsersRole() {
        WebClient browser = site.client();
        browser.get("/login?next=%2Fconsole%3Fweek%3D2025-01-06");

        HttpResponse<String> response = browser.post("/login", Map.of("username", "staff",
                "password", new String(TestSite.password("staff")), "next", "/console?week=2025-01-06"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/console?week=2025-01-06");
        HttpResponse<String> dashboard = browser.get("/console?week=2025-01-06");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<h1>Dashboard</h1>", "Hourly load by town", "staff", "Staff",
                "Sign out");
        assertThat(recentActions()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("staff");
            assertThat(e.action()).isEqualTo("login");
        });
    }

    @Test
    void theSignInPageIgnoresADestinationOutsideTheConsole() {
        WebClient browser = site.client();
        browser.get("/login");

        HttpResponse<String> response = browser.post("/login", Map.of("username", "staff",
                "password", new String(TestSite.password("staff")), "next", "//evil.example/console"));

        assertThat(response.headers().firstValue("Location")).hasValue("/console");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndIsReplacedAtSignIn() {
        WebClient browser = site.client();
        HttpResponse<String> form = browser.get("/login");
        String before = browser.sessionCookie();
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(SessionCookie.NAME + "=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Secure");

        HttpResponse<String> signIn = browser.post("/login", Map.of("username", "viewer",
                "password", new String(TestSite.password("viewer"))));

        String after = browser.sessionCookie();
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .contains("HttpOnly", "SameSite=Strict"));
        assertThat(after).isNotNull().isNotEqualTo(before);
        // The id handed out before sign-in is worth nothing now (no session fixation).
        assertThat(site.client().get("/console", "Cookie", SessionCookie.NAME + "=" + before).statusCode())
                .isEqualTo(303);
        assertThat(site.client().get("/console", "Cookie", SessionCookie.NAME + "=" + after).statusCode())
                .isEqualTo(200);
    }

    @Test
    void xForwardedProtoFromAClientThatIsNoTrustedProxyIsIgnored() {
        // Behind a trusted proxy it counts (LoginRateLimitTest); here nobody is trusted.
        HttpResponse<String> form = site.client().get("/login", "X-Forwarded-Proto", "https");

        assertThat(form.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                c -> assertThat(c).contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure"));
        assertThat(form.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        WebClient browser = site.signedIn("staff");

        HttpResponse<String> logout = browser.postRaw("/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(logout.body()).contains("security token (CSRF protection)");
        assertThat(browser.get("/console").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> forged = browser.postRaw("/logout", Map.of("csrf", "forged-token"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theSignInFormItselfNeedsItsCsrfToken() {
        WebClient browser = site.client();
        browser.get("/login");

        HttpResponse<String> response = browser.postRaw("/login", Map.of("username", "staff",
                "password", new String(TestSite.password("staff"))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console").statusCode()).isEqualTo(303);
    }

    @Test
    void theCsrfTokenIsAcceptedInTheHeaderHtmxSends() {
        WebClient browser = site.signedIn("staff");
        String page = browser.get("/console").body();
        String token = browser.csrfToken();
        assertThat(page).contains("hx-headers=\"{&#34;X-CSRF-Token&#34;: &#34;" + token + "&#34;}\"");

        HttpResponse<String> response = browser.postRaw("/logout", Map.of(), "X-CSRF-Token", token);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?signed-out");
    }

    @Test
    void signingOutEndsTheSession() {
        WebClient browser = site.signedIn("admin");
        String session = browser.sessionCookie();
        browser.get("/console");

        HttpResponse<String> response = browser.post("/logout", Map.of());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(site.client().get("/console", "Cookie", SessionCookie.NAME + "=" + session).statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/login?signed-out").body()).contains("You are signed out.");
    }

    @Test
    void aUserWithoutARoleInTheProgramIsForbidden() {
        WebClient browser = site.signedIn("outsider");

        HttpResponse<String> page = browser.get("/console");
        HttpResponse<String> api = browser.get("/api/console/load?from=2025-01-06&to=2025-01-07");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("no role", "outsider", "action=\"/logout\"");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/accounts/1").body()).doesNotContain("Alice Abbott");
    }

    @Test
    void anExpiredOrUnknownSessionIsTreatedAsSignedOut() {
        HttpResponse<String> response = site.client().get("/console", "Cookie", SessionCookie.NAME + "=made-up");

        assertThat(response.statusCode()).isEqualTo(303);
    }

    @Test
    void consolePagesAreNotCached() {
        HttpResponse<String> dashboard = site.signedIn("staff").get("/console");

        assertThat(dashboard.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static List<AuditLog.Entry> recentActions() {
        return site.database.audit().recent(Fixtures.VALLEY, 200);
    }
}
