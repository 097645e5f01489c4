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
        assertThatThrownBy(() -> a.plus(b)).hasMessageContaining("share start, step and length")
                .hasMessageContaining("[2025-01-01T05:00:00Z, 2025-01-01T06:00:00Z) step PT1H vs "
                        + "[2025-01-01T06:00:00Z, 2025-01-01T07:00:00Z) step PT1H");
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

    @Test
    void seriesAreEqualExactlyWhenGridValuesAndQualitiesAre() {
        IntervalSeries s = new IntervalSeries(T0, HOUR, new double[] {1, 2}, new Quality[] {Quality.VALID, Quality.MISSING});
        IntervalSeries same = new IntervalSeries(T0, HOUR, new double[] {1, 2}, new Quality[] {Quality.VALID, Quality.MISSING});
        assertThat(s).isEqualTo(same).hasSameHashCodeAs(same);
        // Distinct series spread over hash buckets rather than sharing one.
        assertThat(s.hashCode()).isNotEqualTo(IntervalSeries.valid(T0, HOUR, new double[] {1, 2}).hashCode());
        assertThat(s).isNotEqualTo(new IntervalSeries(T0, HOUR, new double[] {1, 3},
                new Quality[] {Quality.VALID, Quality.MISSING}));
        assertThat(s).isNotEqualTo(IntervalSeries.valid(T0, HOUR, new double[] {1, 2}));
        assertThat(s).isNotEqualTo(new IntervalSeries(T0.plus(HOUR), HOUR, new double[] {1, 2},
                new Quality[] {Quality.VALID, Quality.MISSING}));
        assertThat(s).isNotEqualTo(new IntervalSeries(T0, Duration.ofMinutes(15), new double[] {1, 2},
                new Quality[] {Quality.VALID, Quality.MISSING}));
        assertThat(s).isNotEqualTo("[1, 2]");
        assertThat(s.quality(1)).isEqualTo(Quality.MISSING);
        assertThat(s.step()).isEqualTo(HOUR);
        assertThat(s.toString()).isEqualTo("IntervalSeries[2025-01-01T05:00:00Z, 2025-01-01T07:00:00Z) step PT1H n=2");
    }

    @Test
    void aSumIsAsGoodAsItsWorstPart() {
        assertThat(Quality.VALID.combine(Quality.VALID)).isEqualTo(Quality.VALID);
        assertThat(Quality.VALID.combine(Quality.ESTIMATED)).isEqualTo(Quality.ESTIMATED);
        assertThat(Quality.MISSING.combine(Quality.VALID)).isEqualTo(Quality.MISSING);
        assertThat(Quality.ESTIMATED.combine(Quality.MISSING)).isEqualTo(Quality.MISSING);
    }

    @Test
    void aStepMustBePositiveAndEveryIntervalNeedsAQuality() {
        assertThatThrownBy(() -> IntervalSeries.valid(T0, Duration.ZERO, new double[] {1}))
                .hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> IntervalSeries.valid(T0, Duration.ofHours(-1), new double[] {1}))
                .hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> new IntervalSeries(T0, HOUR, new double[] {1, 2}, new Quality[] {Quality.VALID, null}))
                .hasMessageContaining("quality of interval 1 is missing");
    }
}
