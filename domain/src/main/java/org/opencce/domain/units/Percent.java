package org.opencce.domain.units;

/**
 * A percentage, such as renewable content (30 %) or a price difference (−8.5 %). Values above 100 are
 * allowed: some Massachusetts products retire more RECs than their load (Watertown's 138 %).
 * Immutable and thread-safe.
 */
public record Percent(double value) implements Comparable<Percent> {
    public static final Percent ZERO = new Percent(0);
    public static final Percent HUNDRED = new Percent(100);

    public Percent {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("percent must be finite, was " + value);
        }
    }

    public static Percent of(double value) {
        return new Percent(value);
    }

    /** This percentage as a fraction: 30 % is 0.30. */
    public double fraction() {
        return value / 100.0;
    }

    public Percent plus(Percent other) {
        return new Percent(value + other.value);
    }

    public Percent minus(Percent other) {
        return new Percent(value - other.value);
    }

    @Override
    public int compareTo(Percent other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " %";
    }
}
