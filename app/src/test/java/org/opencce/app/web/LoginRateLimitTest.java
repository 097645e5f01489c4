package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.security.Cidr;
import org.opencce.app.security.LoginThrottle;
import org.opencce.app.security.TrustedProxies;
import org.opencce.domain.Fixtures;
import org.opencce.store.AuditLog;

/**
 * Password guessing is throttled per (address, user name) without locking the real user out. The
 * site sits behind a trusted proxy on 127.0.0.1, so that each test client can come from an address
 * of its own through {@code X-Forwarded-For}.
 */
class LoginRateLimitTest {
    @TempDir
    static Path folder;
    static TestSite site;

    // Starts an embedded PostgreSQL for the class (seconds here; on a busy CI runner's first run, which
    // unpacks the server and runs initdb, a minute or more): more room than the 2-minute default, so a slow
    // machine is not taken for a hang.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void startSite() {
        site = TestSite.start(folder, new TrustedProxies(List.of(Cidr.parse("127.0.0.1"))));
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void afterFiveFailuresTheGuesserWaitsButTheRealAdminFromAnotherAddressSignsIn() {
        WebClient guesser = site.client().withHeader("X-Forwarded-For", "198.51.100.66");
        for (int i = 1; i <= LoginThrottle.FREE_FAILURES + 1; i++) {
            assertThat(guesser.attemptLogIn("admin", "guess-" + i).statusCode()).as("attempt %d", i).isEqualTo(401);
        }

        HttpResponse<String> blocked = guesser.attemptLogIn("admin", new String(TestSite.password("admin")));

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many failed sign-in attempts. Try again after");
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(guesser.get("/console").statusCode()).as("not signed in").isEqualTo(303);

        WebClient admin = site.client().withHeader("X-Forwarded-For", "203.0.113.10");
        admin.logIn("admin", new String(TestSite.password("admin")));
        assertThat(admin.get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void eachLockoutIsAuditedOnceAndRefusedAttemptsAreNot() {
        WebClient guesser = site.client().withHeader("X-Forwarded-For", "198.51.100.77");
        for (int i = 1; i <= LoginThrottle.FREE_FAILURES + 1; i++) {
            guesser.attemptLogIn("staff", "guess-" + i);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.attemptLogIn("staff", "more-guesses").statusCode()).isEqualTo(429);
        }

        List<AuditLog.Entry> lockouts = site.database.audit().recent(Fixtures.VALLEY, 500).stream()
                .filter(e -> e.action().equals("login-locked-out") && e.detail().contains("198.51.100.77")).toList();
        assertThat(lockouts).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("staff");
            assertThat(e.detail()).startsWith("staff from 198.51.100.77 after 5 failed attempts, until ");
        });
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotEscapeTheThrottleByForgingXForwardedFor() {
        // A second site without trusted proxies: every request comes from 127.0.0.1, whatever it claims.
        try (TestSite direct = TestSite.start(folder.resolve("direct"))) {
            for (int i = 1; i <= LoginThrottle.FREE_FAILURES + 1; i++) {
                direct.client().withHeader("X-Forwarded-For", "192.0.2." + i).attemptLogIn("viewer", "guess-" + i);
            }

            HttpResponse<String> next = direct.client().withHeader("X-Forwarded-For", "192.0.2.99")
                    .attemptLogIn("viewer", "another-guess");

            assertThat(next.statusCode()).isEqualTo(429);
            assertThat(direct.database.audit().recent(Fixtures.VALLEY, 50)).anySatisfy(
                    e -> assertThat(e.detail()).startsWith("viewer from 127.0.0.1 after 5 failed attempts"));
        }
    }

    @Test
    void aTrustedProxysXForwardedProtoMakesTheCookieSecure() {
        HttpResponse<String> form = site.client().get("/login", "X-Forwarded-Proto", "https");

        assertThat(form.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Strict"));
        assertThat(form.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }
}
