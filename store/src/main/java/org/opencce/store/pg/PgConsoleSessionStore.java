package org.opencce.store.pg;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.opencce.store.ConsoleSessionStore;
import org.opencce.store.StoreException;

/**
 * Console sessions in the {@code console_sessions} table, keyed by the SHA-256 of the session id.
 * Thread-safe: every call takes its own handle from the pool.
 */
public final class PgConsoleSessionStore implements ConsoleSessionStore {
    private final Jdbi jdbi;

    public PgConsoleSessionStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void save(StoredSession session) {
        try {
            int saved = jdbi.withHandle(h -> h.createUpdate("INSERT INTO console_sessions"
                    + " (id_sha256, csrf_token, username, created_at, last_seen)"
                    + " SELECT :id, :csrf, username, :created, :lastSeen FROM users"
                    + " WHERE lower(username) = lower(:username)")
                    .bind("id", session.idSha256())
                    .bind("csrf", session.csrfToken())
                    .bind("username", session.username())
                    .bind("created", utc(session.created()))
                    .bind("lastSeen", utc(session.lastSeen()))
                    .execute());
            if (saved == 0) {
                throw new StoreException("Could not save a console session of '" + session.username()
                        + "': there is no such user");
            }
        } catch (JdbiException e) {
            throw Sql.failure("save a console session of " + session.username(), e);
        }
    }

    @Override
    public Optional<StoredSession> find(String idSha256) {
        return Sql.withHandle(jdbi, "read a console session", h -> h.createQuery(
                "SELECT id_sha256, csrf_token, username, created_at, last_seen FROM console_sessions"
                        + " WHERE id_sha256 = :id")
                .bind("id", idSha256)
                .map((rs, ctx) -> new StoredSession(rs.getString("id_sha256"), rs.getString("csrf_token"),
                        rs.getString("username"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_seen", OffsetDateTime.class).toInstant()))
                .findFirst());
    }

    @Override
    public void touch(String idSha256, Instant lastSeen) {
        Sql.withHandle(jdbi, "record the use of a console session", h -> h.createUpdate(
                "UPDATE console_sessions SET last_seen = :lastSeen WHERE id_sha256 = :id AND last_seen < :lastSeen")
                .bind("id", idSha256)
                .bind("lastSeen", utc(lastSeen))
                .execute());
    }

    @Override
    public void delete(String idSha256) {
        Sql.withHandle(jdbi, "end a console session", h -> h.createUpdate(
                "DELETE FROM console_sessions WHERE id_sha256 = :id")
                .bind("id", idSha256)
                .execute());
    }

    @Override
    public int deleteForUser(String username) {
        return Sql.withHandle(jdbi, "end the console sessions of " + username, h -> h.createUpdate(
                "DELETE FROM console_sessions WHERE lower(username) = lower(:username)")
                .bind("username", username)
                .execute());
    }

    @Override
    public int deleteExpired(Instant idleSince, Instant startedSince) {
        return Sql.withHandle(jdbi, "delete expired console sessions", h -> h.createUpdate(
                "DELETE FROM console_sessions WHERE last_seen < :idle OR created_at < :started")
                .bind("idle", utc(idleSince))
                .bind("started", utc(startedSince))
                .execute());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
