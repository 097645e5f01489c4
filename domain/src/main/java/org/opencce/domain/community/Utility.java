package org.opencce.domain.community;

import java.util.Locale;
import java.util.Optional;

/** The distribution companies that serve the program's towns and keep billing their customers. */
public enum Utility {
    /** NSTAR Electric d/b/a Eversource Energy, Western Massachusetts territory (formerly WMECO). */
    EVERSOURCE_WMA("Eversource (Western Massachusetts)"),
    /** Massachusetts Electric Company d/b/a National Grid. */
    NATIONAL_GRID_MA("National Grid (Massachusetts Electric Co.)");

    private final String displayName;

    Utility(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Reads the names utilities and spreadsheets use: {@code EVERSOURCE_WMA}, {@code Eversource},
     * {@code WMECO}, {@code National Grid}, {@code MECO}, {@code NGRID}.
     */
    public static Optional<Utility> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (t.startsWith("eversource") || t.equals("wmeco") || t.equals("nstar") || t.equals("eversourcewma")) {
            return Optional.of(EVERSOURCE_WMA);
        }
        if (t.startsWith("nationalgrid") || t.equals("ngrid") || t.equals("meco") || t.equals("massachusettselectric")
                || t.equals("nationalgridma")) {
            return Optional.of(NATIONAL_GRID_MA);
        }
        return Optional.empty();
    }
}
