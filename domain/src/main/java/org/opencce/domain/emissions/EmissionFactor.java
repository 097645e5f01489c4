package org.opencce.domain.emissions;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A published CO2 emission factor for New England electricity: what it measures ({@code kind} and
 * {@code scope}), the year it describes and, for figures read off a chart or article, the date it was
 * published ({@code asOf}, empty when the publication is the annual report), the fuel it applies to,
 * and the value exactly as published with its unit. {@link #rate()} gives it in one comparable unit.
 * {@code derivation} says how the figure was obtained; {@code source} where it was published.
 * Immutable and thread-safe.
 */
public record EmissionFactor(Kind kind, String scope, int year, String asOf, Fuel fuel, double publishedValue,
        PublishedUnit publishedUnit, String derivation, String source) {

    public EmissionFactor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(fuel, "fuel");
        Objects.requireNonNull(publishedUnit, "publishedUnit");
        Objects.requireNonNull(derivation, "derivation");
        Objects.requireNonNull(source, "source");
        if (year < 1990 || year > 2100) {
            throw new IllegalArgumentException("emission factor year must be within 1990..2100, was " + year);
        }
        if (!Double.isFinite(publishedValue) || publishedValue < 0) {
            throw new IllegalArgumentException("emission factor must be a finite, non-negative number, was "
                    + publishedValue);
        }
    }

    /** The factor in kg CO2/MWh, converted from the published unit. */
    public EmissionRate rate() {
        return publishedUnit.rate(publishedValue);
    }

    /** What an emission factor measures. */
    public enum Kind {
        /** The annual average CO2 rate of all ISO-NE generation (ISO-NE Electric Generator Air Emissions Report). */
        SYSTEM_AVERAGE,
        /** ISO-NE's real-time estimate for generators burning one fuel (ISO Express emissions chart). */
        REALTIME_FUEL_FACTOR,
        /** Derived: the gas-fired rate used as a proxy for marginal emissions, since gas sets the price most hours. */
        MARGINAL_PROXY_DERIVED;

        /** Reads the snake-case code used in data files ({@code system_average}). */
        public static Optional<Kind> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String t = text.trim().toUpperCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.name().equals(t)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** The units emission factors are published in. */
    public enum PublishedUnit {
        POUNDS_PER_MWH("lb CO2/MWh"),
        METRIC_TONS_PER_MWH("metric t CO2/MWh"),
        /** Tonnes emitted by one MW of output held for one minute (ISO-NE real-time chart). */
        METRIC_TONS_PER_MW_MINUTE("metric t CO2 per MW per minute");

        private final String symbol;

        PublishedUnit(String symbol) {
            this.symbol = symbol;
        }

        /** The unit as publishers write it, {@code lb CO2/MWh}. */
        public String symbol() {
            return symbol;
        }

        public EmissionRate rate(double value) {
            if (this == POUNDS_PER_MWH) {
                return EmissionRate.ofPoundsPerMegawattHour(value);
            }
            if (this == METRIC_TONS_PER_MWH) {
                return EmissionRate.ofMetricTonsPerMegawattHour(value);
            }
            return EmissionRate.ofMetricTonsPerMegawattMinute(value);
        }

        /** Reads a unit as written by {@link #symbol()}, ignoring case and spacing. */
        public static Optional<PublishedUnit> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String t = text.trim().replaceAll("\\s+", " ");
            for (PublishedUnit u : values()) {
                if (u.symbol.equalsIgnoreCase(t)) {
                    return Optional.of(u);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return symbol;
        }
    }
}
