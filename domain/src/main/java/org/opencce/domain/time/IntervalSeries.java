package org.opencce.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A regular series of interval values: value {@code i} covers the half-open interval
 * {@code [start + i·step, start + (i+1)·step)}. Values are in the unit the owner names (kWh for meter
 * reads); each has a {@link Quality}. The arrays are copied in and out, so an instance is immutable
 * and thread-safe.
 */
public final class IntervalSeries {
    private final Instant start;
    private final Duration step;
    private final double[] values;
    private final Quality[] quality;

    public IntervalSeries(Instant start, Duration step, double[] values, Quality[] quality) {
        this.start = Objects.requireNonNull(start, "start");
        this.step = Objects.requireNonNull(step, "step");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(quality, "quality");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        if (values.length != quality.length) {
            throw new IllegalArgumentException("values (" + values.length + ") and quality ("
                    + quality.length + ") must have the same length");
        }
        for (int i = 0; i < quality.length; i++) {
            if (quality[i] == null) {
                throw new IllegalArgumentException("quality of interval " + i + " is missing");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value of interval " + i + " must be finite, was " + values[i]);
            }
        }
        this.values = values.clone();
        this.quality = quality.clone();
    }

    /** A series whose every value is {@link Quality#VALID}. */
    public static IntervalSeries valid(Instant start, Duration step, double[] values) {
        Quality[] q = new Quality[values.length];
        Arrays.fill(q, Quality.VALID);
        return new IntervalSeries(start, step, values, q);
    }

    public Instant start() {
        return start;
    }

    public Duration step() {
        return step;
    }

    /** The end of the last interval (exclusive). */
    public Instant end() {
        return start.plus(step.multipliedBy(values.length));
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    public Quality quality(int i) {
        return quality[i];
    }

    public Instant intervalStart(int i) {
        return start.plus(step.multipliedBy(i));
    }

    public double[] values() {
        return values.clone();
    }

    public Quality[] qualities() {
        return quality.clone();
    }

    /** The sum of all values, missing ones counting as 0. */
    public double total() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    /** How many intervals have the given quality. */
    public int count(Quality q) {
        int n = 0;
        for (Quality each : quality) {
            if (each == q) {
                n++;
            }
        }
        return n;
    }

    /**
     * The element-wise sum with another series on the same grid; each interval takes the worse of the
     * two qualities.
     */
    public IntervalSeries plus(IntervalSeries other) {
        if (!start.equals(other.start) || !step.equals(other.step) || values.length != other.values.length) {
            throw new IllegalArgumentException("series must share start, step and length to be added: "
                    + describe() + " vs " + other.describe());
        }
        double[] sum = new double[values.length];
        Quality[] q = new Quality[values.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = values[i] + other.values[i];
            q[i] = quality[i].combine(other.quality[i]);
        }
        return new IntervalSeries(start, step, sum, q);
    }

    private String describe() {
        return "[" + start + ", " + end() + ") step " + step;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IntervalSeries)) {
            return false;
        }
        IntervalSeries s = (IntervalSeries) o;
        return start.equals(s.start) && step.equals(s.step) && Arrays.equals(values, s.values)
                && Arrays.equals(quality, s.quality);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, step, Arrays.hashCode(values), Arrays.hashCode(quality));
    }

    @Override
    public String toString() {
        return "IntervalSeries" + describe() + " n=" + values.length;
    }
}
