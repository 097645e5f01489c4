package org.opencce.formats.isone;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One real hour of an ISO-NE SMD file, as published: the 1-based {@code line} it came from, the local
 * {@code date} and hour-ending label ({@code 1}–{@code 25}, or {@code 2X} for the repeated hour of the
 * fall-back day), the UTC instant the hour starts at, and the values of the file's columns in their
 * published units ({@link SmdColumn#unit()}). A column left blank in the file has no value here.
 * Immutable and thread-safe.
 */
public record SmdHour(long line, LocalDate date, String hourEnding, Instant start, Map<SmdColumn, Double> values) {

    public SmdHour {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(hourEnding, "hourEnding");
        Objects.requireNonNull(start, "start");
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
        for (Map.Entry<SmdColumn, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException(e.getKey().header() + " on " + date + " hour ending " + hourEnding
                        + " must be finite, was " + e.getValue());
            }
        }
    }

    /** The end of the hour (exclusive). */
    public Instant end() {
        return start.plus(Duration.ofHours(1));
    }

    /** The published value of {@code column}, empty when the file left it blank or lacks the column. */
    public OptionalDouble value(SmdColumn column) {
        Double v = values.get(column);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
