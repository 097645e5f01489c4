package org.opencce.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without letting a guesser lock out the real user. Failures are
 * counted per (client address, user name): the first {@value #FREE_FAILURES} cost nothing, each one
 * after that makes the pair wait before the next attempt, 1 second after the 5th failure and twice as
 * long after each further one, up to {@link #MAX_DELAY}. The same user from another address is not
 * slowed at all, so guessing the admin's password from one address never locks the admin out.
 *
 * <p>So that one address cannot spray guesses over many user names, an address is also counted over
 * all names, with {@value #FREE_FAILURES_PER_ADDRESS} free failures; this too never affects other
 * addresses. A successful sign-in clears its (address, name) pair. Counts are forgotten
 * {@link #FORGET_AFTER} after the last failure. Counts live in memory, bounded by
 * {@value #MAX_KEYS} keys (the longest-quiet keys go first). Thread-safe.
 */
public final class LoginThrottle {
    /** Failures of one (address, name) pair that cost no delay: typos happen. */
    public static final int FREE_FAILURES = 4;
    /** Failures of one address over all user names that cost no delay. */
    public static final int FREE_FAILURES_PER_ADDRESS = 30;
    /** The delay after the first failure past the free ones; it doubles with each further failure. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    /** The longest delay: one guess per quarter hour and pair. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** A key quiet this long starts from zero again. */
    public static final Duration FORGET_AFTER = Duration.ofHours(24);
    private static final int MAX_KEYS = 50_000;
    /** Longer inputs are cut: the key of an address or a name needs no more. */
    private static final int MAX_KEY_PART = 100;

    private final Clock clock;
    private final Map<String, Failures> failuresByKey = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * A delay imposed by a failure: which key ({@code who}, e.g. "admin from 192.0.2.7") is held back
     * until when, and after how many failures.
     */
    public record Lockout(String who, Instant until, int failures) {
    }

    /**
     * When an attempt from {@code address} for {@code username} may be made again, if it must wait;
     * empty when it may be made now.
     */
    public Optional<Instant> retryAfter(String address, String username) {
        Instant now = clock.instant();
        Optional<Instant> pair = blockedUntil(pairKey(address, username), now);
        Optional<Instant> spray = blockedUntil(addressKey(address), now);
        if (pair.isPresent() && spray.isPresent()) {
            return Optional.of(pair.get().isAfter(spray.get()) ? pair.get() : spray.get());
        }
        return pair.or(() -> spray);
    }

    /**
     * Counts a failed attempt against the (address, name) pair and the address. Returns the lockouts
     * this failure starts, one per key that must now wait, so that the caller can audit each lockout
     * once.
     */
    public List<Lockout> recordFailure(String address, String username) {
        Instant now = clock.instant();
        if (failuresByKey.size() >= MAX_KEYS) {
            evict(now);
        }
        List<Lockout> lockouts = new ArrayList<>(2);
        add(pairKey(address, username), FREE_FAILURES, now).ifPresent(until -> lockouts.add(
                new Lockout(nameOf(username) + " from " + part(address), until, count(pairKey(address, username)))));
        add(addressKey(address), FREE_FAILURES_PER_ADDRESS, now).ifPresent(until -> lockouts.add(
                new Lockout("any user from " + part(address), until, count(addressKey(address)))));
        return lockouts;
    }

    /** Forgets the failures of this (address, name) pair after a successful sign-in. */
    public void recordSuccess(String address, String username) {
        failuresByKey.remove(pairKey(address, username));
    }

    /** How long a key waits after {@code failures} failures with {@code free} free ones. */
    static Duration delayAfter(int failures, int free) {
        int over = failures - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        // 2^(over-1) seconds, capped; the shift is bounded so that it cannot overflow.
        long seconds = FIRST_DELAY.getSeconds() << Math.min(over - 1, 20);
        return seconds >= MAX_DELAY.getSeconds() ? MAX_DELAY : Duration.ofSeconds(seconds);
    }

    private Optional<Instant> add(String key, int free, Instant now) {
        Failures f = failuresByKey.compute(key, (k, old) -> {
            int count = old == null || old.isForgotten(now) ? 0 : old.count();
            return new Failures(count + 1, now, now.plus(delayAfter(count + 1, free)));
        });
        return f.blockedUntil().isAfter(now) ? Optional.of(f.blockedUntil()) : Optional.empty();
    }

    private int count(String key) {
        Failures f = failuresByKey.get(key);
        return f == null ? 0 : f.count();
    }

    private Optional<Instant> blockedUntil(String key, Instant now) {
        Failures f = failuresByKey.get(key);
        if (f == null || !f.blockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(f.blockedUntil());
    }

    private void evict(Instant now) {
        failuresByKey.values().removeIf(f -> f.isForgotten(now));
        if (failuresByKey.size() >= MAX_KEYS) {
            failuresByKey.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().last()))
                    .limit(failuresByKey.size() - MAX_KEYS / 2L).map(Map.Entry::getKey).toList()
                    .forEach(failuresByKey::remove);
        }
    }

    private static String pairKey(String address, String username) {
        return "pair:" + part(address) + "\n" + nameOf(username);
    }

    private static String addressKey(String address) {
        return "address:" + part(address);
    }

    private static String nameOf(String username) {
        return part(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String part(String s) {
        String t = s == null ? "" : s;
        return t.length() > MAX_KEY_PART ? t.substring(0, MAX_KEY_PART) : t;
    }

    /** The failures of one key: how many, the last one, and until when the key must wait. */
    private record Failures(int count, Instant last, Instant blockedUntil) {
        boolean isForgotten(Instant now) {
            return !now.isBefore(last.plus(FORGET_AFTER));
        }
    }
}
