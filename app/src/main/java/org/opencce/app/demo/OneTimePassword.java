package org.opencce.app.demo;

import java.security.SecureRandom;

/**
 * Random passwords people can read out and type: four groups of four characters from an alphabet
 * without look-alikes (no 0/O, 1/l/I), about 80 bits. Thread-safe.
 */
public final class OneTimePassword {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePassword() {
    }

    public static String next() {
        StringBuilder sb = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
