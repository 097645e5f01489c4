package org.opencce.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Signed-in staff console sessions, kept so that a server restart does not sign anybody out. The
 * store is given only the SHA-256 of a session's secret id (the browser's cookie holds the id), so
 * whoever reads the table cannot take over a session. Expiry rules belong to the caller: the store
 * keeps what it is given until told to delete it. Thread-safe.
 */
public interface ConsoleSessionStore {

    /** Saves a new session; its user must exist. */
    void save(StoredSession session);

    /** The session whose id hashes to {@code idSha256}. */
    Optional<StoredSession> find(String idSha256);

    /** Records that the session was used at {@code lastSeen}; does nothing for an unknown session. */
    void touch(String idSha256, Instant lastSeen);

    void delete(String idSha256);

    /** Ends every session of the user (any case of the name); returns how many there were. */
    int deleteForUser(String username);

    /**
     * Deletes the sessions last used before {@code idleSince} or started before {@code startedSince};
     * returns how many.
     */
    int deleteExpired(Instant idleSince, Instant startedSince);

    /**
     * A stored session: the hex SHA-256 of its id, its CSRF token, the user's name as stored, when it
     * started and when it was last used.
     */
    record StoredSession(String idSha256, String csrfToken, String username, Instant created, Instant lastSeen) {
        public StoredSession {
            Objects.requireNonNull(idSha256, "idSha256");
            if (!idSha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("idSha256 must be 64 lower-case hex digits, was '" + idSha256
                        + "'");
            }
            Objects.requireNonNull(csrfToken, "csrfToken");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(lastSeen, "lastSeen");
        }
    }
}
