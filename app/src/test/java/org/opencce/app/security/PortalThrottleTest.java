package org.opencce.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencce.app.security.LoginThrottleTest.MovableClock;

/** The portal's limits, one at a time, on a clock the test moves. */
class PortalThrottleTest {
    private static final Instant START = Instant.parse("2025-03-15T15:00:00Z");
    private static final String HOUSEHOLD = "198.51.100.20";
    private static final String NEIGHBOUR = "198.51.100.21";
    private static final String ALICE_NUMBER = "54012345678";
    private final MovableClock clock = new MovableClock(START);
    private final PortalThrottle throttle = new PortalThrottle(clock);

    @Test
    void aClientSendsTwentyRequestsInTenMinutesAndTheTwentyFirstWaitsForTheFirstToAgeOut() {
        for (int i = 1; i <= 20; i++) {
            assertThat(throttle.admitClient(HOUSEHOLD)).as("request %d", i).isEmpty();
        }

        assertThat(throttle.admitClient(HOUSEHOLD)).contains(START.plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(throttle.admitClient(HOUSEHOLD)).as("one millisecond early").isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.admitClient(HOUSEHOLD)).isEmpty();
    }

    @Test
    void theWindowSlidesSoRequestsAtTheEndOfOneTenMinutesAndTheStartOfTheNextCountTogether() {
        for (int i = 0; i < 10; i++) {
            throttle.admitClient(HOUSEHOLD);
        }
        clock.advance(Duration.ofMinutes(6));
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.admitClient(HOUSEHOLD)).isEmpty();
        }

        assertThat(throttle.admitClient(HOUSEHOLD)).as("20 in the last 6 minutes")
                .contains(START.plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(4));
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.admitClient(HOUSEHOLD)).as("the first ten aged out").isEmpty();
        }
        assertThat(throttle.admitClient(HOUSEHOLD)).contains(START.plus(Duration.ofMinutes(16)));
    }

    @Test
    void aRefusedRequestIsNotCounted() {
        for (int i = 0; i < 20; i++) {
            throttle.admitClient(HOUSEHOLD);
        }
        for (int i = 0; i < 50; i++) {
            throttle.admitClient(HOUSEHOLD);
        }

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.admitClient(HOUSEHOLD)).isEmpty();
    }

    @Test
    void oneClientsLimitNeverHoldsBackAnother() {
        for (int i = 0; i < 25; i++) {
            throttle.admitClient(HOUSEHOLD);
        }

        assertThat(throttle.admitClient(NEIGHBOUR)).isEmpty();
    }

    @Test
    void anIpv6ClientCountsByItsSlash64Network() {
        assertThat(PortalThrottle.clientKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PortalThrottle.clientKey("2001:db8:1:2:ffff:0:0:9")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PortalThrottle.clientKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(PortalThrottle.clientKey("::ffff:192.0.2.1")).as("IPv4-mapped").isEqualTo("::ffff:192.0.2.1");
        assertThat(PortalThrottle.clientKey("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(PortalThrottle.clientKey("x".repeat(150))).hasSize(100);
        assertThat(PortalThrottle.clientKey(null)).isEmpty();

        for (int i = 1; i <= 20; i++) {
            throttle.admitClient("2001:db8:1:2::" + Integer.toHexString(i));
        }
        assertThat(throttle.admitClient("2001:db8:1:2::abcd")).as("same /64").isPresent();
        assertThat(throttle.admitClient("2001:db8:1:3::1")).as("another /64").isEmpty();
    }

    @Test
    void fiveFailedMatchesHoldAnAccountNumberBackForAnHourFromTheFirst() {
        for (int i = 1; i <= 5; i++) {
            assertThat(throttle.accountRetryAt(ALICE_NUMBER)).as("before failure %d", i).isEmpty();
            throttle.recordFailedMatch(ALICE_NUMBER);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(throttle.accountRetryAt(ALICE_NUMBER)).contains(START.plus(Duration.ofHours(1)));
        assertThat(throttle.accountRetryAt("54012345679")).as("another number").isEmpty();
        clock.advance(Duration.ofMinutes(55));
        assertThat(throttle.accountRetryAt(ALICE_NUMBER)).as("the first failure aged out").isEmpty();
        throttle.recordFailedMatch(ALICE_NUMBER);
        assertThat(throttle.accountRetryAt(ALICE_NUMBER)).contains(START.plus(Duration.ofMinutes(61)));
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(throttle.secondsUntil(START.plusMillis(1200))).isEqualTo(2);
        assertThat(throttle.secondsUntil(START.plusSeconds(600))).isEqualTo(600);
        assertThat(throttle.secondsUntil(START)).isEqualTo(1);
        assertThat(throttle.secondsUntil(START.minusSeconds(5))).isEqualTo(1);
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfClients() {
        PortalThrottle small = new PortalThrottle(clock, 10);
        for (int i = 0; i < 5; i++) {
            small.admitClient("192.0.2." + i);
        }
        for (int i = 0; i < 20; i++) {
            small.admitClient("203.0.113.7");
        }
        clock.advance(Duration.ofMinutes(11));
        for (int i = 0; i < 100; i++) {
            small.admitClient("198.51.100." + i);
            assertThat(small.keyCount()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void whenFullTheLongestQuietHalfIsDroppedAndRecentKeysKeepTheirCounts() {
        SlidingWindowLimit limit = new SlidingWindowLimit(2, Duration.ofMinutes(10), 4);
        limit.tryAcquire("oldest", START);
        limit.tryAcquire("old", START.plusSeconds(1));
        limit.tryAcquire("recent", START.plusSeconds(2));
        limit.tryAcquire("recent", START.plusSeconds(3));
        limit.tryAcquire("newest", START.plusSeconds(4));

        limit.tryAcquire("another", START.plusSeconds(5));

        assertThat(limit.keyCount()).isEqualTo(3);
        assertThat(limit.blockedUntil("recent", START.plusSeconds(5))).as("kept, with its two events")
                .contains(START.plusSeconds(602));
        assertThat(limit.tryAcquire("oldest", START.plusSeconds(6))).isEmpty();
        assertThat(limit.tryAcquire("oldest", START.plusSeconds(7))).as("counted from zero again: one left").isEmpty();
    }

    @Test
    void recordingPastTheLimitKeepsTheLatestEvents() {
        SlidingWindowLimit limit = new SlidingWindowLimit(2, Duration.ofMinutes(10), 100);
        limit.record("k", START);
        limit.record("k", START.plusSeconds(10));
        limit.record("k", START.plusSeconds(20));

        assertThat(limit.blockedUntil("k", START.plusSeconds(20))).contains(START.plusSeconds(610));
        assertThat(limit.blockedUntil("k", START.plusSeconds(610))).isEmpty();
        assertThat(limit.blockedUntil("unknown", START)).isEmpty();
    }
}
