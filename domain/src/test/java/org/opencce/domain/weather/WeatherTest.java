package org.opencce.domain.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Typical years, stations and hourly weather. Hour indexes are counted by hand on a common year:
 * February 28 is day 59 and June 30 day 181 (31 + 28 + 31 + 30 + 31 + 30), so February 28, 23:00 is
 * index 58 × 24 + 23 = 1415 and June 30, 23:00 index 180 × 24 + 23 = 4343.
 */
class WeatherTest {
    private static final WeatherStation CHICOPEE = new WeatherStation("744910", "Chicopee Falls/Westover", "MA",
            42.2, -72.533, -5, 74.7);

    @Test
    void hourIndexesCountHoursFromJanuaryFirstOfACommonYear() {
        assertThat(TypicalYear.hourIndex(MonthDay.of(1, 1), 0)).isZero();
        assertThat(TypicalYear.hourIndex(MonthDay.of(1, 2), 5)).isEqualTo(29);
        assertThat(TypicalYear.hourIndex(MonthDay.of(2, 28), 23)).isEqualTo(1415);
        assertThat(TypicalYear.hourIndex(MonthDay.of(2, 29), 23)).as("February 29 uses February 28").isEqualTo(1415);
        assertThat(TypicalYear.hourIndex(MonthDay.of(3, 1), 0)).isEqualTo(1416);
        assertThat(TypicalYear.hourIndex(MonthDay.of(12, 31), 23)).isEqualTo(8759);
        assertThatThrownBy(() -> TypicalYear.hourIndex(MonthDay.of(1, 1), 24)).hasMessageContaining("0..23");
        assertThatThrownBy(() -> TypicalYear.hourIndex(MonthDay.of(1, 1), -1)).hasMessageContaining("0..23");
    }

    @Test
    void anHourIndexGivesItsStandardTimeDateAndHour() {
        assertThat(TypicalYear.hourStart(0)).isEqualTo(LocalDateTime.of(2023, 1, 1, 0, 0));
        assertThat(TypicalYear.hourStart(1415)).isEqualTo(LocalDateTime.of(2023, 2, 28, 23, 0));
        assertThat(TypicalYear.hourStart(4343)).isEqualTo(LocalDateTime.of(2023, 6, 30, 23, 0));
        assertThat(TypicalYear.hourStart(8759)).isEqualTo(LocalDateTime.of(2023, 12, 31, 23, 0));
        assertThatThrownBy(() -> TypicalYear.hourStart(8760)).hasMessageContaining("0..8759");
        assertThatThrownBy(() -> TypicalYear.hourStart(-1)).hasMessageContaining("0..8759");
    }

    @Test
    void aTypicalYearLaidOnRealHoursUsesStandardTimeAndRepeatsFebruary28() {
        TypicalYear year = indexedYear();
        // Local midnight of January 1, 2025 (EST) is 05:00Z: the typical year's first hours.
        HourlyWeather january = year.alignedTo(Instant.parse("2025-01-01T05:00:00Z"), 3);
        assertThat(january.dryBulbCByHour()).containsExactly(0, 1, 2);
        assertThat(january.ghiWm2ByHour()).containsExactly(0, 2, 4);
        assertThat(january.station()).isEqualTo("744910");
        assertThat(january.start()).isEqualTo(Instant.parse("2025-01-01T05:00:00Z"));
        // Local midnight of July 1 (EDT) is 04:00Z, still 23:00 of June 30 in standard time: no DST shift.
        assertThat(year.alignedTo(Instant.parse("2025-07-01T04:00:00Z"), 2).dryBulbCByHour())
                .containsExactly(4343, 4344);
        // February 29, 2024 repeats February 28; March 1 continues at day 60.
        HourlyWeather leap = year.alignedTo(Instant.parse("2024-02-29T05:00:00Z"), 25);
        assertThat(leap.dryBulbC(0)).isEqualTo(1392);
        assertThat(leap.dryBulbC(24)).isEqualTo(1416);
        assertThat(year.alignedTo(Instant.parse("2025-01-01T05:00:00Z"), 0).hours()).isZero();
    }

