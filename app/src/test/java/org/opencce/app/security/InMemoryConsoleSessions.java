package org.opencce.app.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencce.store.ConsoleSessionStore;

/** An in-memory {@link ConsoleSessionStore} for unit tests; it can be read to see what was stored. */
final class InMemoryConsoleSessions implements ConsoleSessionStore {
    final Map<String, StoredSession> byHash = new ConcurrentHashMap<>();

    @Override
    public void save(StoredSession session) {
        byHash.put(session.idSha256(), session);
    }

    @Override
    public Optional<StoredSession> find(String idSha256) {
        return Optional.ofNullable(byHash.get(idSha256));
    }

    @Override
    public void touch(String idSha256, Instant lastSeen) {
        byHash.computeIfPresent(idSha256, (k, s) -> s.lastSeen().isBefore(lastSeen)
                ? new StoredSession(k, s.csrfToken(), s.username(), s.created(), lastSeen) : s);
    }

    @Override
    public void delete(String idSha256) {
        byHash.remove(idSha256);
    }

    @Override
    public int deleteForUser(String username) {
        int before = byHash.size();
        byHash.values().removeIf(s -> s.username().equalsIgnoreCase(username));
        return before - byHash.size();
    }

    @Override
    public int deleteExpired(Instant idleSince, Instant startedSince) {
        int before = byHash.size();
        byHash.values().removeIf(s -> s.lastSeen().isBefore(idleSince) || s.created().isBefore(startedSince));
        return before - byHash.size();
    }
}
