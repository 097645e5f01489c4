package org.opencce.store.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.store.IntervalStore.IntervalWriter;

/**
 * Measures the interval store on the demo's scale: writes a year of synthetic hourly reads for
 * 28,000 accounts (245 million rows), then times the community load path against the plain GROUP BY
 * and the in-memory ceiling ({@link AggregationBenchmark}). Not a test: run it by hand, with heap for
 * the ceiling's arrays (8 bytes × accounts × hours), for instance
 *
 * <pre>
 * java -Xmx6g -cp store/target/classes:store/target/test-classes:$(cat cp.txt) \
 *     org.opencce.store.parquet.IntervalStoreBenchmark /tmp/opencce-bench 28000 write
 * </pre>
 *
 * Arguments: the intervals directory, the number of accounts, and {@code write} (generate and write,
 * then aggregate) or {@code read} (aggregate what is there).
 */
public final class IntervalStoreBenchmark {
    private static final int GROUPS = 3;
    private static final int RUNS = 3;

    private IntervalStoreBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/opencce-bench");
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 28_000;
        boolean write = args.length <= 2 || args[2].equals("write");
        Instant from = LocalCalendar.startOfDay(LocalDate.of(2025, 1, 1));
        Instant to = LocalCalendar.startOfDay(LocalDate.of(2026, 1, 1));
        int hours = LocalCalendar.hoursIn(2025);

        try (ParquetIntervalStore store = new ParquetIntervalStore(dir)) {
            if (write) {
                writeSyntheticYear(store, accounts, from, hours);
            }
            Map<AccountId, Integer> groupOf = new LinkedHashMap<>();
            for (int a = 1; a <= accounts; a++) {
                groupOf.put(new AccountId(a), a % GROUPS);
            }
            AggregationBenchmark benchmark = new AggregationBenchmark(store);
            System.out.println("-- a year, every account, " + GROUPS + " groups");
            aggregate(benchmark, groupOf, from, to);
            Map<AccountId, Integer> firstThird = new LinkedHashMap<>();
            for (int a = 1; a <= accounts / 3; a++) {
                firstThird.put(new AccountId(a), a % GROUPS);
            }
            System.out.println("-- January, the first third of the accounts");
            aggregate(benchmark, firstThird, from, LocalCalendar.startOfDay(LocalDate.of(2025, 2, 1)));
            long started = System.nanoTime();
            IntervalSeries one = store.hourly(new AccountId(accounts / 2), from, to);
            System.out.printf("hourly(one account, one year): %d ms, %d hours, %.1f kWh%n",
                    (System.nanoTime() - started) / 1_000_000, one.size(), one.total());
        }
    }

    private static void writeSyntheticYear(ParquetIntervalStore store, int accounts, Instant from, int hours)
            throws IOException {
        long generating = 0;
        long appending = 0;
        long started = System.nanoTime();
        long commitStarted;
        try (IntervalWriter writer = store.writer()) {
            double[] kwh = new double[hours];
            for (int a = 1; a <= accounts; a++) {
                long t0 = System.nanoTime();
                syntheticYear(a, kwh);
                IntervalSeries series = IntervalSeries.valid(from, Duration.ofHours(1), kwh);
                long t1 = System.nanoTime();
                writer.append(new AccountId(a), series);
                appending += System.nanoTime() - t1;
                generating += t1 - t0;
            }
            commitStarted = System.nanoTime();
            writer.commit();
        }
        long finished = System.nanoTime();
        long rows = store.countReads();
        double storeSeconds = (appending + finished - commitStarted) / 1e9;
        System.out.printf("wrote %,d rows: generating %.1f s (not the store's), append %.1f s, commit %.1f s;"
                + " store total %.1f s = %,.0f rows/s; wall %.1f s; %,d MB on disk%n", rows, generating / 1e9,
                appending / 1e9, (finished - commitStarted) / 1e9, storeSeconds, rows / storeSeconds,
                (finished - started) / 1e9, size(store.directory()) / 1_000_000);
    }

    /** A residential-looking year: daily and seasonal shape, a size per account, metered to the Wh. */
    static void syntheticYear(int account, double[] kwh) {
        long state = 0x9E3779B97F4A7C15L * account;
        double size = 0.4 + (account % 97) / 60.0;
        for (int h = 0; h < kwh.length; h++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            double noise = ((state >>> 11) * 0x1.0p-53) - 0.5;
            double daily = 0.6 + 0.4 * Math.sin((h % 24 - 7) * Math.PI / 12);
            double seasonal = 1.0 + 0.35 * Math.cos((h / 24.0 - 15) * 2 * Math.PI / 365);
            kwh[h] = Math.max(0, Math.round(size * daily * seasonal * (1 + 0.6 * noise) * 1000) / 1000.0);
        }
    }

    private static void aggregate(AggregationBenchmark benchmark, Map<AccountId, Integer> groupOf, Instant from,
            Instant to) {
        AggregationBenchmark.Timed project = null;
        AggregationBenchmark.Timed plain = null;
        long[] projectMillis = new long[RUNS];
        long[] plainMillis = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            project = benchmark.projectPath(groupOf, GROUPS, from, to);
            plain = benchmark.plainGroupBy(groupOf, GROUPS, from, to);
            projectMillis[run] = project.elapsed().toMillis();
            plainMillis[run] = plain.elapsed().toMillis();
        }
        System.out.printf("project path (hourlyTotals): %s ms%n", Arrays.toString(projectMillis));
        System.out.printf("plain GROUP BY:              %s ms%n", Arrays.toString(plainMillis));
        long loading = System.nanoTime();
        AggregationBenchmark.InMemorySeries loaded = benchmark.loadIntoMemory(groupOf, from, to);
        System.out.printf("(loading into memory, not timed: %.1f s)%n", (System.nanoTime() - loading) / 1e9);
        AggregationBenchmark.Timed ceiling = null;
        long[] ceilingMillis = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            ceiling = benchmark.inMemorySum(loaded, GROUPS);
            ceilingMillis[run] = ceiling.elapsed().toMillis();
        }
        System.out.printf("in-memory ceiling:           %s ms%n", Arrays.toString(ceilingMillis));
        System.out.printf("largest difference: project vs plain %.3g kWh, project vs ceiling %.3g kWh%n",
                maxDifference(project.kwhByGroupAndHour(), plain.kwhByGroupAndHour()),
                maxDifference(project.kwhByGroupAndHour(), ceiling.kwhByGroupAndHour()));
    }

    private static double maxDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int g = 0; g < a.length; g++) {
            for (int h = 0; h < a[g].length; h++) {
                max = Math.max(max, Math.abs(a[g][h] - b[g][h]));
            }
        }
        return max;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
