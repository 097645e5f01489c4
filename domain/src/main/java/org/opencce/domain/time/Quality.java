package org.opencce.domain.time;

/**
 * How much a reading can be trusted. Quality is data, not an exception: a missing hour is a reading
 * with quality {@code MISSING} (and value 0), so a series always has a value for every interval.
 */
public enum Quality {
    /** Measured by the meter and accepted. */
    VALID,
    /** Filled in by the utility or by us (profiled, interpolated, synthetic). */
    ESTIMATED,
    /** No reading; the value is 0 and must not be trusted. */
    MISSING;

    /** The quality of a sum: the worst of its parts. */
    public Quality combine(Quality other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
