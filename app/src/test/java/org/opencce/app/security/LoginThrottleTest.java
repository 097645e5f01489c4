package org.opencce.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's rules, one at a time, on a clock the test moves. */
class LoginThrottleTest {
    private static final String GUESSER = "198.51.100.66";
    private static final String OFFICE = "203.0.113.10";
    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-15T15:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fourFailuresAreFreeAndTheFifthCostsOneSecond() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure(GUESSER, "admin")).as("failure %d", i + 1).isEmpty();
            assertThat(throttle.retryAfter(GUESSER, "admin")).isEmpty();
        }

        assertThat(throttle.recordFailure(GUESSER, "admin")).singleElement().satisfies(lockout -> {
            assertThat(lockout.who()).isEqualTo("admin from " + GUESSER);
            assertThat(lockout.failures()).isEqualTo(5);
            assertThat(lockout.until()).isEqualTo(clock.instant().plusSeconds(1));
        });
        assertThat(throttle.retryAfter(GUESSER, "admin")).contains(clock.instant().plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter(GUESSER, "admin")).isEmpty();
    }

    @Test
    void theDelayDoublesWithEachFurtherFailureUpToFifteenMinutes() {
        long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(GUESSER, "admin");
        }
        for (long seconds : expectedSeconds) {
            throttle.recordFailure(GUESSER, "admin");
            assertThat(throttle.retryAfter(GUESSER, "admin")).contains(clock.instant().plusSeconds(seconds));
            clock.advance(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void theRealUserFromAnotherAddressIsNeverHeldBack() {
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(15));
            throttle.recordFailure(GUESSER, "Admin");
        }

        assertThat(throttle.retryAfter(GUESSER, "admin")).as("names ignore case").isPresent();
        assertThat(throttle.retryAfter(OFFICE, "admin")).isEmpty();
    }

    @Test
    void oneAddressSprayingManyNamesIsHeldBackForAllNamesButOtherAddressesAreNot() {
        for (int i = 1; i <= LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            assertThat(throttle.recordFailure(GUESSER, "user" + i)).isEmpty();
        }

        assertThat(throttle.recordFailure(GUESSER, "user-last")).singleElement()
                .satisfies(lockout -> assertThat(lockout.who()).isEqualTo("any user from " + GUESSER));
        assertThat(throttle.retryAfter(GUESSER, "someone-new")).isPresent();
        assertThat(throttle.retryAfter(OFFICE, "someone-new")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsItsPairAndQuietKeysAreForgottenAfterADay() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(GUESSER, "staff");
            throttle.recordFailure(OFFICE, "viewer");
        }
        clock.advance(Duration.ofSeconds(2));
        throttle.recordSuccess(GUESSER, "STAFF");
        assertThat(throttle.recordFailure(GUESSER, "staff")).as("counting starts again").isEmpty();

        clock.advance(LoginThrottle.FORGET_AFTER);
        assertThat(throttle.recordFailure(OFFICE, "viewer")).as("a day later, a first failure again").isEmpty();
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
