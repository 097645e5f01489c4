package org.opencce.formats.tmy3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.weather.HourlyWeather;
import org.opencce.domain.weather.TypicalYear;
import org.opencce.domain.weather.WeatherStation;
import org.opencce.formats.FormatException;

class Tmy3ReaderTest {
    /** Values in the file have at most one decimal; parsing must give them back exactly. */
    private static final double DELTA = 1e-9;
    private static final String FILE = "744910TYA.CSV";

    /**
     * The vendored file, read afresh by each test that needs it. Not {@code @BeforeAll}: mutation testing
     * (PIT) runs a class with {@code @BeforeAll} as one unit and does not count a failure inside it as a
     * kill, so a broken reader would pass unnoticed.
     */
    private static String text() {
        try (InputStream in = Tmy3ReaderTest.class.getResourceAsStream("/org/opencce/formats/reference/" + FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TypicalYear chicopee() {
        return Tmy3Reader.read(new StringReader(text()), FILE);
    }

    @Test
    void readsTheStationFromLineOne() {
        TypicalYear chicopee = chicopee();
        assertThat(chicopee.station())
                .isEqualTo(new WeatherStation("744910", "CHICOPEE FALLS WESTO", "MA", 42.2, -72.533, -5, 75));
    }

    @Test
    void readsEveryHourOfTheTypicalYear() {
        TypicalYear chicopee = chicopee();
        assertThat(chicopee.dryBulbCByHour()).hasSize(8760);
        assertThat(chicopee.windSpeedMsByHour()).hasSize(8760);
    }

    @Test
    void readsTheFirstRowAsJanuaryFirstMidnightToOne() {
        TypicalYear chicopee = chicopee();
        // 1/1/1995,1:00: dry-bulb 0.5 °C, dew point −0.6 °C, wind 2.5 m/s, dark.
        assertThat(chicopee.dryBulbC(0)).isCloseTo(0.5, within(DELTA));
        assertThat(chicopee.dewPointC(0)).isCloseTo(-0.6, within(DELTA));
        assertThat(chicopee.windSpeedMs(0)).isCloseTo(2.5, within(DELTA));
        assertThat(chicopee.ghiWm2(0)).isZero();
    }

    @Test
    void readsAJulyMiddayRowFromItsColumns() {
        TypicalYear chicopee = chicopee();
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
        TypicalYear chicopee = chicopee();
        // 12/31/1996,24:00:00 — the file writes the last hour of each day with seconds.
        assertThat(chicopee.dryBulbC(8759)).isCloseTo(-15.5, within(DELTA));
    }

    @Test
    void findsColumnsByHeaderNameNotPosition() {
        String text = text();
        TypicalYear chicopee = chicopee();
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
        TypicalYear chicopee = chicopee();
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
        TypicalYear chicopee = chicopee();
        // 2025-07-01 00:00 EDT = 04:00 UTC = June 30, 23:00–24:00 EST, the TMY row 6/30 24:00 (14.5 °C).
        HourlyWeather hour = chicopee.alignedTo(Instant.parse("2025-07-01T04:00:00Z"), 1);
        assertThat(hour.dryBulbC(0)).isCloseTo(14.5, within(DELTA));
        assertThat(hour.dryBulbC(0)).isEqualTo(chicopee.dryBulbC(TypicalYear.hourIndex(MonthDay.of(6, 30), 23)));
    }

    @Test
    void aLeapYearRepeatsFebruaryTwentyEighthOnTheTwentyNinth() {
        TypicalYear chicopee = chicopee();
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
        TypicalYear chicopee = chicopee();
        assertThatThrownBy(() -> chicopee.alignedTo(Instant.parse("2025-01-01T05:30:00Z"), 24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole UTC hour");
    }

    @Test
    void aValueThatIsNotANumberNamesFileLineAndColumn() {
        String text = text();
        String bad = replaceLine(text, 4695, line -> line.replace(",30,A,7,7.8,", ",hot,A,7,7.8,"));
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessage("744910TYA.CSV, line 4695: Dry-bulb (C) 'hot' is not a number");
    }

    @Test
    void aValueInTheWrongUnitIsOutsideThePlausibleRange() {
        String text = text();
        // 86 would be 30 °C written in °F.
        String bad = replaceLine(text, 4695, line -> line.replace(",30,A,7,7.8,", ",86,A,7,7.8,"));
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessage("744910TYA.CSV, line 4695: Dry-bulb (C) 86 is outside the plausible range -90 to 60");
    }

    @Test
    void aMissingHourIsReportedWhereTheSequenceBreaks() {
        String text = text();
        String bad = removeLine(text, 100);
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("744910TYA.CSV, line 100: expected 1/5 hour ending 2:00, found 1/5/1995 3:00");
    }

    @Test
    void aFileCutShortSaysHowManyRowsItHas() {
        String text = text();
        String bad = removeLine(text, 8762);
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("744910TYA.CSV: has 8759 hourly rows; a TMY3 file has 8760");
    }

    @Test
    void aMissingColumnIsNamed() {
        String text = text();
        String bad = replaceLine(text, 2, line -> line.replace("Wspd (m/s)", "Wind speed"));
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(bad), FILE))
                .isInstanceOf(FormatException.class)
                .hasMessage("744910TYA.CSV, line 2: columns 'Wspd (m/s)' are missing from the header");
    }

    @Test
    void badStationMetadataIsReportedOnLineOne() {
        String text = text();
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

    // Small, hand-made files: each rule of the reader alone.

    private static final String STATION = "744910,TEST STATION,MA,-5.0,42.2,-72.533,75\r\n";
    private static final String HEADER = "Date (MM/DD/YYYY),Time (HH:MM),Wspd (m/s),DHI (W/m^2),DNI (W/m^2),"
            + "GHI (W/m^2),Dew-point (C),Pressure (mbar),Dry-bulb (C)\r\n";

    /**
     * A complete typical year of {@code rows} rows stamped hour by hour from 1/1 1:00 (a common year), with
     * a different constant in each value column and a dry-bulb of {@code row / 1000} °C.
     */
    private static String year(int rows) {
        StringBuilder text = new StringBuilder(STATION).append(HEADER);
        LocalDateTime hourStart = LocalDateTime.of(2023, 1, 1, 0, 0);
        for (int i = 0; i < rows; i++) {
            LocalDateTime t = hourStart.plusHours(i);
            text.append(t.getMonthValue()).append('/').append(t.getDayOfMonth()).append("/1990,")
                    .append(t.getHour() + 1).append(":00,4.5,300,200,100,-2.5,1016,").append(i / 1000.0).append("\r\n");
        }
        return text.toString();
    }

    private static String threeHours() {
        try (InputStream in = Tmy3ReaderTest.class.getResourceAsStream("three-hours.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertFails(String text, String message) {
        assertThatThrownBy(() -> Tmy3Reader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage(message);
    }

    @Test
    void aCompleteYearIsReadColumnByColumnAndHourByHour() {
        TypicalYear year = Tmy3Reader.read(new StringReader(year(8760)), "x.csv");

        assertThat(year.station()).isEqualTo(new WeatherStation("744910", "TEST STATION", "MA", 42.2, -72.533, -5, 75));
        assertThat(year.dryBulbC(0)).isZero();
        assertThat(year.dryBulbC(1)).isCloseTo(0.001, within(DELTA));
        assertThat(year.dryBulbC(8759)).isCloseTo(8.759, within(DELTA));
        assertThat(year.dewPointC(8759)).isCloseTo(-2.5, within(DELTA));
        assertThat(year.ghiWm2(0)).isCloseTo(100, within(DELTA));
        assertThat(year.dniWm2(0)).isCloseTo(200, within(DELTA));
        assertThat(year.dhiWm2(0)).isCloseTo(300, within(DELTA));
        assertThat(year.windSpeedMs(0)).isCloseTo(4.5, within(DELTA));
    }

    @Test
    void oneRowMoreThanAYearIsReportedOnTheFirstRowTooMany() {
        // Line 1 station, line 2 header, lines 3–8762 the year: line 8763 is one too many.
        assertFails(year(8761), "x.csv, line 8763: a TMY3 file has 8760 hourly rows; this one has 8761");
    }

    @Test
    void aFileWithoutRowsSaysHowManyAreNeeded() {
        assertFails(STATION + HEADER, "x.csv: has 0 hourly rows; a TMY3 file has 8760 (one per hour of a year without"
                + " February 29), ending with December 31 hour ending 24:00");
    }

    @Test
    void valuesAtTheEdgesOfThePlausibleRangesAreAccepted() {
        // The rows are good (−90 and 60 °C, 0 and 1,500 W/m², 0 and 100 m/s), so the reader gets to the count.
        assertFails(threeHours(), "x.csv: has 3 hourly"
                + " rows; a TMY3 file has 8760 (one per hour of a year without February 29), ending with December 31"
                + " hour ending 24:00");
    }

    @Test
    void justOutsideThePlausibleRangesIsAnError() {
        assertFails(threeHours().replace(",60,1016,60", ",60,1016,60.1"),
                "x.csv, line 4: Dry-bulb (C) 60.1 is outside the plausible range -90 to 60");
        assertFails(threeHours().replace(",-90,1016,-90", ",-90.5,1016,-90"),
                "x.csv, line 3: Dew-point (C) -90.5 is outside the plausible range -90 to 60");
        assertFails(threeHours().replace(",300,200,100,", ",300,200,-1,"),
                "x.csv, line 5: GHI (W/m^2) -1 is outside the plausible range 0 to 1500");
        assertFails(threeHours().replace("02:00,100,1500,1500,", "02:00,100,1500,1501,"),
                "x.csv, line 4: DNI (W/m^2) 1501 is outside the plausible range 0 to 1500");
        assertFails(threeHours().replace("02:00,100,", "02:00,100.5,"),
                "x.csv, line 4: Wspd (m/s) 100.5 is outside the plausible range 0 to 100");
    }

    @Test
    void notANumberIsNotANumber() {
        assertFails(threeHours().replace(",1016,10.5", ",1016,NaN"), "x.csv, line 5: Dry-bulb (C) 'NaN' is not a number");
        assertFails(threeHours().replace(",-2.5,", ",-Infinity,"),
                "x.csv, line 5: Dew-point (C) '-Infinity' is not a number");
    }

    @Test
    void eachPartOfTheStampMustBeTheNextHour() {
        assertFails(threeHours().replace("01/01/1988,02:00", "02/01/1988,02:00"), "x.csv, line 4: expected 1/1 hour"
                + " ending 2:00, found 02/01/1988 02:00; the rows must run hour by hour from January 1 to December 31");
        assertFails(threeHours().replace("01/01/1988,02:00", "01/02/1988,02:00"), "x.csv, line 4: expected 1/1 hour"
                + " ending 2:00, found 01/02/1988 02:00; the rows must run hour by hour from January 1 to December 31");
        assertFails(threeHours().replace("01/01/1988,02:00", "01/01/1988,03:00"), "x.csv, line 4: expected 1/1 hour"
                + " ending 2:00, found 01/01/1988 03:00; the rows must run hour by hour from January 1 to December 31");
    }

    @Test
    void aStampThatIsNotMonthDayYearAndHourMinuteIsAnError() {
        assertFails(threeHours().replace("01/01/1988,01:00", "01/01,01:00"),
                "x.csv, line 3: date '01/01' and time '01:00' must be MM/DD/YYYY and HH:MM");
        assertFails(threeHours().replace("01/01/1988,01:00", "01/01/1988,1"),
                "x.csv, line 3: date '01/01/1988' and time '1' must be MM/DD/YYYY and HH:MM");
        assertFails(threeHours().replace("01/01/1988,01:00", "Jan/01/1988,01:00"),
                "x.csv, line 3: date 'Jan/01/1988' and time '01:00' must be MM/DD/YYYY and HH:MM");
        assertFails(threeHours().replace("01/01/1988,01:00", "01/1st/1988,01:00"),
                "x.csv, line 3: date '01/1st/1988' and time '01:00' must be MM/DD/YYYY and HH:MM");
        assertFails(threeHours().replace("01/01/1988,01:00", "01/01/1988,1am:00"),
                "x.csv, line 3: date '01/01/1988' and time '1am:00' must be MM/DD/YYYY and HH:MM");
    }

    @Test
    void stationMetadataNeedsSevenFieldsAndAWholeHourOffset() {
        assertFails("744910,TEST STATION,MA,-5,42.2,-72.533\r\n", "x.csv, line 1: station metadata must have 7 fields"
                + " (USAF id, name, state, UTC offset, latitude, longitude, elevation), found 6");
        assertFails(threeHours().replace(",-5.0,", ",-5.5,"), "x.csv, line 1: UTC offset -5.5 is not a whole number of"
                + " hours");
        assertFails(threeHours().replace(",-5.0,", ",EST,"), "x.csv, line 1: UTC offset 'EST' is not a number");
        assertFails(threeHours().replace(",75\r\n", ",high\r\n"), "x.csv, line 1: elevation 'high' is not a number");
    }

    @Test
    void aFileWithOnlyTheStationLacksItsHeader() {
        assertFails(STATION, "x.csv: the header line (Date (MM/DD/YYYY), Time (HH:MM), …) is missing");
    }

    @Test
    void theDateAndTimeColumnsMustBeInTheHeader() {
        assertFails(threeHours().replace("Date (MM/DD/YYYY)", "Day"),
                "x.csv, line 2: column 'Date (MM/DD/YYYY)' is missing from the header");
        assertFails(threeHours().replace("Time (HH:MM)", "Hour"),
                "x.csv, line 2: column 'Time (HH:MM)' is missing from the header");
    }

    @Test
    void everyMissingValueColumnIsNamed() {
        assertFails(threeHours().replace("GHI (W/m^2)", "GHI").replace("Wspd (m/s)", "Wind"),
                "x.csv, line 2: columns 'GHI (W/m^2)', 'Wspd (m/s)' are missing from the header");
    }

    @Test
    void headerNamesAreMatchedIgnoringCase() {
        String text = year(8760).replace("Date (MM/DD/YYYY)", "date (mm/dd/yyyy)").replace("Dry-bulb (C)", "DRY-BULB (C)");
        assertThat(Tmy3Reader.read(new StringReader(text), "x.csv").dryBulbC(8759)).isCloseTo(8.759, within(DELTA));
    }

    @Test
    void aFileIsNamedInMessagesByItsFileNameAndAGoodOneIsRead(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("725090TYA.CSV"), threeHours());
        assertThatThrownBy(() -> Tmy3Reader.read(file))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("725090TYA.CSV");
                    assertThat(e.line()).isZero();
                })
                .hasMessageStartingWith("725090TYA.CSV: has 3 hourly rows");

        Files.writeString(file, year(8760));
        assertThat(Tmy3Reader.read(file).dryBulbC(8759)).isCloseTo(8.759, within(DELTA));
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
