package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.security.LoginThrottle;
import org.opencce.domain.Fixtures;

/**
 * Password guessing is throttled: after ten failed sign-ins in five minutes the form answers 429,
 * even to the right password, and says when to try again. A site of its own, because the throttle
 * then blocks every sign-in from this machine.
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
        site = TestSite.start(folder);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void theEleventhAttemptAfterTenFailuresIsRefusedWith429() {
        WebClient guesser = site.client();
        for (int i = 1; i <= LoginThrottle.DEFAULT_MAX_FAILURES; i++) {
            HttpResponse<String> attempt = guesser.attemptLogIn("staff", "guess-" + i);
            assertThat(attempt.statusCode()).as("attempt %d", i).isEqualTo(401);
        }

        HttpResponse<String> blocked = guesser.attemptLogIn("staff", new String(TestSite.password("staff")));

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many failed sign-in attempts. Try again after");
        assertThat(blocked.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 300L));
        assertThat(guesser.get("/console").statusCode()).as("not signed in").isEqualTo(303);
        assertThat(site.database.audit().recent(Fixtures.VALLEY, 50))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("login-throttled"));
    }
}
