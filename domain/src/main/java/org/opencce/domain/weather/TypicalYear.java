package org.opencce.domain.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A typical meteorological year (TMY3, Wilcox &amp; Marion 2008, NREL/TP-581-43156): 8760 hourly
 * values for one station, each typical month possibly taken from a different calendar year. Hour index
 * {@code i} covers {@code [00:00 + i h, 01:00 + i h)} local standard time counted from January 1 of a
 * year without February 29; index 0 is January 1, 00:00–01:00 (the file's "1:00" hour-ending row).
 *
 * <p>Units: dry-bulb and dew-point temperature in °C; global horizontal (GHI), direct normal (DNI) and
 * diffuse horizontal (DHI) irradiance in W/m², the energy received over the hour; wind speed in m/s.
 *
 * <p>A typical year belongs to no calendar year: {@link #alignedTo(Instant, int)} lays it on any
 * stretch of real UTC hours. The arrays are copied in and out, so an instance is immutable and
 * thread-safe.
 */
public final class TypicalYear {
    /** Hours in a typical year: 365 days, no February 29. */
    public static final int HOURS = 8760;
    /** A year without February 29, used to number the typical year's days. */
    private static final int COMMON_YEAR = 2023;

    private final WeatherStation station;
    private final double[] dryBulbC;
    private final double[] dewPointC;
    private final double[] ghiWm2;
    private final double[] dniWm2;
    private final double[] dhiWm2;
    private final double[] windSpeedMs;

    public TypicalYear(WeatherStation station, double[] dryBulbC, double[] dewPointC, double[] ghiWm2,
            double[] dniWm2, double[] dhiWm2, double[] windSpeedMs) {
        this.station = Objects.requireNonNull(station, "station");
        this.dryBulbC = checked("dry-bulb temperature", dryBulbC);
        this.dewPointC = checked("dew-point temperature", dewPointC);
        this.ghiWm2 = checked("GHI", ghiWm2);
        this.dniWm2 = checked("DNI", dniWm2);
        this.dhiWm2 = checked("DHI", dhiWm2);
        this.windSpeedMs = checked("wind speed", windSpeedMs);
    }

    private double[] checked(String what, double[] values) {
        Objects.requireNonNull(values, what);
        if (values.length != HOURS) {
            throw new IllegalArgumentException(what + " of station " + station.id() + " must have " + HOURS
                    + " hourly values, had " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " of station " + station.id() + " at hour " + i
                        + " must be finite, was " + values[i]);
            }
        }
        return values.clone();
    }

    /**
     * The index of the hour that starts at {@code hourOfDay} (0–23) local standard time on {@code day}.
     * February 29 has no hours of its own in a typical year and uses February 28's.
     */
    public static int hourIndex(MonthDay day, int hourOfDay) {
        Objects.requireNonNull(day, "day");
        if (hourOfDay < 0 || hourOfDay > 23) {
            throw new IllegalArgumentException("hour of day must be 0..23, was " + hourOfDay);
        }
        MonthDay typicalDay = day.equals(MonthDay.of(2, 29)) ? MonthDay.of(2, 28) : day;
        int dayOfYear = typicalDay.atYear(COMMON_YEAR).getDayOfYear();
        return (dayOfYear - 1) * 24 + hourOfDay;
    }

    /** The local standard date and start hour of hour index {@code i}, in a year without February 29. */
    public static LocalDateTime hourStart(int i) {
        if (i < 0 || i >= HOURS) {
            throw new IllegalArgumentException("hour index must be 0.." + (HOURS - 1) + ", was " + i);
        }
        return LocalDate.ofYearDay(COMMON_YEAR, i / 24 + 1).atTime(i % 24, 0);
    }

    /**
     * The typical year laid on {@code hours} real hours from {@code start} (a whole UTC hour). Each UTC
     * hour is converted to the station's local standard time with its fixed offset (TMY3 has no daylight
     * saving time, so summer hours are not shifted), and takes the typical values of that month, day and
     * hour; February 29 repeats February 28. A Massachusetts calendar year (8760 or 8784 hours from local
     * midnight on January 1) thus starts with January 1, 00:00–01:00 of the typical year.
     */
    public HourlyWeather alignedTo(Instant start, int hours) {
        Objects.requireNonNull(start, "start");
        if (start.getNano() != 0 || Math.floorMod(start.getEpochSecond(), 3600L) != 0) {
            throw new IllegalArgumentException("a typical year can only be aligned to a whole UTC hour, not " + start);
        }
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative, was " + hours);
        }
        double[] dryBulb = new double[hours];
        double[] ghi = new double[hours];
        for (int h = 0; h < hours; h++) {
            LocalDateTime standard = LocalDateTime.ofEpochSecond(start.getEpochSecond() + h * 3600L, 0,
                    station.standardTime());
            int i = hourIndex(MonthDay.from(standard), standard.getHour());
            dryBulb[h] = dryBulbC[i];
            ghi[h] = ghiWm2[i];
        }
        return new HourlyWeather(station.id(), start, dryBulb, ghi);
    }

    public WeatherStation station() {
        return station;
    }

    public double dryBulbC(int hour) {
        return dryBulbC[hour];
    }

    public double dewPointC(int hour) {
        return dewPointC[hour];
    }

    public double ghiWm2(int hour) {
        return ghiWm2[hour];
    }

    public double dniWm2(int hour) {
        return dniWm2[hour];
    }

    public double dhiWm2(int hour) {
        return dhiWm2[hour];
    }

    public double windSpeedMs(int hour) {
        return windSpeedMs[hour];
    }

    public double[] dryBulbCByHour() {
        return dryBulbC.clone();
    }

    public double[] dewPointCByHour() {
        return dewPointC.clone();
    }

    public double[] ghiWm2ByHour() {
        return ghiWm2.clone();
    }

    public double[] dniWm2ByHour() {
        return dniWm2.clone();
    }

    public double[] dhiWm2ByHour() {
        return dhiWm2.clone();
    }

    public double[] windSpeedMsByHour() {
        return windSpeedMs.clone();
    }

    @Override
    public String toString() {
        return "TypicalYear[" + station + "]";
    }
}
