package org.opencce.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.opencce.domain.Fixtures.ALICE;
import static org.opencce.domain.Fixtures.BOB;
import static org.opencce.domain.Fixtures.CAROL;
import static org.opencce.domain.Fixtures.DELI;
import static org.opencce.domain.Fixtures.ERIN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.time.Quality;
import org.opencce.store.IntervalStore.IntervalWriter;
import org.opencce.store.StoreException;

class ParquetIntervalStoreTest {
    /** Sums of a few thousand doubles: exact up to rounding of the last bits. */
    private static final double DELTA_KWH = 1e-9;
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dataDir;
    private Path intervals;
    private ParquetIntervalStore store;

    @BeforeEach
    void open() {
        intervals = dataDir.resolve("intervals");
        store = new ParquetIntervalStore(intervals);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSeriesAcrossAMonthBoundaryComesBackAsWrittenFromTwoMonthFiles() {
        Instant from = local(2025, 1, 31, 0);
        IntervalSeries series = series(from, 36, 7, Quality.VALID);

        write(Map.of(ALICE, series));

        assertThat(store.hourly(ALICE, from, series.end())).isEqualTo(series);
        assertThat(store.months()).containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
        assertThat(intervals.resolve("month=2025-01").resolve("data.parquet")).isRegularFile();
        assertThat(intervals.resolve("month=2025-02").resolve("data.parquet")).isRegularFile();
        assertThat(store.countReads()).isEqualTo(36);
    }

    @Test
    void theDaylightSavingDaysHaveTwentyThreeAndTwentyFiveHours() {
        LocalDate springForward = LocalDate.of(2025, 3, 9);
        LocalDate fallBack = LocalDate.of(2025, 11, 2);
        Instant[] march = LocalCalendar.dayBounds(springForward);
        Instant[] november = LocalCalendar.dayBounds(fallBack);
        IntervalSeries marchDay = series(march[0], 23, 1, Quality.ESTIMATED);
        IntervalSeries novemberDay = series(november[0], 25, 2, Quality.VALID);

        write(Map.of(CAROL, marchDay));
        write(Map.of(CAROL, novemberDay));

        assertThat(store.hourly(CAROL, march[0], march[1])).isEqualTo(marchDay);
        assertThat(store.hourly(CAROL, november[0], november[1])).isEqualTo(novemberDay);
        assertThat(store.hourly(CAROL, november[0], november[1]).size()).isEqualTo(25);
        assertThat(store.months()).containsExactly(YearMonth.of(2025, 3), YearMonth.of(2025, 11));
    }

    @Test
    void hoursWithoutAReadAreMissingAndNotStored() {
        Instant from = local(2025, 4, 1, 0);
        double[] kwh = {1.5, 0, 2.5, 0, 3.5};
        Quality[] quality = {Quality.VALID, Quality.MISSING, Quality.ESTIMATED, Quality.MISSING, Quality.VALID};
        write(Map.of(DELI, new IntervalSeries(from, HOUR, kwh, quality)));

        IntervalSeries read = store.hourly(DELI, from.minus(HOUR), from.plus(Duration.ofHours(6)));

        assertThat(read.values()).containsExactly(0, 1.5, 0, 2.5, 0, 3.5, 0);
        assertThat(read.qualities()).containsExactly(Quality.MISSING, Quality.VALID, Quality.MISSING,
                Quality.ESTIMATED, Quality.MISSING, Quality.VALID, Quality.MISSING);
        assertThat(store.countReads()).isEqualTo(3);
        assertThat(store.hourly(ERIN, from, from.plus(HOUR)).qualities()).containsExactly(Quality.MISSING);
        assertThat(store.hourly(DELI, from, from).size()).isZero();
    }

    @Test
    void rewritingAnAccountReplacesItsReadsAndKeepsEveryoneElses() {
        Instant from = local(2025, 1, 1, 0);
        int hours = LocalCalendar.hoursIn(YearMonth.of(2025, 1)) + 24;
        IntervalSeries aliceBefore = series(from, hours, 1, Quality.ESTIMATED);
        IntervalSeries bob = series(from, hours, 2, Quality.VALID);
        write(Map.of(ALICE, aliceBefore, BOB, bob));
        long readsBefore = store.countReads();

        IntervalSeries aliceAfter = series(from, hours, 3, Quality.VALID);
        write(Map.of(ALICE, aliceAfter));

        assertThat(store.hourly(ALICE, from, aliceAfter.end())).isEqualTo(aliceAfter);
        assertThat(store.hourly(BOB, from, bob.end())).isEqualTo(bob);
        assertThat(store.countReads()).isEqualTo(readsBefore);
    }

    @Test
    void deletingAccountsRemovesTheirReadsKeepsOthersAndDropsEmptiedMonths() {
        Instant from = local(2025, 1, 1, 0);
        int january = LocalCalendar.hoursIn(YearMonth.of(2025, 1));
        IntervalSeries alice = series(from, january + 24, 1, Quality.VALID);
        IntervalSeries bob = series(from, january, 2, Quality.VALID);
        write(Map.of(ALICE, alice, BOB, bob));

        long removed = store.deleteAccounts(List.of(ALICE));

        assertThat(removed).isEqualTo(january + 24);
        assertThat(store.hourly(ALICE, from, alice.end()).count(Quality.MISSING)).isEqualTo(january + 24);
        assertThat(store.hourly(BOB, from, bob.end())).isEqualTo(bob);
        // February held only Alice's first day: its file is gone.
        assertThat(store.months()).containsExactly(YearMonth.of(2025, 1));
        assertThat(store.countReads()).isEqualTo(january);
        assertThat(store.deleteAccounts(List.of(ALICE))).isZero();
    }

    @Test
    void rewritingSomeHoursKeepsTheAccountsOtherHours() {
        Instant from = local(2025, 6, 1, 0);
        IntervalSeries day = series(from, 24, 4, Quality.ESTIMATED);
        write(Map.of(ALICE, day));
        Instant noon = from.plus(Duration.ofHours(12));
        IntervalSeries afternoonRead = IntervalSeries.valid(noon, HOUR, new double[] {9.25, 9.5});

        write(Map.of(ALICE, afternoonRead));

        IntervalSeries read = store.hourly(ALICE, from, day.end());
        double[] expected = day.values();
        expected[12] = 9.25;
        expected[13] = 9.5;
        assertThat(read.values()).containsExactly(expected);
        assertThat(read.quality(11)).isEqualTo(Quality.ESTIMATED);
        assertThat(read.quality(12)).isEqualTo(Quality.VALID);
        assertThat(store.countReads()).isEqualTo(24);
    }

    @Test
    void theLaterOfTwoAppendsForTheSameHourWins() {
        Instant from = local(2025, 2, 1, 0);
        try (IntervalWriter writer = store.writer()) {
            writer.append(ERIN, IntervalSeries.valid(from, HOUR, new double[] {1, 2, 3}));
            writer.append(ERIN, IntervalSeries.valid(from.plus(HOUR), HOUR, new double[] {20, 30, 40}));
            writer.commit();
        }

        assertThat(store.hourly(ERIN, from, from.plus(Duration.ofHours(4))).values()).containsExactly(1, 20, 30, 40);
    }

    @Test
    void monthFilesAreSortedByAccountThenTimeWithTheDocumentedColumns() throws SQLException {
        Instant from = local(2025, 5, 1, 0);
        Map<AccountId, IntervalSeries> descending = new LinkedHashMap<>();
        for (AccountId id : List.of(ERIN, DELI, CAROL, BOB, ALICE)) {
            descending.put(id, series(from, 48, id.value(), Quality.VALID));
        }
        write(descending);
        write(Map.of(CAROL, series(from, 48, 99, Quality.ESTIMATED)));

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String file = "'" + intervals.resolve("month=2025-05/data.parquet") + "'";
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + file
                    + ", hive_partitioning = false)")) {
                while (rs.next()) {
                    columns.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(columns).containsExactly("account_id BIGINT", "interval_start TIMESTAMP WITH TIME ZONE",
                    "kwh DOUBLE", "quality TINYINT");
            try (ResultSet rs = s.executeQuery("SELECT account_id, epoch(interval_start) FROM read_parquet(" + file
                    + ")")) {
                long previousAccount = 0;
                double previousStart = 0;
                int rows = 0;
                while (rs.next()) {
                    long account = rs.getLong(1);
                    double start = rs.getDouble(2);
                    assertThat(account > previousAccount || account == previousAccount && start > previousStart)
                            .as("row %d (%d, %s) after (%d, %s)", rows, account, start, previousAccount, previousStart)
                            .isTrue();
                    previousAccount = account;
                    previousStart = start;
                    rows++;
                }
                assertThat(rows).isEqualTo(5 * 48);
            }
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT month FROM read_parquet('" + intervals
                    + "/**/*.parquet', hive_partitioning = true)")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("2025-05");
            }
        }
    }

    @Test
    void hourlyTotalsAreTheSumsOfEachGroupsAccountsHourByHour() {
        Instant start = local(2025, 1, 30, 0);
        int hours = 24 * 5;
        Map<AccountId, IntervalSeries> data = new LinkedHashMap<>();
        Random random = new Random(42);
        for (AccountId id : List.of(ALICE, BOB, CAROL, DELI, ERIN)) {
            double[] kwh = new double[hours];
            for (int h = 0; h < hours; h++) {
                kwh[h] = Math.round(random.nextDouble() * 3000) / 1000.0;
            }
            data.put(id, IntervalSeries.valid(start, HOUR, kwh));
        }
        write(data);
        Map<AccountId, Integer> groupOf = Map.of(ALICE, 0, BOB, 0, CAROL, 2, ERIN, 2);
        Instant from = start.plus(Duration.ofHours(30));
        Instant to = from.plus(Duration.ofHours(70));

        double[][] totals = store.hourlyTotals(groupOf, 3, from, to);

        double[][] expected = new double[3][70];
        for (Map.Entry<AccountId, Integer> e : groupOf.entrySet()) {
            for (int h = 0; h < 70; h++) {
                expected[e.getValue()][h] += data.get(e.getKey()).value(30 + h);
            }
        }
        for (int g = 0; g < 3; g++) {
            for (int h = 0; h < 70; h++) {
                assertThat(totals[g][h]).as("group %d hour %d", g, h).isCloseTo(expected[g][h], within(DELTA_KWH));
            }
        }
        assertThat(totals[1]).as("a group without accounts").containsOnly(0.0);
        assertThat(store.hourlyTotals(groupOf, 3, local(2030, 1, 1, 0), local(2030, 1, 2, 0))[0])
                .as("a day without data").hasSize(24).containsOnly(0.0);
    }

    @Test
    void hourlyTotalsRefuseAGroupOutsideTheRange() {
        Instant from = local(2025, 1, 1, 0);

        assertThatThrownBy(() -> store.hourlyTotals(Map.of(ALICE, 3), 3, from, from.plus(HOUR)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group 3");
    }

    @Test
    void aFailedCommitLeavesTheStoredMonthsAsTheyWere() throws IOException {
        Instant january = local(2025, 1, 15, 0);
        Instant february = local(2025, 2, 15, 0);
        write(Map.of(ALICE, series(january, 24, 1, Quality.VALID)));
        write(Map.of(ALICE, series(february, 24, 2, Quality.VALID)));
        Path januaryFile = intervals.resolve("month=2025-01/data.parquet");
        Path februaryFile = intervals.resolve("month=2025-02/data.parquet");
        byte[] januaryBefore = Files.readAllBytes(januaryFile);
        Files.write(februaryFile, "not parquet".getBytes());

        try (IntervalWriter writer = store.writer()) {
            writer.append(BOB, series(january, 24, 5, Quality.VALID));
            writer.append(BOB, series(february, 24, 6, Quality.VALID));
            assertThatThrownBy(writer::commit)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("The stored months are as they were");
        }

        assertThat(Files.readAllBytes(januaryFile)).isEqualTo(januaryBefore);
        assertThat(store.hourly(BOB, january, january.plus(HOUR)).qualities()).containsExactly(Quality.MISSING);
        try (Stream<Path> files = Files.walk(intervals)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void nothingIsVisibleBeforeCommitAndAClosedWriterDiscardsItsSeries() {
        Instant from = local(2025, 7, 1, 0);
        try (IntervalWriter writer = store.writer()) {
            writer.append(ALICE, series(from, 24, 1, Quality.VALID));
            assertThat(store.months()).isEmpty();
        }

        assertThat(store.months()).isEmpty();
        assertThat(store.countReads()).isZero();
    }

    @Test
    void aWriterTakesHourlySeriesOnWholeHoursAndOnlyOneCommit() {
        Instant from = local(2025, 7, 1, 0);
        IntervalWriter writer = store.writer();

        assertThatThrownBy(() -> writer.append(ALICE, IntervalSeries.valid(from, Duration.ofMinutes(15),
                new double[] {1, 2}))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hourly");
        assertThatThrownBy(() -> writer.append(ALICE, IntervalSeries.valid(from.plusSeconds(1800), HOUR,
                new double[] {1}))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole hour");
        writer.append(ALICE, series(from, 2, 1, Quality.VALID));
        writer.commit();
        assertThatThrownBy(() -> writer.append(ALICE, series(from, 2, 1, Quality.VALID)))
                .isInstanceOf(IllegalStateException.class);
        writer.close();
        assertThat(store.countReads()).isEqualTo(2);
    }

    @Test
    void aNewStoreOnTheSameDirectorySeesTheCommittedData() {
        Instant from = local(2025, 8, 1, 0);
        IntervalSeries series = series(from, 10, 3, Quality.ESTIMATED);
        write(Map.of(DELI, series));

        try (ParquetIntervalStore again = new ParquetIntervalStore(intervals)) {
            assertThat(again.hourly(DELI, from, series.end())).isEqualTo(series);
            assertThat(again.months()).containsExactly(YearMonth.of(2025, 8));
        }
    }

    @Test
    void twoStoresOnOneDirectoryCommitInTurnAndKeepEachOthersReads() throws Exception {
        Instant from = local(2025, 9, 1, 0);
        try (ParquetIntervalStore other = new ParquetIntervalStore(intervals)) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<AccountId> ids = List.of(ALICE, BOB, CAROL, DELI, ERIN);
            for (int i = 0; i < ids.size(); i++) {
                ParquetIntervalStore target = i % 2 == 0 ? store : other;
                AccountId id = ids.get(i);
                Thread t = new Thread(() -> {
                    try (IntervalWriter writer = target.writer()) {
                        writer.append(id, series(from, 24 * 40, id.value(), Quality.VALID));
                        writer.commit();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }

            assertThat(failures).isEmpty();
            for (AccountId id : ids) {
                assertThat(other.hourly(id, from, from.plus(Duration.ofHours(24 * 40))))
                        .isEqualTo(series(from, 24 * 40, id.value(), Quality.VALID));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void townLikeRunsAndInterleavedGroupsGiveTheSameTotals() {
        // 200 accounts with ids 1..200: grouped in two runs (like towns), and interleaved (like rate
        // classes, which makes more runs than the pruned-scan plan takes and uses the join instead).
        Instant from = local(2025, 3, 8, 0);
        int hours = 72; // across the spring-forward day
        Map<AccountId, IntervalSeries> data = new LinkedHashMap<>();
        for (long id = 1; id <= 200; id++) {
            data.put(new AccountId(id), series(from, hours, id, Quality.VALID));
        }
        write(data);
        Map<AccountId, Integer> runs = new HashMap<>();
        Map<AccountId, Integer> interleaved = new HashMap<>();
        for (long id = 1; id <= 200; id++) {
            runs.put(new AccountId(id), id <= 120 ? 0 : 1);
            interleaved.put(new AccountId(id), (int) (id % 2));
        }
        assertThat(ParquetIntervalStore.AccountRun.of(runs)).hasSize(2);
        assertThat(ParquetIntervalStore.AccountRun.of(interleaved)).hasSizeGreaterThan(ParquetIntervalStore.MAX_RUNS);

        Instant to = from.plus(Duration.ofHours(hours));
        double[][] byRun = store.hourlyTotals(runs, 2, from, to);
        double[][] byParity = store.hourlyTotals(interleaved, 2, from, to);

        for (int h = 0; h < hours; h++) {
            // Accounts 1..120 have 7,260 kWh + 120 h/1000; 121..200 have 12,840 + 80 h/1000.
            assertThat(byRun[0][h]).isCloseTo(7260 + 120 * h / 1000.0, within(DELTA_KWH * 1000));
            assertThat(byRun[1][h]).isCloseTo(12840 + 80 * h / 1000.0, within(DELTA_KWH * 1000));
            assertThat(byParity[0][h] + byParity[1][h]).isCloseTo(byRun[0][h] + byRun[1][h], within(DELTA_KWH * 1000));
            // Even ids 2..200 sum to 10,100; odd ids 1..199 to 10,000.
            assertThat(byParity[0][h]).isCloseTo(10100 + 100 * h / 1000.0, within(DELTA_KWH * 1000));
        }
    }

    private void write(Map<AccountId, IntervalSeries> seriesByAccount) {
        try (IntervalWriter writer = store.writer()) {
            seriesByAccount.forEach(writer::append);
            writer.commit();
        }
    }

    /** A recognisable series: hour {@code h} of account {@code seed} has {@code seed + h / 1000} kWh. */
    private static IntervalSeries series(Instant from, int hours, long seed, Quality quality) {
        double[] kwh = new double[hours];
        Quality[] q = new Quality[hours];
        for (int h = 0; h < hours; h++) {
            kwh[h] = seed + h / 1000.0;
        }
        Arrays.fill(q, quality);
        return new IntervalSeries(from, HOUR, kwh, q);
    }

    private static Instant local(int year, int month, int day, int hour) {
        return LocalCalendar.startOfDay(LocalDate.of(year, month, day)).plus(Duration.ofHours(hour));
    }
}
