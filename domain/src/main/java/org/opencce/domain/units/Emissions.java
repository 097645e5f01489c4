package org.opencce.domain.units;

/**
 * A mass of CO2 (or CO2-equivalent) emitted, kept in kilograms. ISO-NE publishes rates in lb/MWh;
 * {@link #ofPounds(double)} converts at 0.45359237 kg/lb (the international avoirdupois pound).
 * Immutable and thread-safe.
 */
public record Emissions(double kilograms) implements Comparable<Emissions> {
    public static final Emissions ZERO = new Emissions(0);
    private static final double KG_PER_POUND = 0.45359237;

    public Emissions {
        if (!Double.isFinite(kilograms)) {
            throw new IllegalArgumentException("emissions must be a finite number of kg, was " + kilograms);
        }
    }

    public static Emissions ofKilograms(double kg) {
        return new Emissions(kg);
    }

    public static Emissions ofMetricTons(double tonnes) {
        return new Emissions(tonnes * 1000.0);
    }

    public static Emissions ofPounds(double pounds) {
        return new Emissions(pounds * KG_PER_POUND);
    }

    public double metricTons() {
        return kilograms / 1000.0;
    }

    public double pounds() {
        return kilograms / KG_PER_POUND;
    }

    public Emissions plus(Emissions other) {
        return new Emissions(kilograms + other.kilograms);
    }

    @Override
    public int compareTo(Emissions other) {
        return Double.compare(kilograms, other.kilograms);
    }

    @Override
    public String toString() {
        return kilograms + " kg CO2";
    }
}
