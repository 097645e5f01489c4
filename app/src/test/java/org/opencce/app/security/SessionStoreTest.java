package org.opencce.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.app.security.LoginThrottleTest.MovableClock;

/** Session expiry (idle and maximum age) and what the store is given, on a clock the test moves. */
class SessionStoreTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-15T13:00:00Z"));
    private final InMemoryConsoleSessions stored = new InMemoryConsoleSessions();
    private final SessionStore sessions = new SessionStore(clock, stored);

    @Test
    void theStoreKeepsOnlyTheSha256OfTheSessionId() {
        Session session = sessions.logIn(Optional.empty(), "staff");

        assertThat(stored.byHash).hasSize(1);
        String key = stored.byHash.keySet().iterator().next();
        assertThat(key).hasSize(64).isNotEqualTo(session.id()).doesNotContain(session.id());
        assertThat(stored.byHash.get(key).username()).isEqualTo("staff");
        assertThat(sessions.find(session.id())).map(s -> s.username().orElseThrow()).contains("staff");
        assertThat(sessions.find(key)).as("the hash is no session id").isEmpty();
    }

    @Test
    void aSessionUnusedForThirtyMinutesHasEnded() {
        Session session = sessions.logIn(Optional.empty(), "staff");

        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.id())).as("used after 29 minutes").isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.id())).as("58 minutes after start, 29 after the last use").isPresent();
        clock.advance(Duration.ofMinutes(30));

        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(stored.byHash).as("an expired session is deleted when presented").isEmpty();
    }

    @Test
    void noSessionOutlivesTwelveHoursHoweverBusy() {
        Session session = sessions.logIn(Optional.empty(), "staff");
        for (int i = 0; i < 12 * 4 - 1; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(sessions.find(session.id())).as("after %d minutes", (i + 1) * 15).isPresent();
        }

        clock.advance(Duration.ofMinutes(15));

        assertThat(sessions.find(session.id())).as("12 hours after sign-in").isEmpty();
    }

    @Test
    void expiredSessionsOfOthersArePurgedWhenSomeoneSignsIn() {
        sessions.logIn(Optional.empty(), "staff");
        clock.advance(Duration.ofMinutes(31));

        Session fresh = sessions.logIn(Optional.empty(), "viewer");

        assertThat(stored.byHash.values()).singleElement().satisfies(s -> assertThat(s.username()).isEqualTo("viewer"));
        assertThat(sessions.find(fresh.id())).isPresent();
    }

    @Test
    void signingInReplacesTheAnonymousSessionAndSigningOutEndsIt() {
        Session anonymous = sessions.startAnonymous();
        assertThat(stored.byHash).as("anonymous sessions stay in memory").isEmpty();

        Session signedIn = sessions.logIn(Optional.of(anonymous), "admin");
        assertThat(sessions.find(anonymous.id())).isEmpty();
        assertThat(signedIn.csrfToken()).isNotEqualTo(anonymous.csrfToken());

        sessions.end(signedIn.id());
        assertThat(sessions.find(signedIn.id())).isEmpty();
        assertThat(stored.byHash).isEmpty();
    }

    @Test
    void aSessionSurvivesANewSessionStoreOverTheSameStore() {
        Session session = sessions.logIn(Optional.empty(), "staff");

        SessionStore afterRestart = new SessionStore(clock, stored);

        assertThat(afterRestart.find(session.id())).hasValueSatisfying(s -> {
            assertThat(s.username()).contains("staff");
            assertThat(s.acceptsCsrfToken(session.csrfToken())).isTrue();
        });
    }

    @Test
    void anonymousSessionsAreBoundedInMemory() {
        for (int i = 0; i < SessionStore.MAX_ANONYMOUS + 10; i++) {
            sessions.startAnonymous();
        }

        assertThat(sessions.anonymousCount()).isLessThanOrEqualTo(SessionStore.MAX_ANONYMOUS);
    }
}
