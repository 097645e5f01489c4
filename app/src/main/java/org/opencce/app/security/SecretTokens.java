package org.opencce.app.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable random tokens (256 bits, URL-safe Base64) for session ids and CSRF tokens. Thread-safe. */
final class SecretTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
