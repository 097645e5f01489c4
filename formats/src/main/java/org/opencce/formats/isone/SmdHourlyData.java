package org.opencce.formats.isone;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.Quality;

/**
 * The real hours of an ISO-NE SMD file, in time order, and what the reader left out: the synthetic
 * hour ending 2 ISO-NE publishes on the spring-forward day (an hour that does not exist on the clock),
 * given by the lines it was on. {@code columns} are the value columns the file has. Immutable and
 * thread-safe.
 */
public record SmdHourlyData(String source, List<SmdColumn> columns, List<SmdHour> hours,
        List<Long> syntheticHourLines) {

    private static final Duration HOUR = Duration.ofHours(1);

    public SmdHourlyData {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        hours = List.copyOf(hours);
        syntheticHourLines = List.copyOf(syntheticHourLines);
        for (int i = 1; i < hours.size(); i++) {
            if (!hours.get(i).start().isAfter(hours.get(i - 1).start())) {
                throw new IllegalArgumentException("hours of " + source + " must be in time order without repeats: line "
                        + hours.get(i).line() + " starts at " + hours.get(i).start() + ", line "
                        + hours.get(i - 1).line() + " at " + hours.get(i - 1).start());
            }
        }
    }

    /** How many synthetic hours (spring-forward hour ending 2) were dropped. */
    public int droppedSyntheticHours() {
        return syntheticHourLines.size();
    }

    /**
     * One column as an hourly series from the first hour to the last, in {@link SmdColumn#seriesUnit()}:
     * MW demand becomes MWh per hour (an hour at an average of 1,800 MW delivers 1,800 MWh); prices and
     * temperatures keep their published unit. Published values are {@link Quality#VALID}; an hour the
     * file lacks, or whose cell is blank, is {@link Quality#MISSING} with value 0.
     */
    public IntervalSeries series(SmdColumn column) {
        Objects.requireNonNull(column, "column");
        if (!columns.contains(column)) {
            throw new IllegalArgumentException(source + " has no column " + column.header() + "; it has " + columns);
        }
        if (hours.isEmpty()) {
            return new IntervalSeries(Instant.EPOCH, HOUR, new double[0], new Quality[0]);
        }
        Instant first = hours.get(0).start();
        int n = (int) Duration.between(first, hours.get(hours.size() - 1).end()).toHours();
        double[] values = new double[n];
        Quality[] quality = new Quality[n];
        Arrays.fill(quality, Quality.MISSING);
        for (SmdHour hour : hours) {
            int i = (int) Duration.between(first, hour.start()).toHours();
            OptionalDouble v = hour.value(column);
            if (v.isPresent()) {
                values[i] = v.getAsDouble();
                quality[i] = Quality.VALID;
            }
        }
        return new IntervalSeries(first, HOUR, values, quality);
    }
}
