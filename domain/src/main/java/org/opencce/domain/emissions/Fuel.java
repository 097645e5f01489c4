package org.opencce.domain.emissions;

import java.util.Locale;
import java.util.Optional;

/** The fuel of a generator, as ISO-NE's emission estimates distinguish them; {@link #ALL} is the whole fleet. */
public enum Fuel {
    ALL("all"),
    NATURAL_GAS("natural gas"),
    OIL("oil"),
    COAL("coal"),
    LANDFILL_GAS("landfill gas"),
    WOOD("wood"),
    REFUSE("refuse");

    private final String displayName;

    Fuel(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Reads {@code natural_gas}, {@code Natural Gas}, {@code NATURAL-GAS}. */
    public static Optional<Fuel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (Fuel f : values()) {
            if (f.name().equals(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
