package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencce.app.security.Passwords;

/** The console's password hashes: bcrypt cost 12, salted, and no silent truncation. */
class PasswordsTest {

    @Test
    void aHashIsSaltedBcryptWithCost12AndVerifiesOnlyItsPassword() {
        String hash = Passwords.hash("valley green".toCharArray());

        assertThat(hash).startsWith("$2a$12$").hasSize(60);
        assertThat(Passwords.hash("valley green".toCharArray())).isNotEqualTo(hash);
        assertThat(Passwords.verify("valley green".toCharArray(), hash)).isTrue();
        assertThat(Passwords.verify("valley grey".toCharArray(), hash)).isFalse();
    }

    @Test
    void aMissingOrMalformedHashNeverMatches() {
        assertThat(Passwords.verify("x".toCharArray(), null)).isFalse();
        assertThat(Passwords.verify("x".toCharArray(), "")).isFalse();
        assertThat(Passwords.verify("x".toCharArray(), "plain-text-password")).isFalse();
    }

    @Test
    void passwordsBcryptWouldTruncateAreRefused() {
        char[] tooLong = "é".repeat(37).toCharArray(); // 74 bytes in UTF-8

        assertThatThrownBy(() -> Passwords.hash(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 72 bytes");
        assertThatThrownBy(() -> Passwords.hash(new char[0])).hasMessageContaining("must not be empty");
        assertThat(Passwords.verify(tooLong, Passwords.hash("short".toCharArray()))).isFalse();
    }
}
