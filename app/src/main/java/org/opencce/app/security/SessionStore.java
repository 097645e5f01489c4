package org.opencce.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live console sessions, in memory: a restart logs everybody out, which is acceptable for a
 * staff console and keeps session secrets out of the database. A session ends after
 * {@link #IDLE_TIMEOUT} without a request or {@link #MAX_AGE} after it started, whichever comes
 * first. Thread-safe.
 */
public final class SessionStore {
    /** A session nobody used for this long is over. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** No session lives longer than a working day, however active. */
    public static final Duration MAX_AGE = Duration.ofHours(12);
    /** Bounds the memory anonymous visitors of the login page can take. */
    private static final int MAX_SESSIONS = 20_000;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile Instant lastPurge;

    public SessionStore(Clock clock) {
        this.clock = clock;
        this.lastPurge = clock.instant();
    }

    /** A new session without a user, for a visitor of the login form. */
    public Session startAnonymous() {
        return put(Optional.empty());
    }

    /**
     * The session with this id, if it exists and has not expired; marks it as used now. An expired
     * session is removed.
     */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session found = sessions.get(id);
        if (found == null) {
            return Optional.empty();
        }
        if (isExpired(found, now)) {
            sessions.remove(id, found);
            return Optional.empty();
        }
        Session touched = found.seenAt(now);
        sessions.replace(id, found, touched);
        return Optional.of(touched);
    }

    /**
     * Logs {@code username} in: ends {@code previous} (if any) and returns a new session with a fresh
     * id and CSRF token, so that a session id known before login (fixation) is useless.
     */
    public Session logIn(Optional<Session> previous, String username) {
        previous.ifPresent(s -> sessions.remove(s.id()));
        return put(Optional.of(username));
    }

    /** Ends a session (logout). */
    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** How many sessions are live (expired ones may be counted until the next purge). */
    public int size() {
        return sessions.size();
    }

    private Session put(Optional<String> username) {
        purgeIfDue();
        Instant now = clock.instant();
        Session session = new Session(SecretTokens.next(), SecretTokens.next(), username, now, now);
        sessions.put(session.id(), session);
        return session;
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        if (sessions.size() < MAX_SESSIONS && Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
            return;
        }
        lastPurge = now;
        sessions.values().removeIf(s -> isExpired(s, now));
        if (sessions.size() >= MAX_SESSIONS) {
            // Under a flood of login-page visits, drop the least recently used anonymous sessions
            // first; logged-in staff keep theirs.
            sessions.values().stream().filter(s -> !s.isLoggedIn())
                    .sorted(Comparator.comparing(Session::lastSeen))
                    .limit(sessions.size() - MAX_SESSIONS / 2L)
                    .forEach(s -> sessions.remove(s.id(), s));
        }
    }

    private static boolean isExpired(Session s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(IDLE_TIMEOUT)) || !now.isBefore(s.created().plus(MAX_AGE));
    }
}
