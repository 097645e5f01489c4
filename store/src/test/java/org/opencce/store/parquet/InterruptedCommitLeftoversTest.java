package org.opencce.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.store.IntervalStore.IntervalWriter;

/** What a process killed in the middle of a commit leaves in the interval folder, and what opening it does. */
class InterruptedCommitLeftoversTest {

    @Test
    void openingTheStoreRemovesTheUnfinishedMonthFilesAndKeepsTheCommittedOnes(@TempDir Path dataDir)
            throws IOException {
        Path intervals = dataDir.resolve("intervals");
        Instant from = Instant.parse("2025-03-01T05:00:00Z");
        IntervalSeries series = IntervalSeries.valid(from, Duration.ofHours(1), new double[] {1.5, 2.5, 3.5});
        try (ParquetIntervalStore store = new ParquetIntervalStore(intervals);
                IntervalWriter writer = store.writer()) {
            writer.append(Fixtures.ALICE, series);
            writer.commit();
        }
        // A commit writes each month to ".data-<uuid>.parquet.tmp" beside its data file, then renames it.
        Path march = intervals.resolve("month=2025-03");
        Path leftover = Files.write(march.resolve(".data-0b7e.parquet.tmp"), new byte[] {'P', 'A', 'R', '1'});
        Path newMonth = Files.createDirectories(intervals.resolve("month=2025-04"));
        Path leftoverOfANewMonth = Files.write(newMonth.resolve(".data-9f1c.parquet.tmp"), new byte[4096]);

        try (ParquetIntervalStore reopened = new ParquetIntervalStore(intervals)) {
            assertThat(leftover).doesNotExist();
            assertThat(leftoverOfANewMonth).doesNotExist();
            assertThat(reopened.months()).containsExactly(YearMonth.of(2025, 3));
            assertThat(reopened.hourly(Fixtures.ALICE, from, series.end())).isEqualTo(series);
        }
    }
}
