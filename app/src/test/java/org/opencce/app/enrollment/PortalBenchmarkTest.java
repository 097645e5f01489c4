package org.opencce.app.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The latency percentiles of the portal benchmark: nearest rank, as load tools report them. */
class PortalBenchmarkTest {
    @Test
    void theNearestRankPercentileOfOneToAHundredMillisecondsIsTheRankItself() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = (i + 1) * 1_000_000L;
        }
        assertThat(PortalBenchmark.percentileMs(sorted, 0.50)).isEqualTo(50.0);
        assertThat(PortalBenchmark.percentileMs(sorted, 0.99)).isEqualTo(99.0);
        assertThat(PortalBenchmark.percentileMs(sorted, 1.0)).isEqualTo(100.0);
    }

    @Test
    void ofThreeLatenciesTheMedianIsTheMiddleOneAndP99TheLargest() {
        long[] sorted = {2_000_000L, 5_000_000L, 40_000_000L};
        assertThat(PortalBenchmark.percentileMs(sorted, 0.50)).isEqualTo(5.0);
        assertThat(PortalBenchmark.percentileMs(sorted, 0.99)).isEqualTo(40.0);
        assertThat(PortalBenchmark.percentileMs(new long[0], 0.99)).isZero();
    }
}
