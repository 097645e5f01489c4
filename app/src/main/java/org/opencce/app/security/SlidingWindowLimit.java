package org.opencce.app.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in any {@code window}: a sliding log of each key's recent
 * event times, so that the limit holds over every stretch of that length, not only over calendar
 * blocks. A key keeps at most {@code limit} times, and at most {@code maxKeys} keys are held: when
 * full, keys with no event inside the window go first, then the half that was quiet longest. Evicting
 * a key forgets its count (the limit then errs toward letting a request through), which only a flood
 * of distinct keys can cause. Thread-safe.
 */
final class SlidingWindowLimit {
    private final int limit;
    private final long windowMillis;
    private final int maxKeys;
    private final Map<String, long[]> eventsByKey = new ConcurrentHashMap<>();

    SlidingWindowLimit(int limit, Duration window, int maxKeys) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (maxKeys < 2) {
            throw new IllegalArgumentException("maxKeys must be at least 2, was " + maxKeys);
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
    }

    /**
     * Counts an event of {@code key} at {@code now} if the key is under its limit and returns empty;
     * otherwise counts nothing and returns when the key's next event will be allowed.
     */
    Optional<Instant> tryAcquire(String key, Instant now) {
        makeRoom(now);
        long nowMillis = now.toEpochMilli();
        long[] refusedUntil = {Long.MIN_VALUE};
        eventsByKey.compute(key, (k, old) -> {
            long[] recent = recent(old, nowMillis);
            if (recent.length >= limit) {
                refusedUntil[0] = recent[0] + windowMillis;
                return recent;
            }
            long[] added = Arrays.copyOf(recent, recent.length + 1);
            added[recent.length] = nowMillis;
            return added;
        });
        return refusedUntil[0] == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(refusedUntil[0]));
    }

    /** Counts an event of {@code key} at {@code now}, whether or not it is over the limit (the oldest is forgotten). */
    void record(String key, Instant now) {
        makeRoom(now);
        long nowMillis = now.toEpochMilli();
        eventsByKey.compute(key, (k, old) -> {
            long[] recent = recent(old, nowMillis);
            long[] added = recent.length >= limit ? Arrays.copyOfRange(recent, 1, limit + 1)
                    : Arrays.copyOf(recent, recent.length + 1);
            added[added.length - 1] = nowMillis;
            return added;
        });
    }

    /** When the next event of {@code key} will be allowed, if it has used up its limit at {@code now}. */
    Optional<Instant> blockedUntil(String key, Instant now) {
        long[] events = eventsByKey.get(key);
        if (events == null) {
            return Optional.empty();
        }
        long[] recent = recent(events, now.toEpochMilli());
        return recent.length >= limit ? Optional.of(Instant.ofEpochMilli(recent[0] + windowMillis)) : Optional.empty();
    }

    /** How many keys are held (some may have no event in the window any more). */
    int keyCount() {
        return eventsByKey.size();
    }

    /** The events of {@code events} still inside the window that ends at {@code nowMillis}, oldest first. */
    private long[] recent(long[] events, long nowMillis) {
        if (events == null) {
            return new long[0];
        }
        int first = 0;
        while (first < events.length && events[first] + windowMillis <= nowMillis) {
            first++;
        }
        return first == 0 ? events : Arrays.copyOfRange(events, first, events.length);
    }

    private void makeRoom(Instant now) {
        if (eventsByKey.size() < maxKeys) {
            return;
        }
        long nowMillis = now.toEpochMilli();
        eventsByKey.entrySet().removeIf(e -> recent(e.getValue(), nowMillis).length == 0);
        if (eventsByKey.size() >= maxKeys) {
            eventsByKey.entrySet().stream()
                    .sorted(Comparator.comparingLong(e -> e.getValue().length == 0 ? Long.MIN_VALUE
                            : e.getValue()[e.getValue().length - 1]))
                    .limit(eventsByKey.size() - maxKeys / 2L).map(Map.Entry::getKey).toList()
                    .forEach(eventsByKey::remove);
        }
    }
}
