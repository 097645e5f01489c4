package org.opencce.domain.load;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opencce.domain.time.LocalCalendar;

/**
 * Hourly energy (kWh) of groups of accounts on a common UTC grid from {@code start}: element
 * {@code kwhByGroupAndHour[g][h]} covers {@code [start + h hours, start + h+1 hours)} for group
 * {@code groups.get(g)}. Arrays are copied in; accessors copy out. Immutable and thread-safe.
 */
public final class LoadProfile {
    private static final Duration HOUR = Duration.ofHours(1);
    private final List<String> groups;
    private final Instant start;
    private final double[][] kwh;

    public LoadProfile(List<String> groups, Instant start, double[][] kwhByGroupAndHour) {
        this.groups = List.copyOf(groups);
        this.start = Objects.requireNonNull(start, "start");
        if (kwhByGroupAndHour.length != this.groups.size()) {
            throw new IllegalArgumentException(this.groups.size() + " groups but " + kwhByGroupAndHour.length + " series");
        }
        int hours = kwhByGroupAndHour.length == 0 ? 0 : kwhByGroupAndHour[0].length;
        this.kwh = new double[kwhByGroupAndHour.length][];
        for (int g = 0; g < kwh.length; g++) {
            if (kwhByGroupAndHour[g].length != hours) {
                throw new IllegalArgumentException("series of group " + this.groups.get(g) + " has "
                        + kwhByGroupAndHour[g].length + " hours, expected " + hours);
            }
            kwh[g] = kwhByGroupAndHour[g].clone();
        }
    }

    public List<String> groups() {
        return groups;
    }

    public Instant start() {
        return start;
    }

    public int hours() {
        return kwh.length == 0 ? 0 : kwh[0].length;
    }

    public Instant hourStart(int hour) {
        return start.plus(HOUR.multipliedBy(hour));
    }

    public double kwh(int group, int hour) {
        return kwh[group][hour];
    }

    public double[] kwhByHour(int group) {
        return kwh[group].clone();
    }

    /** The sum over all groups, hour by hour. */
    public double[] totalKwhByHour() {
        double[] total = new double[hours()];
        for (double[] series : kwh) {
            for (int h = 0; h < total.length; h++) {
                total[h] += series[h];
            }
        }
        return total;
    }

    /** The energy of each group over the whole profile. */
    public double totalKwh(int group) {
        return Arrays.stream(kwh[group]).sum();
    }

    /**
     * The energy of each group in each local calendar month the profile touches, oldest first:
     * {@code month -> kWh by group}.
     */
    public Map<YearMonth, double[]> monthlyKwh() {
        Map<YearMonth, double[]> byMonth = new LinkedHashMap<>();
        for (int h = 0; h < hours(); h++) {
            double[] sums = byMonth.computeIfAbsent(LocalCalendar.monthOf(hourStart(h)), m -> new double[groups.size()]);
            for (int g = 0; g < kwh.length; g++) {
                sums[g] += kwh[g][h];
            }
        }
        return byMonth;
    }

    /** The hours of {@code [from, to)} that lie in this profile. */
    public LoadProfile slice(Instant from, Instant to) {
        int first = (int) Math.max(0, Duration.between(start, from).toHours());
        int last = (int) Math.min(hours(), Math.max(first, Duration.between(start, to).toHours()));
        List<double[]> parts = new ArrayList<>();
        for (double[] series : kwh) {
            parts.add(Arrays.copyOfRange(series, first, last));
        }
        return new LoadProfile(groups, hourStart(first), parts.toArray(new double[0][]));
    }
}
