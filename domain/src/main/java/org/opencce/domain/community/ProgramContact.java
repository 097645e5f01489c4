package org.opencce.domain.community;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How customers reach a program: what the opt-out notice and the public site print. G. L. c. 164,
 * § 134 has the program inform every customer of the right to opt out before enrollment; the phone
 * line, the web site and the return address are the ways offered to do so (by phone, online, by reply
 * card). Text is kept as written. Immutable and thread-safe.
 *
 * @param phone a North American number of 10 digits, written with the usual punctuation
 *     ({@code 413-555-0142}, {@code (413) 555-0142}, {@code +1 413 555 0142})
 * @param email an e-mail address ({@code info@example.org})
 * @param web the program's web site, an {@code http} or {@code https} address
 * @param returnAddress where reply cards and undeliverable notices go back to
 */
public record ProgramContact(String phone, String email, String web, PostalAddress returnAddress) {
    /*
     * North American Numbering Plan: area code and exchange both start with 2-9 (NANP
     * administration's numbering rules); 555-0100 to 555-0199 are set aside for fictional use.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(\\+?1[ .-]?)?(\\([2-9]\\d{2}\\)|[2-9]\\d{2})[ .-]?[2-9]\\d{2}[ .-]?\\d{4}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern WEB = Pattern.compile(
            "https?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(:\\d{1,5})?(/[^\\s]*)?");
    /** Longest e-mail address (RFC 5321 § 4.5.3.1.3 limits a path to 256 octets) or web address kept. */
    public static final int MAX_ADDRESS = 254;

    public ProgramContact {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(returnAddress, "returnAddress");
        check("phone", problemWithPhone(phone));
        check("email", problemWithEmail(email));
        check("web", problemWithWeb(web));
    }

    /** Why {@code phone} is not a 10-digit North American phone number, if it is not. */
    public static Optional<String> problemWithPhone(String phone) {
        return PHONE.matcher(phone).matches() ? Optional.empty()
                : Optional.of("must be a 10-digit North American number such as 413-555-0142, was '" + phone + "'");
    }

    /** Why {@code email} is not an e-mail address, if it is not. */
    public static Optional<String> problemWithEmail(String email) {
        return email.length() <= MAX_ADDRESS && EMAIL.matcher(email).matches() ? Optional.empty()
                : Optional.of("must be an e-mail address such as info@example.org, was '" + email + "'");
    }

    /** Why {@code web} is not the address of a web site, if it is not. */
    public static Optional<String> problemWithWeb(String web) {
        return web.length() <= MAX_ADDRESS && WEB.matcher(web).matches() ? Optional.empty()
                : Optional.of("must be a web address starting with https:// or http://, such as"
                        + " https://example.org, was '" + web + "'");
    }

    private static void check(String field, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException("contact " + field + " " + p);
        });
    }
}
