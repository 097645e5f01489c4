package org.opencce.formats.isone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.Quality;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

class SmdHourlyReaderTest {
    /** Published values have at most three decimals and are parsed, not computed. */
    private static final double DELTA = 1e-9;
    private static final String HEADER = "Date,Hour,DA_DEMD,DEMAND,DA_LMP,DA_EC,DA_CC,DA_MLC,RT_LMP,RT_EC,RT_CC,RT_MLC,"
            + "DryBulb,DewPnt\n";

    /**
     * The vendored WCMA file, read afresh by each test that needs it. Not {@code @BeforeAll}: mutation
     * testing (PIT) runs a class with {@code @BeforeAll} as one unit and does not count a failure inside
     * it as a kill, so a broken reader would pass unnoticed.
     */
    private static SmdHourlyData wcmass() {
        return read("/org/opencce/formats/reference/smd-hourly-2017-wcmass.csv", "smd-hourly-2017-wcmass.csv");
    }

    private static SmdHourlyData read(String resource, String name) {
        InputStream in = SmdHourlyReaderTest.class.getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        return SmdHourlyReader.read(CsvInput.utf8(in), name);
    }

    @Test
    void theFirstHourEndingOneOfJanuaryFirstStartsAtMidnightEasternStandardTime() {
        SmdHourlyData wcmass = wcmass();
        SmdHour first = wcmass.hours().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.start()).isEqualTo(Instant.parse("2017-01-01T05:00:00Z"));
        assertThat(first.value(SmdColumn.DA_DEMD).getAsDouble()).isCloseTo(1804.1, within(DELTA));
        assertThat(first.value(SmdColumn.DEMAND).getAsDouble()).isCloseTo(1609.873, within(DELTA));
        assertThat(first.value(SmdColumn.RT_LMP).getAsDouble()).isCloseTo(36.77, within(DELTA));
        assertThat(first.value(SmdColumn.DRY_BULB).getAsDouble()).isCloseTo(33, within(DELTA));
        assertThat(first.value(SmdColumn.DEW_POINT).getAsDouble()).isCloseTo(31, within(DELTA));
    }

    @Test
    void theSpringForwardDayHasTwentyThreeRealHoursAndTheSyntheticOneIsDropped() {
        SmdHourlyData wcmass = wcmass();
        LocalDate springForward = LocalDate.of(2017, 3, 12);
        List<SmdHour> day = wcmass.hours().stream().filter(h -> h.date().equals(springForward)).toList();

        assertThat(day).hasSize(23);
        assertThat(day).extracting(SmdHour::hourEnding).doesNotContain("2");
        assertThat(wcmass.droppedSyntheticHours()).isEqualTo(1);
        assertThat(wcmass.syntheticHourLines()).containsExactly(1683L);
        // Hour ending 03 EDT ends at 07:00 UTC: it is the hour right after hour ending 01.
        assertThat(day.get(0).start()).isEqualTo(Instant.parse("2017-03-12T05:00:00Z"));
        assertThat(day.get(1).hourEnding()).isEqualTo("3");
        assertThat(day.get(1).start()).isEqualTo(Instant.parse("2017-03-12T06:00:00Z"));
        assertThat(day.get(1).value(SmdColumn.DA_DEMD).getAsDouble()).isCloseTo(1703.6, within(DELTA));
        assertThat(day.get(22).end()).isEqualTo(Instant.parse("2017-03-13T04:00:00Z"));
    }

    @Test
    void januaryToAprilIsOneUnbrokenHourlySeries() {
        SmdHourlyData wcmass = wcmass();
        IntervalSeries demand = wcmass.series(SmdColumn.DEMAND);

        assertThat(wcmass.hours()).hasSize(2879);
        assertThat(demand.size()).isEqualTo(2879);
        assertThat(demand.step()).isEqualTo(Duration.ofHours(1));
        assertThat(demand.start()).isEqualTo(Instant.parse("2017-01-01T05:00:00Z"));
        assertThat(demand.end()).isEqualTo(Instant.parse("2017-05-01T04:00:00Z"));
        assertThat(demand.count(Quality.VALID)).isEqualTo(2879);
        // An hour averaging 1,609.873 MW delivers 1,609.873 MWh.
        assertThat(demand.value(0)).isCloseTo(1609.873, within(DELTA));
        assertThat(demand.value(2878)).isCloseTo(1370.962, within(DELTA));
    }

    @Test
    void theFallBackDayNumberedOneToTwentyFiveHasTwentyFiveConsecutiveHours() {
        SmdHourlyData data = read("/org/opencce/formats/isone/smd-fall-back-numbered.csv", "numbered.csv");
        assertFallBackDay(data);
    }

    @Test
    void theFallBackDayWithARepeatedHourTwoXHasTwentyFiveConsecutiveHours() {
        SmdHourlyData data = read("/org/opencce/formats/isone/smd-fall-back-2x.csv", "2x.csv");
        assertFallBackDay(data);
        SmdHour repeated = data.hours().stream().filter(h -> h.hourEnding().equals("2X")).findFirst().orElseThrow();
        // 01:00–02:00 EST, the second time the clock shows 1 a.m.
        assertThat(repeated.start()).isEqualTo(Instant.parse("2017-11-05T06:00:00Z"));
    }

    private static void assertFallBackDay(SmdHourlyData data) {
        List<SmdHour> day = data.hours().stream().filter(h -> h.date().equals(LocalDate.of(2017, 11, 5))).toList();
        assertThat(day).hasSize(25);
        assertThat(day.get(0).start()).isEqualTo(Instant.parse("2017-11-05T04:00:00Z"));
        assertThat(day.get(24).end()).isEqualTo(Instant.parse("2017-11-06T05:00:00Z"));
        assertThat(data.droppedSyntheticHours()).isZero();
        IntervalSeries demand = data.series(SmdColumn.DA_DEMD);
        assertThat(demand.size()).isEqualTo(27);
        assertThat(demand.count(Quality.VALID)).isEqualTo(27);
        for (int i = 0; i < 27; i++) {
            // The test file numbers its rows 1500, 1501, … in time order.
            assertThat(demand.value(i)).isCloseTo(1500 + i, within(DELTA));
        }
    }

    @Test
    void aBlankCellAndAnAbsentHourAreMissingInTheSeries() {
        SmdHourlyData data = read("/org/opencce/formats/isone/smd-gap-us-dates.csv", "gap.csv");
        assertThat(data.hours().get(0).start()).isEqualTo(Instant.parse("2017-01-09T05:00:00Z"));
        IntervalSeries demand = data.series(SmdColumn.DEMAND);

        assertThat(demand.size()).isEqualTo(5);
        assertThat(demand.qualities()).containsExactly(Quality.VALID, Quality.MISSING, Quality.VALID, Quality.MISSING,
                Quality.VALID);
        assertThat(demand.values()).containsExactly(new double[] {1609.873, 0, 1600, 0, 1650}, within(DELTA));
        assertThat(data.series(SmdColumn.DA_DEMD).count(Quality.MISSING)).isEqualTo(1);
    }

    @Test
    void temperaturesKeepDegreesFahrenheit() {
        SmdHourlyData wcmass = wcmass();
        assertThat(SmdColumn.DRY_BULB.seriesUnit()).isEqualTo("°F");
        assertThat(SmdColumn.DEMAND.seriesUnit()).isEqualTo("MWh");
        assertThat(wcmass.series(SmdColumn.DRY_BULB).value(0)).isCloseTo(33, within(DELTA));
    }

    @Test
    void aRepeatedHourOnAnOrdinaryDayIsAnError() {
        String text = HEADER + "2017-01-09,1,1,1,1,1,1,1,1,1,1,1,1,1\n2017-01-09,2X,1,1,1,1,1,1,1,1,1,1,1,1\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 3: hour '2X' (the repeated hour of the fall-back day) on 2017-01-09, which is"
                        + " not the day daylight saving time ends");
    }

    @Test
    void hourTwentyFiveOnAnOrdinaryDayIsAnError() {
        String text = HEADER + "2017-01-09,25,1,1,1,1,1,1,1,1,1,1,1,1\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 2: hour ending 25 does not exist on 2017-01-09 (hours ending 1 to 24)");
    }

    @Test
    void theSameHourTwiceIsAnError() {
        String text = HEADER + "2017-01-09,1,1,1,1,1,1,1,1,1,1,1,1,1\n2017-01-09,1,1,1,1,1,1,1,1,1,1,1,1,1\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 3: 2017-01-09 hour ending 1 is the same hour as line 2");
    }

    @Test
    void aValueThatIsNotANumberIsAnError() {
        String text = HEADER + "2017-01-09,1,1,n/a,1,1,1,1,1,1,1,1,1,1\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 2: DEMAND 'n/a' is not a number");
    }

    @Test
    void aBadDateIsAnError() {
        String text = HEADER + "2017-02-30,1,1,1,1,1,1,1,1,1,1,1,1,1\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 2: date '2017-02-30' must be yyyy-mm-dd or M/D/YYYY");
    }

    @Test
    void aHeaderWithoutDateAndHourIsAnError() {
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader("Day,HE,DEMAND\n"), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("x.csv, line 1: the header must have the columns Date, Hour and at least one of");
    }

    @Test
    void askingForAColumnTheFileLacksIsAnError() {
        SmdHourlyData wcmass = wcmass();
        assertThatThrownBy(() -> wcmass.series(SmdColumn.SYSTEM_LOAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no column SYSLoad");
    }
    @Test
    void anHourBeforeTheRowAboveIsAnErrorNamingBothLines() {
        String text = "Date,Hour,DEMAND\n2017-01-09,2,1600\n2017-01-09,1,1500\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 3: 2017-01-09 hour ending 1 comes after a later hour (line 2); the rows"
                        + " must be in time order");
    }

    @Test
    void aDayBeforeTheDayAboveIsAnError() {
        String text = "Date,Hour,DEMAND\n2017-01-10,1,1600\n2017-01-09,24,1500\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 3: 2017-01-09 hour ending 24 comes after a later hour (line 2); the rows"
                        + " must be in time order");
    }

    @Test
    void notANumberAndInfinityAreNotNumbers() {
        for (String value : List.of("NaN", "Infinity", "-Infinity")) {
            String text = "Date,Hour,DA_DEMD,DEMAND\n2017-01-09,1,1500," + value + "\n";
            assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv")).as(value)
                    .isInstanceOf(FormatException.class)
                    .hasMessage("x.csv, line 2: DEMAND '" + value + "' is not a number");
        }
    }

    @Test
    void onTheSpringForwardDayHourEndingTwoIsDroppedAndThreeFollowsOne() {
        // 2017-03-12: 00:00 EST = 05:00Z; the clock jumps from 02:00 EST to 03:00 EDT at 07:00Z.
        String text = "Date,Hour,DEMAND\n3/12/2017,1,1000\n3/12/2017,2,1500\n3/12/2017,3,2000\n"
                + "3/12/2017,4,3000\n3/12/2017,24,4000\n";
        SmdHourlyData data = SmdHourlyReader.read(new StringReader(text), "x.csv");

        assertThat(data.syntheticHourLines()).containsExactly(3L);
        assertThat(data.droppedSyntheticHours()).isEqualTo(1);
        assertThat(data.hours()).extracting(SmdHour::hourEnding).containsExactly("1", "3", "4", "24");
        assertThat(data.hours()).extracting(SmdHour::line).containsExactly(2L, 4L, 5L, 6L);
        assertThat(data.hours()).extracting(SmdHour::start).containsExactly(Instant.parse("2017-03-12T05:00:00Z"),
                Instant.parse("2017-03-12T06:00:00Z"), Instant.parse("2017-03-12T07:00:00Z"),
                // The day's 23rd and last hour: 23:00–24:00 EDT.
                Instant.parse("2017-03-13T03:00:00Z"));
        assertThat(data.hours().get(1).value(SmdColumn.DEMAND).getAsDouble()).isCloseTo(2000, within(DELTA));
    }

    @Test
    void theSpringForwardDayStillLabelsItsLastHourTwentyFour() {
        String text = "Date,Hour,DEMAND\n2017-03-12,25,1000\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 2: hour ending 25 does not exist on 2017-03-12 (hours ending 1 to 24)");
    }

    @Test
    void aFallBackDayNumberedToTwentyFiveHasNoTwentySixth() {
        String text = "Date,Hour,DEMAND\n2017-11-05,26,1000\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 2: hour ending 26 does not exist on 2017-11-05 (hours ending 1 to 25)");
    }

    @Test
    void aFallBackDayThatLabelsTheRepeatedHourTwoXEndsAtTwentyFour() {
        String text = "Date,Hour,DEMAND\n2017-11-05,2X,1000\n2017-11-05,25,1000\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 3: hour ending 25 does not exist on 2017-11-05 (hours ending 1 to 24)");
    }

    @Test
    void theRepeatedHourMayBeWrittenZeroTwoXInAnyCase() {
        // 2017-11-05: 00:00 EDT = 04:00Z; the second 01:00–02:00 (EST) starts at 06:00Z, 02:00 EST at 07:00Z.
        String text = "Date,Hour,DEMAND\n2017-11-05,2,1000\n2017-11-05,02x,1100\n2017-11-05,3,1200\n";
        SmdHourlyData data = SmdHourlyReader.read(new StringReader(text), "x.csv");

        assertThat(data.hours()).extracting(SmdHour::hourEnding).containsExactly("2", "02X", "3");
        assertThat(data.hours()).extracting(SmdHour::start).containsExactly(Instant.parse("2017-11-05T05:00:00Z"),
                Instant.parse("2017-11-05T06:00:00Z"), Instant.parse("2017-11-05T07:00:00Z"));
    }

    @Test
    void hourEndingZeroDoesNotExist() {
        String text = "Date,Hour,DEMAND\n2017-01-09,0,1000\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 2: hour ending 0 does not exist on 2017-01-09 (hours ending 1 to 24)");
    }

    @Test
    void anHourThatIsNotAWholeNumberIsAnError() {
        String text = "Date,Hour,DEMAND\n2017-01-09,1.5,1000\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 2: hour '1.5' must be an hour ending 1 to 24 (25 or 2X on the fall-back day)");
    }

    @Test
    void hourEndingOneAndTwentyFourOfAnOrdinaryDayAreItsFirstAndLastHour() {
        // 2017-01-09 is in standard time: 00:00 EST = 05:00Z.
        String text = "Date,Hour,DEMAND\n2017-01-09,1,1000\n2017-01-09,24,2000\n";
        SmdHourlyData data = SmdHourlyReader.read(new StringReader(text), "x.csv");
        assertThat(data.hours()).extracting(SmdHour::start).containsExactly(Instant.parse("2017-01-09T05:00:00Z"),
                Instant.parse("2017-01-10T04:00:00Z"));
        assertThat(data.hours().get(1).end()).isEqualTo(Instant.parse("2017-01-10T05:00:00Z"));
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndCaseAndHrEndIsTheHour() {
        String text = "hr_end,Dew_Point,DATE,RT_Demand,Unknown\n3,28.5,2017-01-09,1609.873,x\n";
        SmdHourlyData data = SmdHourlyReader.read(new StringReader(text), "x.csv");

        assertThat(data.columns()).containsExactly(SmdColumn.DEW_POINT, SmdColumn.DEMAND);
        SmdHour hour = data.hours().get(0);
        assertThat(hour.date()).isEqualTo(LocalDate.of(2017, 1, 9));
        assertThat(hour.start()).isEqualTo(Instant.parse("2017-01-09T07:00:00Z"));
        assertThat(hour.value(SmdColumn.DEW_POINT).getAsDouble()).isCloseTo(28.5, within(DELTA));
        assertThat(hour.value(SmdColumn.DEMAND).getAsDouble()).isCloseTo(1609.873, within(DELTA));
        assertThat(hour.value(SmdColumn.DA_LMP)).isEmpty();
    }

    @Test
    void theSameColumnUnderTwoNamesIsAnError() {
        String text = "Date,Hour,DEMAND,RT_Demand\n2017-01-09,1,1,1\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 1: column DEMAND appears twice");
    }

    @Test
    void aHeaderWithDateAndHourButNoValueColumnNamesTheColumnsItKnows() {
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader("Date,Hour,Load\n"), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 1: the header must have the columns Date, Hour and at least one of [DA_DEMD,"
                        + " DEMAND, DA_LMP, DA_EC, DA_CC, DA_MLC, RT_LMP, RT_EC, RT_CC, RT_MLC, DryBulb, DewPnt,"
                        + " SYSLoad, RegSP, RegCP]; found [Date, Hour, Load]");
    }

    @Test
    void aHeaderWithoutTheHourIsAnError() {
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader("Date,DEMAND\n"), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("x.csv, line 1: the header must have the columns Date, Hour and");
    }

    @Test
    void anEmptyFileSaysWhatTheHeaderLooksLike() {
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(""), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv: the file is empty; an SMD hourly file starts with the header"
                        + " Date,Hour,DA_DEMD,DEMAND,…");
    }

    @Test
    void aRowOfEmptyFieldsIsSkipped() {
        String text = "Date,Hour,DEMAND\n2017-01-09,1,1000\n,,\n2017-01-09,2,1100\n";
        SmdHourlyData data = SmdHourlyReader.read(new StringReader(text), "x.csv");
        assertThat(data.hours()).extracting(SmdHour::line).containsExactly(2L, 4L);
    }

    @Test
    void aUsDateThatDoesNotExistIsAnError() {
        String text = "Date,Hour,DEMAND\n2/29/2017,1,1000\n";
        assertThatThrownBy(() -> SmdHourlyReader.read(new StringReader(text), "x.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("x.csv, line 2: date '2/29/2017' must be yyyy-mm-dd or M/D/YYYY");
    }

    @Test
    void hoursOutOfOrderOrRepeatedCannotMakeData() {
        SmdHour nine = new SmdHour(2, LocalDate.of(2017, 1, 9), "5", Instant.parse("2017-01-09T09:00:00Z"), Map.of());
        SmdHour eight = new SmdHour(3, LocalDate.of(2017, 1, 9), "4", Instant.parse("2017-01-09T08:00:00Z"), Map.of());
        SmdHour nineAgain = new SmdHour(3, LocalDate.of(2017, 1, 9), "5", Instant.parse("2017-01-09T09:00:00Z"),
                Map.of());

        assertThatThrownBy(() -> new SmdHourlyData("x.csv", List.of(SmdColumn.DEMAND), List.of(nine, eight), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hours of x.csv must be in time order without repeats: line 3 starts at"
                        + " 2017-01-09T08:00:00Z, line 2 at 2017-01-09T09:00:00Z");
        assertThatThrownBy(() -> new SmdHourlyData("x.csv", List.of(SmdColumn.DEMAND), List.of(nine, nineAgain),
                List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hours of x.csv must be in time order without repeats: line 3");
    }

    @Test
    void aFileWithAHeaderAndNoRowsIsAnEmptySeries() {
        SmdHourlyData data = SmdHourlyReader.read(new StringReader("Date,Hour,DEMAND\n"), "x.csv");
        IntervalSeries demand = data.series(SmdColumn.DEMAND);
        assertThat(data.hours()).isEmpty();
        assertThat(demand.size()).isZero();
        assertThat(demand.start()).isEqualTo(Instant.EPOCH);
        assertThat(demand.step()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void eachColumnKnowsItsUnitAndAlternativeNames() {
        assertThat(SmdColumn.DEMAND.unit()).isEqualTo("MW");
        assertThat(SmdColumn.DEMAND.isDemand()).isTrue();
        assertThat(SmdColumn.DEMAND.description()).isEqualTo("real-time demand");
        assertThat(SmdColumn.RT_LMP.unit()).isEqualTo("$/MWh");
        assertThat(SmdColumn.RT_LMP.isDemand()).isFalse();
        assertThat(SmdColumn.RT_LMP.seriesUnit()).isEqualTo("$/MWh");
        assertThat(SmdColumn.DRY_BULB.isDemand()).isFalse();
        assertThat(SmdColumn.forHeader(" dry_bulb ")).contains(SmdColumn.DRY_BULB);
        assertThat(SmdColumn.forHeader("SYSTEM_LOAD")).contains(SmdColumn.SYSTEM_LOAD);
        assertThat(SmdColumn.forHeader("regcp")).contains(SmdColumn.REG_CAPACITY_PRICE);
        assertThat(SmdColumn.forHeader("Load")).isEmpty();
    }

    @Test
    void aFileIsNamedInMessagesByItsFileName(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("wcma-2017.csv"), "Date,Hour,DEMAND\n2017-01-09,1,1000\n"
                + "2017-01-09,1,1000\n");
        assertThatThrownBy(() -> SmdHourlyReader.read(file))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("wcma-2017.csv");
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessage("wcma-2017.csv, line 3: 2017-01-09 hour ending 1 is the same hour as line 2");

        Files.writeString(file, "Date,Hour,DEMAND\n2017-01-09,1,1000\n");
        SmdHourlyData data = SmdHourlyReader.read(file);
        assertThat(data.source()).isEqualTo("wcma-2017.csv");
        assertThat(data.hours()).hasSize(1);
    }
}
