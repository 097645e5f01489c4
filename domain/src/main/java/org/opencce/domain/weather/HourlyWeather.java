package org.opencce.domain.weather;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Hourly weather on a UTC grid starting at {@code start}: element {@code h} describes
 * {@code [start + h hours, start + h+1 hours)}. Dry-bulb temperature in °C, global horizontal
 * irradiance in W/m². The arrays are copied, so an instance is immutable and thread-safe.
 */
public final class HourlyWeather {
    private final String station;
    private final Instant start;
    private final double[] dryBulbC;
    private final double[] ghiWm2;

    public HourlyWeather(String station, Instant start, double[] dryBulbC, double[] ghiWm2) {
        this.station = Objects.requireNonNull(station, "station");
        this.start = Objects.requireNonNull(start, "start");
        if (dryBulbC.length != ghiWm2.length) {
            throw new IllegalArgumentException("temperature (" + dryBulbC.length + " h) and irradiance ("
                    + ghiWm2.length + " h) must cover the same hours");
        }
        this.dryBulbC = dryBulbC.clone();
        this.ghiWm2 = ghiWm2.clone();
    }

    public String station() {
        return station;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return start.plus(Duration.ofHours(dryBulbC.length));
    }

    public int hours() {
        return dryBulbC.length;
    }

    public double dryBulbC(int hour) {
        return dryBulbC[hour];
    }

    public double dryBulbF(int hour) {
        return dryBulbC[hour] * 9.0 / 5.0 + 32.0;
    }

    public double ghiWm2(int hour) {
        return ghiWm2[hour];
    }

    public double[] dryBulbCByHour() {
        return dryBulbC.clone();
    }

    public double[] ghiWm2ByHour() {
        return ghiWm2.clone();
    }
}
