package org.opencce.formats.isone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.Quality;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

class SmdHourlyReaderTest {
    /** Published values have at most three decimals and are parsed, not computed. */
    private static final double DELTA = 1e-9;
    private static final String HEADER = "Date,Hour,DA_DEMD,DEMAND,DA_LMP,DA_EC,DA_CC,DA_MLC,RT_LMP,RT_EC,RT_CC,RT_MLC,"
            + "DryBulb,DewPnt\n";

    private static SmdHourlyData wcmass;

    @BeforeAll
    static void readTheVendoredWcmaFile() {
        wcmass = read("/org/opencce/formats/reference/smd-hourly-2017-wcmass.csv", "smd-hourly-2017-wcmass.csv");
    }

    private static SmdHourlyData read(String resource, String name) {
        InputStream in = SmdHourlyReaderTest.class.getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        return SmdHourlyReader.read(CsvInput.utf8(in), name);
    }

    @Test
    void theFirstHourEndingOneOfJanuaryFirstStartsAtMidnightEasternStandardTime() {
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
        assertThatThrownBy(() -> wcmass.series(SmdColumn.SYSTEM_LOAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no column SYSLoad");
    }
}
