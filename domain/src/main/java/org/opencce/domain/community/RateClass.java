package org.opencce.domain.community;

import java.util.Locale;
import java.util.Optional;

/**
 * The utility's delivery rate class of an account (Massachusetts tariffs). are the
 * low-income discount classes; are electric-heat classes in Eversource's tariff.
 * G-1 is small, G-2 medium and G-3 large (time-of-use) general service.
 */
public enum RateClass {
    R_1("R-1", true, "residential"),
    R_2("R-2", true, "residential low-income"),
    R_3("R-3", true, "residential electric heat"),
    R_4("R-4", true, "residential low-income electric heat"),
    G_1("G-1", false, "small general service"),
    G_2("G-2", false, "medium general service"),
    G_3("G-3", false, "large general service, time of use");

    private final String code;
    private final boolean residential;
    private final String description;

    RateClass(String code, boolean residential, String description) {
        this.code = code;
        this.residential = residential;
        this.description = description;
    }

    /**
     * Whether this is a low-income discount class: being on it tells that the customer
     * passed a means test, which is personal information.
     */
    public boolean isLowIncomeDiscount() {
        return this == R_2 || this == R_4;
    }

    /** The tariff's code, {@code R-1}. */
    public String code() {
        return code;
    }

    public boolean isResidential() {
        return residential;
    }

    public String description() {
        return description;
    }

    /** Reads {@code R-1}, {@code R1}, {@code r_1}, {@code R 1}. */
    public static Optional<RateClass> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        for (RateClass c : values()) {
            if (c.code.replace("-", "").equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
