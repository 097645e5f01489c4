package org.opencce.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IntervalSeriesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T05:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void intervalsAreHalfOpenAndEndAfterTheLast() {
        IntervalSeries s = IntervalSeries.valid(T0, HOUR, new double[] {1, 2, 3});
        assertThat(s.intervalStart(2)).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(s.end()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(s.total()).isEqualTo(6);
    }

    @Test
    void theSeriesIsImmutable() {
        double[] values = {1, 2};
        IntervalSeries s = IntervalSeries.valid(T0, HOUR, values);
        values[0] = 99;
        s.values()[1] = 99;
        assertThat(s.value(0)).isEqualTo(1);
        assertThat(s.value(1)).isEqualTo(2);
    }

    @Test
    void aSumTakesTheWorseQualityOfEachInterval() {
        IntervalSeries a = new IntervalSeries(T0, HOUR, new double[] {1, 2, 0},
                new Quality[] {Quality.VALID, Quality.ESTIMATED, Quality.VALID});
        IntervalSeries b = new IntervalSeries(T0, HOUR, new double[] {1, 1, 0},
                new Quality[] {Quality.VALID, Quality.VALID, Quality.MISSING});
        IntervalSeries sum = a.plus(b);
        assertThat(sum.values()).containsExactly(2, 3, 0);
        assertThat(sum.qualities()).containsExactly(Quality.VALID, Quality.ESTIMATED, Quality.MISSING);
        assertThat(sum.count(Quality.MISSING)).isEqualTo(1);
    }

    @Test
    void seriesOnDifferentGridsCannotBeAdded() {
        IntervalSeries a = IntervalSeries.valid(T0, HOUR, new double[] {1});
        IntervalSeries b = IntervalSeries.valid(T0.plus(HOUR), HOUR, new double[] {1});
        assertThatThrownBy(() -> a.plus(b)).hasMessageContaining("share start, step and length");
    }

    @Test
    void badValuesAreRefusedWithTheirPosition() {
        assertThatThrownBy(() -> IntervalSeries.valid(T0, HOUR, new double[] {1, Double.NaN}))
                .hasMessageContaining("interval 1");
        assertThatThrownBy(() -> new IntervalSeries(T0, HOUR, new double[] {1}, new Quality[2]))
                .hasMessageContaining("same length");
    }

    @Test
    void aLocalDayOfHourlyReadsHasTwentyThreeOrTwentyFiveValuesAcrossDst() {
        for (LocalDate day : new LocalDate[] {LocalDate.of(2025, 3, 9), LocalDate.of(2025, 11, 2)}) {
            Instant[] bounds = LocalCalendar.dayBounds(day);
            int hours = (int) Duration.between(bounds[0], bounds[1]).toHours();
            IntervalSeries s = IntervalSeries.valid(bounds[0], HOUR, new double[hours]);
            assertThat(s.end()).isEqualTo(bounds[1]);
            assertThat(s.size()).isEqualTo(day.getMonthValue() == 3 ? 23 : 25);
        }
    }
}
