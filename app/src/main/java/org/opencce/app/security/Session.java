package org.opencce.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A browser's session with the console: its secret id (the cookie value), the token every form and
 * htmx request of the session must echo (CSRF protection), and the user once logged in. A session
 * starts anonymous when the login form is shown; logging in replaces it with a new one (new id, new
 * token), so an id planted before login is worth nothing after it. Immutable and thread-safe.
 */
public record Session(String id, String csrfToken, Optional<String> username, Instant created, Instant lastSeen) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    public boolean isLoggedIn() {
        return username.isPresent();
    }

    /** Whether {@code token} is this session's CSRF token; compared in constant time. */
    public boolean acceptsCsrfToken(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    Session seenAt(Instant now) {
        return new Session(id, csrfToken, username, created, now);
    }
}
