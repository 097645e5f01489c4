package org.opencce.formats.tmy3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.weather.HourlyWeather;
import org.opencce.domain.weather.TypicalYear;
import org.opencce.domain.weather.WeatherStation;
import org.opencce.formats.FormatException;

class Tmy3ReaderTest {
    /** Values in the file have at most one decimal; parsing must give them back exactly. */
    private static final double DELTA = 1e-9;
    private static final String FILE = "744910TYA.CSV";

    private static String text;
    private static TypicalYear chicopee;

    @BeforeAll
    static void readTheVendoredFile() throws IOException {
        try (InputStream in = Tmy3ReaderTest.class.getResourceAsStream("/org/opencce/formats/reference/" + FILE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        chicopee = Tmy3Reader.read(new StringReader(text), FILE);
    }

    @Test
    void readsTheStationFromLineOne() {
        assertThat(chicopee.station())
                .isEqualTo(new WeatherStation("744910", "CHICOPEE FALLS WESTO", "MA", 42.2, -72.533, -5, 75));
    }

    @Test
    void readsEveryHourOfTheTypicalYear() {
        assertThat(chicopee.dryBulbCByHour()).hasSize(8760);
        assertThat(chicopee.windSpeedMsByHour()).hasSize(8760);
    }

    @Test
    void readsTheFirstRowAsJanuaryFirstMidnightToOne() {
        // 1/1/1995,1:00: dry-bulb 0.5 °C, dew point −0.6 °C, wind 2.5 m/s, dark.
        assertThat(chicopee.dryBulbC(0)).isCloseTo(0.5, within(DELTA));
        assertThat(chicopee.dewPointC(0)).isCloseTo(-0.6, within(DELTA));
        assertThat(chicopee.windSpeedMs(0)).isCloseTo(2.5, within(DELTA));
        assertThat(chicopee.ghiWm2(0)).isZero();
    }

    @Test
    void readsAJulyMiddayRowFromItsColumns() {
        // Line 4695: 7/15/1991,13:00 — GHI 901, DNI 810, DHI 151 W/m², 30 °C, dew point 7.8 °C, wind 2.1 m/s.
        int i = TypicalYear.hourIndex(MonthDay.of(7, 15), 12);
        assertThat(chicopee.ghiWm2(i)).isCloseTo(901, within(DELTA));
        assertThat(chicopee.dniWm2(i)).isCloseTo(810, within(DELTA));
        assertThat(chicopee.dhiWm2(i)).isCloseTo(151, within(DELTA));
        assertThat(chicopee.dryBulbC(i)).isCloseTo(30, within(DELTA));
        assertThat(chicopee.dewPointC(i)).isCloseTo(7.8, within(DELTA));
        assertThat(chicopee.windSpeedMs(i)).isCloseTo(2.1, within(DELTA));
    }

    @Test
    void readsTheLastRowStampedTwentyFourHundredWithSeconds() {
        // 12/31/1996,24:00:00 — the file writes the last hour of each day with seconds.
        assertThat(chicopee.dryBulbC(8759)).isCloseTo(-15.5, within(DELTA));
    }

    @Test
    void findsColumnsByHeaderNameNotPosition() {
        // Swap the dry-bulb and dew-point columns in the header and every row: the values must not swap.
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n")));
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split(",", -1);
            String dryBulb = f[31];
            f[31] = f[34];
            f[34] = dryBulb;
            lines.set(n, String.join(",", f));
        }
        TypicalYear swapped = Tmy3Reader.read(new StringReader(String.join("\r\n", lines)), FILE);
        assertThat(swapped.dryBulbCByHour()).isEqualTo(chicopee.dryBulbCByHour());
        assertThat(swapped.dewPointCByHour()).isEqualTo(chicopee.dewPointCByHour());
    }

    @Test
    void aCalendarYearStartsWithTheTypicalJanuaryFirstFirstHour() {
        Instant start = LocalCalendar.startOfDay(LocalDate.of(2025, 1, 1));
        assertThat(start).isEqualTo(Instant.parse("2025-01-01T05:00:00Z"));

        HourlyWeather year = chicopee.alignedTo(start, LocalCalendar.hoursIn(2025));

        assertThat(year.hours()).isEqualTo(8760);
        assertThat(year.station()).isEqualTo("744910");
        assertThat(year.dryBulbC(0)).isEqualTo(chicopee.dryBulbC(0));
        // Standard time all year (TMY3 has no DST): a common year is the typical year hour for hour.
        assertThat(year.dryBulbCByHour()).isEqualTo(chicopee.dryBulbCByHour());
        assertThat(year.ghiWm2ByHour()).isEqualTo(chicopee.ghiWm2ByHour());
    }

    @Test
    void summerMidnightOnTheClockIsElevenPmStandardTime() {
        // 2025-07-01 00:00 EDT = 04:00 UTC = June 30, 23:00–24:00 EST, the TMY row 6/30 24:00 (14.5 °C).
        HourlyWeather hour = chicopee.alignedTo(Instant.parse("2025-07-01T04:00:00Z"), 1);
        assertThat(hour.dryBulbC(0)).isCloseTo(14.5, within(DELTA));
        assertThat(hour.dryBulbC(0)).isEqualTo(chicopee.dryBulbC(TypicalYear.hourIndex(MonthDay.of(6, 30), 23)));
    }

    @Test
    void aLeapYearRepeatsFebruaryTwentyEighthOnTheTwentyNinth() {
        Instant start = Instant.parse("2024-01-01T05:00:00Z");
        HourlyWeather year = chicopee.alignedTo(start, LocalCalendar.hoursIn(2024));
        assertThat(year.hours()).isEqualTo(8784);
        int feb28 = (31 + 27) * 24;
        int feb29 = feb28 + 24;
        int mar1 = feb29 + 24;
        for (int h = 0; h < 24; h++) {
            assertThat(year.dryBulbC(feb29 + h)).isEqualTo(year.dryBulbC(feb28 + h));
        }
        assertThat(year.dryBulbC(feb28)).isCloseTo(6.8, within(DELTA));
        assertThat(year.dryBulbC(mar1)).isCloseTo(-3.2, within(DELTA));
        assertThat(year.dryBulbC(8783)).isEqualTo(chicopee.dryBulbC(8759));
    }

    @Test
    void refusesToAlignToAnInstantInsideAnHour() {
        assertThatThrownBy(() -> chicopee.alignedTo(Instant.parse("2025-01-01T05:30:00Z"), 24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole UTC hour");
    }

    @Test
    void aValueThatIsNotANumberNamesFileLineAndColumn() {
        String bad = replaceLine(text, 4695, line -> line.replace(",30,A,7,7.8,", ",hot,A,7,7.8,"));
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessage("744910TYA.CSV, line 4695: Dry-bulb (C) 'hot' is not a number");
    }

    @Test
    void aValueInTheWrongUnitIsOutsideThePlausibleRange() {
        // 86 would be 30 °C written in °F.
        String bad = replaceLine(text, 4695, line -> line.replace(",30,A,7,7.8,", ",86,A,7,7.8,"));
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessage("744910TYA.CSV, line 4695: Dry-bulb (C) 86 is outside the plausible range -90 to 60");
    }

    @Test
    void aMissingHourIsReportedWhereTheSequenceBreaks() {
        String bad = removeLine(text, 100);
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("744910TYA.CSV, line 100: expected 1/5 hour ending 2:00, found 1/5/1995 3:00");
    }

    @Test
    void aFileCutShortSaysHowManyRowsItHas() {
        String bad = removeLine(text, 8762);
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("744910TYA.CSV: has 8759 hourly rows; a TMY3 file has 8760");
    }

    @Test
    void aMissingColumnIsNamed() {
        String bad = replaceLine(text, 2, line -> line.replace("Wspd (m/s)", "Wind speed"));
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessage("744910TYA.CSV, line 2: columns 'Wspd (m/s)' are missing from the header");
    }

    @Test
    void badStationMetadataIsReportedOnLineOne() {
        String bad = replaceLine(text, 1, line -> line.replace("42.2,", "142.2,"));
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("744910TYA.CSV, line 1: station metadata: latitude of station 744910 must be");
    }

    @Test
    void anEmptyFileSaysWhatATmy3FileLooksLike() {
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(""), "empty.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("empty.csv: the file is empty; a TMY3 file starts with a line of station metadata");
    }

    private static String replaceLine(String text, int lineNumber, UnaryOperator<String> change) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n")));
        String changed = change.apply(lines.get(lineNumber - 1));
        assertThat(changed).as("the test must change line %d", lineNumber).isNotEqualTo(lines.get(lineNumber - 1));
        lines.set(lineNumber - 1, changed);
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String removeLine(String text, int lineNumber) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n")));
        lines.remove(lineNumber - 1);
        return String.join("\r\n", lines) + "\r\n";
    }
}
