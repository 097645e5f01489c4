package org.opencce.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins within {@code window} from
 * one client address, or for one user name, further attempts from that address or for that name are
 * refused until the oldest of those failures is older than the window. A successful login clears the
 * user name's count (not the address's). Counts live in memory. Thread-safe.
 */
public final class LoginThrottle {
    /** The console's limit: 10 failed attempts per 5 minutes. */
    public static final int DEFAULT_MAX_FAILURES = 10;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    /** Bounds memory when many addresses or names are tried. */
    private static final int MAX_KEYS = 50_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failuresByKey = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this(clock, DEFAULT_MAX_FAILURES, DEFAULT_WINDOW);
    }

    public LoginThrottle(Clock clock, int maxFailures, Duration window) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /**
     * When an attempt from {@code address} for {@code username} may be made again, if it must wait;
     * empty when it may be made now.
     */
    public Optional<Instant> retryAfter(String address, String username) {
        Instant now = clock.instant();
        Optional<Instant> byAddress = blockedUntil(addressKey(address), now);
        Optional<Instant> byName = blockedUntil(nameKey(username), now);
        if (byAddress.isPresent() && byName.isPresent()) {
            return Optional.of(byAddress.get().isAfter(byName.get()) ? byAddress.get() : byName.get());
        }
        return byAddress.or(() -> byName);
    }

    /** Counts a failed attempt against both the address and the user name. */
    public void recordFailure(String address, String username) {
        Instant now = clock.instant();
        if (failuresByKey.size() >= MAX_KEYS) {
            failuresByKey.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        add(addressKey(address), now);
        add(nameKey(username), now);
    }

    /** Forgets the failures of a user name after that user logged in. */
    public void recordSuccess(String username) {
        failuresByKey.remove(nameKey(username));
    }

    private void add(String key, Instant now) {
        Deque<Instant> failures = failuresByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            prune(failures, now);
            failures.addLast(now);
            while (failures.size() > maxFailures) {
                failures.removeFirst();
            }
        }
    }

    private Optional<Instant> blockedUntil(String key, Instant now) {
        Deque<Instant> failures = failuresByKey.get(key);
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            prune(failures, now);
            if (failures.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(failures.peekFirst().plus(window));
        }
    }

    private void prune(Deque<Instant> failures, Instant now) {
        Instant oldestKept = now.minus(window);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldestKept)) {
            failures.removeFirst();
        }
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    private static String nameKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }
}