    @Test
    void aTypicalYearIsOnlyLaidOnWholeHours() {
        TypicalYear year = indexedYear();
        assertThatThrownBy(() -> year.alignedTo(Instant.parse("2025-01-01T05:30:00Z"), 3))
                .hasMessageContaining("whole UTC hour");
        assertThatThrownBy(() -> year.alignedTo(Instant.parse("2025-01-01T05:00:00.5Z"), 3))
                .hasMessageContaining("whole UTC hour");
        assertThatThrownBy(() -> year.alignedTo(Instant.parse("2025-01-01T05:00:00Z"), -1))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void everyVariableIsKeptByHourAndCopiedOut() {
        TypicalYear year = indexedYear();
        assertThat(year.station()).isEqualTo(CHICOPEE);
        assertThat(year.dryBulbC(100)).isEqualTo(100);
        assertThat(year.dewPointC(100)).isEqualTo(-100);
        assertThat(year.ghiWm2(100)).isEqualTo(200);
        assertThat(year.dniWm2(100)).isEqualTo(300);
        assertThat(year.dhiWm2(100)).isEqualTo(400);
        assertThat(year.windSpeedMs(100)).isEqualTo(500);
        assertThat(year.dryBulbCByHour()[100]).isEqualTo(100);
        assertThat(year.dewPointCByHour()[100]).isEqualTo(-100);
        assertThat(year.ghiWm2ByHour()[100]).isEqualTo(200);
        assertThat(year.dniWm2ByHour()[100]).isEqualTo(300);
        assertThat(year.dhiWm2ByHour()[100]).isEqualTo(400);
        assertThat(year.windSpeedMsByHour()[100]).isEqualTo(500);
        year.dryBulbCByHour()[100] = 0;
        assertThat(year.dryBulbC(100)).isEqualTo(100);
        assertThat(year.toString()).isEqualTo("TypicalYear[744910 Chicopee Falls/Westover, MA]");
    }

    @Test
    void aTypicalYearNeeds8760FiniteValuesOfEachVariable() {
        double[] full = new double[8760];
        assertThatThrownBy(() -> new TypicalYear(CHICOPEE, new double[8759], full, full, full, full, full))
                .hasMessageContaining("dry-bulb temperature").hasMessageContaining("744910")
                .hasMessageContaining("8760").hasMessageContaining("8759");
        double[] withNaN = new double[8760];
        withNaN[8759] = Double.NaN;
        assertThatThrownBy(() -> new TypicalYear(CHICOPEE, full, full, full, full, full, withNaN))
                .hasMessageContaining("wind speed").hasMessageContaining("hour 8759");
        assertThatThrownBy(() -> new TypicalYear(CHICOPEE, full, full, null, full, full, full))
                .hasMessageContaining("GHI");
    }

    @Test
    void aStationsCoordinatesOffsetAndElevationAreChecked() {
        assertThat(CHICOPEE.standardTime()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(CHICOPEE.toString()).isEqualTo("744910 Chicopee Falls/Westover, MA");
        // The limits themselves are allowed.
        assertThat(new WeatherStation("A1", "Pole", "XX", 90, 180, 14, 0).standardTime())
                .isEqualTo(ZoneOffset.ofHours(14));
        assertThat(new WeatherStation("A2", "Pole", "XX", -90, -180, -12, -10).standardTime())
                .isEqualTo(ZoneOffset.ofHours(-12));
        assertThatThrownBy(() -> station("74491-0", 42, -72, -5, 0)).hasMessageContaining("74491-0");
        assertThatThrownBy(() -> station("1234567890123", 42, -72, -5, 0)).hasMessageContaining("1 to 12");
        assertThatThrownBy(() -> station("744910", 90.5, -72, -5, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> station("744910", -90.5, -72, -5, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> station("744910", Double.NaN, -72, -5, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> station("744910", 42, 180.5, -5, 0)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> station("744910", 42, -180.5, -5, 0)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> station("744910", 42, -72, -13, 0)).hasMessageContaining("UTC offset");
        assertThatThrownBy(() -> station("744910", 42, -72, 15, 0)).hasMessageContaining("UTC offset");
        assertThatThrownBy(() -> station("744910", 42, -72, -5, Double.POSITIVE_INFINITY))
                .hasMessageContaining("elevation");
    }

    @Test
    void hourlyWeatherGivesFahrenheitAndItsEnd() {
        HourlyWeather weather = new HourlyWeather("744910", Instant.parse("2025-01-01T05:00:00Z"),
                new double[] {20, -40, 0}, new double[] {0, 100, 850});
        // 20 °C = 68 °F; -40 °C = -40 °F; 0 °C = 32 °F.
        assertThat(weather.dryBulbF(0)).isCloseTo(68, within(1e-9));
        assertThat(weather.dryBulbF(1)).isCloseTo(-40, within(1e-9));
        assertThat(weather.dryBulbF(2)).isCloseTo(32, within(1e-9));
        assertThat(weather.ghiWm2(2)).isEqualTo(850);
        assertThat(weather.end()).isEqualTo(Instant.parse("2025-01-01T08:00:00Z"));
        assertThatThrownBy(() -> new HourlyWeather("744910", Instant.EPOCH, new double[2], new double[3]))
                .hasMessageContaining("same hours");
    }

    private static WeatherStation station(String id, double latitude, double longitude, int offset, double elevation) {
        return new WeatherStation(id, "Test", "MA", latitude, longitude, offset, elevation);
    }

    /** A typical year whose values encode their own index: dry bulb i, dew point -i, GHI 2i, DNI 3i, DHI 4i, wind 5i. */
    private static TypicalYear indexedYear() {
        double[][] v = new double[6][8760];
        double[] factor = {1, -1, 2, 3, 4, 5};
        for (int k = 0; k < 6; k++) {
            for (int i = 0; i < 8760; i++) {
                v[k][i] = factor[k] * i;
            }
        }
        return new TypicalYear(CHICOPEE, v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
