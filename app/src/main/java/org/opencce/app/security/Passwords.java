package org.opencce.app.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Password hashing for console users: bcrypt with cost 12 (about a quarter of a second per hash on
 * a laptop, which makes guessing slow while a login stays quick). Hashes are the usual
 * {@code $2a$12$…} strings that {@link org.opencce.store.UserStore} keeps. Stateless and thread-safe.
 *
 * <p>bcrypt reads at most 72 bytes of a password; rather than silently ignoring the rest, longer
 * passwords are refused when hashed and never verify.
 */
public final class Passwords {
    /** The bcrypt cost factor: 2^12 rounds of the key schedule. */
    public static final int COST = 12;
    /** The longest password bcrypt reads, in UTF-8 bytes. */
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    /**
     * A new salted bcrypt hash of {@code password}.
     *
     * @throws IllegalArgumentException when the password is empty or longer than {@value #MAX_BYTES}
     *     UTF-8 bytes
     */
    public static String hash(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("password must not be empty");
        }
        int bytes = utf8Length(password);
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("password must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt"
                    + " ignores the rest), was " + bytes + " bytes; choose a shorter pass phrase");
        }
        return BCrypt.withDefaults().hashToString(COST, password);
    }

    /**
     * Whether {@code password} matches {@code hash}. A missing or malformed hash, or a password bcrypt
     * cannot read, never matches.
     */
    public static boolean verify(char[] password, String hash) {
        if (password == null || password.length == 0 || hash == null || hash.isBlank()) {
            return false;
        }
        if (utf8Length(password) > MAX_BYTES) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password, hash).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Spends the same time as verifying a real password, so that a login for an unknown user name
     * takes as long as one with a wrong password and does not reveal which user names exist.
     */
    public static void verifyAgainstDecoy(char[] password) {
        verify(password, Decoy.HASH);
    }

    /** Whether bcrypt reads all of {@code password}: at most {@value #MAX_BYTES} bytes in UTF-8. */
    public static boolean fitsBcrypt(char[] password) {
        return utf8Length(password) <= MAX_BYTES;
    }

    private static int utf8Length(char[] password) {
        var encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        int length = encoded.remaining();
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return length;
    }

    /** A hash of a random password nobody knows, computed once when first needed. */
    private static final class Decoy {
        static final String HASH = hash(randomPassword());

        private static char[] randomPassword() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            char[] chars = new char[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                chars[i] = (char) ('a' + (bytes[i] & 0xff) % 26);
            }
            return chars;
        }
    }
}
