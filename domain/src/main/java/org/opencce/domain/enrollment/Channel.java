package org.opencce.domain.enrollment;

import java.util.Locale;
import java.util.Optional;

/**
 * How a fact in an account's enrollment history reached the program. {@link #wireName()} is the
 * lower-case name used in JSON, the database and the CLI's {@code --channel} option.
 */
public enum Channel {
    /** A letter or the returned notice itself. */
    MAIL,
    /** A call to the program's number, recorded by staff. */
    PHONE,
    /** The customer portal on the public site. */
    WEB,
    /** The opt-out reply card enclosed with the notice. */
    REPLY_CARD,
    /** An X12 814 file exchanged with the utility. */
    EDI,
    /** A staff action in the console or the CLI. */
    STAFF,
    /** The program itself: list reconciliation, the enrollment run, a mass drop. */
    SYSTEM;

    /** The name in JSON and in the database: {@code reply_card}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel of a {@link #wireName()}, ignoring case and surrounding spaces. */
    public static Optional<Channel> fromWireName(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String w = wireName.trim().toLowerCase(Locale.ROOT);
        for (Channel c : values()) {
            if (c.wireName().equals(w)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
