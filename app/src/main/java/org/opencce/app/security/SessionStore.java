package org.opencce.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencce.store.ConsoleSessionStore;
import org.opencce.store.ConsoleSessionStore.StoredSession;

/**
 * The console's sessions. Signed-in sessions are kept in a {@link ConsoleSessionStore} (PostgreSQL)
 * under the SHA-256 of their id, so that a restart keeps staff signed in while the database never
 * holds a usable session id. Anonymous sessions (a visitor of the sign-in form, who needs a CSRF
 * token) stay in memory, at most {@value #MAX_ANONYMOUS}; a restart only makes such a visitor reload
 * the form.
 *
 * <p>A session ends after {@link #IDLE_TIMEOUT} without a request or {@link #MAX_AGE} after it
 * started, whichever comes first. Expired sessions are refused when presented and purged from the
 * store every {@link #PURGE_EVERY}. Thread-safe.
 */
public final class SessionStore {
    /** A session nobody used for this long is over. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** No session lives longer than a working day, however active. */
    public static final Duration MAX_AGE = Duration.ofHours(12);
    /**
     * How stale the stored "last seen" may get before a request writes it again: one write per minute
     * and session instead of one per request. The idle timeout is therefore exact to within a minute.
     */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /** Bounds the memory anonymous visitors of the sign-in page can take. */
    static final int MAX_ANONYMOUS = 20_000;

    private final Clock clock;
    private final ConsoleSessionStore stored;
    private final Map<String, Session> anonymous = new ConcurrentHashMap<>();
    private volatile Instant lastPurge;

    public SessionStore(Clock clock, ConsoleSessionStore stored) {
        this.clock = clock;
        this.stored = stored;
        this.lastPurge = Instant.MIN;
    }

    /** A new session without a user, for a visitor of the sign-in form. */
    public Session startAnonymous() {
        purgeIfDue();
        Instant now = now();
        Session session = new Session(SecretTokens.next(), SecretTokens.next(), Optional.empty(), now, now);
        anonymous.put(session.id(), session);
        return session;
    }

    /**
     * The session with this id, if it exists and has not expired; marks it as used now. An expired
     * session is removed.
     */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        Instant now = now();
        Session visitor = anonymous.get(id);
        if (visitor != null) {
            if (isExpired(visitor.created(), visitor.lastSeen(), now)) {
                anonymous.remove(id, visitor);
                return Optional.empty();
            }
            Session touched = visitor.seenAt(now);
            anonymous.replace(id, visitor, touched);
            return Optional.of(touched);
        }
        String hash = sha256(id);
        Optional<StoredSession> found = stored.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSession s = found.get();
        if (isExpired(s.created(), s.lastSeen(), now)) {
            stored.delete(hash);
            return Optional.empty();
        }
        if (!now.isBefore(s.lastSeen().plus(TOUCH_EVERY))) {
            stored.touch(hash, now);
        }
        return Optional.of(new Session(id, s.csrfToken(), Optional.of(s.username()), s.created(), now));
    }

    /**
     * Signs {@code username} in: ends {@code previous} (if any) and returns a new session with a fresh
     * id and CSRF token, so that a session id known before sign-in (fixation) is useless.
     */
    public Session logIn(Optional<Session> previous, String username) {
        previous.ifPresent(s -> end(s.id()));
        purgeIfDue();
        Instant now = now();
        Session session = new Session(SecretTokens.next(), SecretTokens.next(), Optional.of(username), now, now);
        stored.save(new StoredSession(sha256(session.id()), session.csrfToken(), username, now, now));
        return session;
    }

    /** Ends a session (sign-out). */
    public void end(String id) {
        if (id == null || id.isEmpty()) {
            return;
        }
        if (anonymous.remove(id) == null) {
            stored.delete(sha256(id));
        }
    }

    /** Ends every session of the user, e.g. after a password change or when the user is disabled. */
    public void endAllOf(String username) {
        stored.deleteForUser(username);
    }

    /** How many anonymous sessions are held in memory (expired ones may be counted until the next purge). */
    public int anonymousCount() {
        return anonymous.size();
    }

    /** The SHA-256 of a session id, as the store keys it: 64 lower-case hex digits. */
    static String sha256(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Now, to the microsecond PostgreSQL keeps, so that a session read back equals the one saved. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void purgeIfDue() {
        Instant now = now();
        if (anonymous.size() < MAX_ANONYMOUS && lastPurge.plus(PURGE_EVERY).isAfter(now)) {
            return;
        }
        lastPurge = now;
        anonymous.values().removeIf(s -> isExpired(s.created(), s.lastSeen(), now));
        if (anonymous.size() >= MAX_ANONYMOUS) {
            // Under a flood of sign-in page visits, drop the least recently used half.
            anonymous.values().stream().sorted(Comparator.comparing(Session::lastSeen))
                    .limit(anonymous.size() - MAX_ANONYMOUS / 2L).toList()
                    .forEach(s -> anonymous.remove(s.id(), s));
        }
        stored.deleteExpired(now.minus(IDLE_TIMEOUT), now.minus(MAX_AGE));
    }

    private static boolean isExpired(Instant created, Instant lastSeen, Instant now) {
        return !now.isBefore(lastSeen.plus(IDLE_TIMEOUT)) || !now.isBefore(created.plus(MAX_AGE));
    }
}
