package org.opencce.domain.load.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.weather.HourlyWeather;

/**
 * Weather built from formulas for the usage-model tests, so they need no data files.
 *
 * <p>{@link #westernMassachusettsYear(int)} imitates the climate of TMY3 Chicopee Falls/Westover
 * (744910), the station the model was calibrated on: a yearly mean of 50 °F, 21.5 °F colder than that
 * in late January and warmer in late July (TMY3 monthly means 30 °F in February, 72 °F in July), a
 * ±9.5 °F day-night swing peaking at 3 pm, and fronts of up to ±10 °F a few days long. That gives
 * 4,900 heating degree-days base 60 °F and 460 cooling degree-days base 68 °F (TMY3: 5,130 and 500).
 * Irradiance is a clear sky at 42.2° N dimmed by a constant 0.65 for clouds: about 1,290 kWh/m² a
 * year (TMY3: 1,277).
 */
final class TestWeather {
    private static final double LATITUDE_RAD = Math.toRadians(42.2);

    private TestWeather() {
    }

    /** The local calendar year {@code year} (8,760 or 8,784 hours) of western Massachusetts-like weather. */
    static HourlyWeather westernMassachusettsYear(int year) {
        Instant start = LocalCalendar.startOfDay(LocalDate.of(year, 1, 1));
        int hours = LocalCalendar.hoursIn(year);
        double[] dryBulbC = new double[hours];
        double[] ghiWm2 = new double[hours];
        for (int h = 0; h < hours; h++) {
            // Solar time is within minutes of Eastern Standard Time at 72.5° W; the middle of the hour.
            ZonedDateTime standard = start.plus(Duration.ofHours(h)).plus(Duration.ofMinutes(30))
                    .atZone(ZoneOffset.ofHours(-5));
            double dayOfYear = standard.getDayOfYear();
            double hourOfDay = standard.getHour() + standard.getMinute() / 60.0;
            double days = h / 24.0;
            double seasonal = 49.8 - 21.5 * Math.cos(2 * Math.PI * (dayOfYear - 25) / 365.25);
            double diurnal = 9.5 * Math.cos(2 * Math.PI * (hourOfDay - 15) / 24);
            double fronts = 7 * Math.sin(2 * Math.PI * days / 6.3) + 3.5 * Math.sin(2 * Math.PI * days / 2.9 + 1.3);
            double dryBulbF = seasonal + diurnal + fronts;
            dryBulbC[h] = (dryBulbF - 32) * 5 / 9;

            double declination = Math.toRadians(23.44) * Math.sin(2 * Math.PI * (dayOfYear - 81) / 365.0);
            double hourAngle = Math.toRadians(15 * (hourOfDay - 12));
            double sinElevation = Math.sin(LATITUDE_RAD) * Math.sin(declination)
                    + Math.cos(LATITUDE_RAD) * Math.cos(declination) * Math.cos(hourAngle);
            ghiWm2[h] = sinElevation > 0 ? 0.65 * 1_050 * Math.pow(sinElevation, 1.15) : 0;
        }
        return new HourlyWeather("test-western-ma", start, dryBulbC, ghiWm2);
    }

    /** {@code hours} hours from {@code start} at one temperature, in the dark. */
    static HourlyWeather constant(Instant start, int hours, double dryBulbF) {
        double[] dryBulbC = new double[hours];
        Arrays.fill(dryBulbC, (dryBulbF - 32) * 5 / 9);
        return new HourlyWeather("test-constant", start, dryBulbC, new double[hours]);
    }
}
