package org.opencce.store.parquet;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.duckdb.DuckDBConnection;
import org.opencce.domain.community.AccountId;

/**
 * Measures the community load path ({@link ParquetIntervalStore#hourlyTotals}) against two
 * references on the same data, so that its speed can be judged:
 * <ul>
 * <li>the <em>plain</em> query an analyst would write: every Parquet file of the directory through
 *     {@code read_parquet('<dir>/**}{@code /*.parquet', hive_partitioning = true)}, joined with the
 *     account → group mapping, {@code GROUP BY group, interval_start}, the hour found afterwards;
 * <li>the <em>ceiling</em>: every account's hours already in memory as {@code double[]} (loaded
 *     beforehand, not timed), summed into the group arrays in one pass.
 * </ul>
 * All three return {@code kwhByGroupAndHour[group][hour]} as {@code hourlyTotals} does. Each timed
 * method measures wall-clock time of that call only. Not thread-safe; one benchmark at a time.
 */
public final class AggregationBenchmark {
    private final ParquetIntervalStore store;

    public AggregationBenchmark(ParquetIntervalStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The result of one timed run. */
    public record Timed(double[][] kwhByGroupAndHour, Duration elapsed) {
    }

    /** Every account's hours in memory: {@code kwhByHour[i]} belongs to {@code accounts[i]} in {@code groups[i]}. */
    public record InMemorySeries(long[] accounts, int[] groups, double[][] kwhByHour, int hours) {
    }

    /** The project path: {@link ParquetIntervalStore#hourlyTotals}. */
    public Timed projectPath(Map<AccountId, Integer> groupOf, int groupCount, Instant from, Instant to) {
        long started = System.nanoTime();
        double[][] totals = store.hourlyTotals(groupOf, groupCount, from, to);
        return new Timed(totals, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The plain baseline: a straightforward GROUP BY over all files of the directory. */
    public Timed plainGroupBy(Map<AccountId, Integer> groupOf, int groupCount, Instant from, Instant to) {
        int hours = IntervalLayout.hoursBetween(from, to);
        long started = System.nanoTime();
        double[][] totals = new double[groupCount][hours];
        String all = store.directory().resolve("**").resolve("*.parquet").toString();
        try (DuckDBConnection c = store.connection()) {
            ParquetIntervalStore.registerGroups(c, groupOf);
            try (PreparedStatement q = c.prepareStatement("SELECT m.g, epoch(p.interval_start)::BIGINT, sum(p.kwh)"
                    + " FROM read_parquet(?, hive_partitioning = true) p JOIN account_group m USING (account_id)"
                    + " WHERE p.interval_start >= ? AND p.interval_start < ?"
                    + " GROUP BY m.g, p.interval_start")) {
                q.setString(1, all);
                q.setObject(2, ParquetIntervalStore.utc(from));
                q.setObject(3, ParquetIntervalStore.utc(to));
                long fromSecond = from.getEpochSecond();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        int h = (int) ((rs.getLong(2) - fromSecond) / IntervalLayout.SECONDS_PER_HOUR);
                        totals[rs.getInt(1)][h] = rs.getDouble(3);
                    }
                }
            }
        } catch (SQLException e) {
            throw store.failure("run the plain GROUP BY", e);
        }
        return new Timed(totals, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Loads the hours of every account of {@code groupOf} into memory, for {@link #inMemorySum}. Not
     * timed; needs about {@code 8 × accounts × hours} bytes of heap.
     */
    public InMemorySeries loadIntoMemory(Map<AccountId, Integer> groupOf, Instant from, Instant to) {
        int hours = IntervalLayout.hoursBetween(from, to);
        long[] accounts = new long[groupOf.size()];
        int[] groups = new int[groupOf.size()];
        double[][] kwhByHour = new double[groupOf.size()][hours];
        Map<Long, Integer> index = new HashMap<>();
        int i = 0;
        for (Map.Entry<AccountId, Integer> e : groupOf.entrySet()) {
            accounts[i] = e.getKey().value();
            groups[i] = e.getValue();
            index.put(accounts[i], i);
            i++;
        }
        try (DuckDBConnection c = store.connection();
                PreparedStatement q = c.prepareStatement("SELECT account_id, epoch(interval_start)::BIGINT, kwh"
                        + " FROM read_parquet(?, hive_partitioning = false)"
                        + " WHERE interval_start >= ? AND interval_start < ?")) {
            q.setArray(1, ParquetIntervalStore.paths(c, store.existingFiles(from, to)));
            q.setObject(2, ParquetIntervalStore.utc(from));
            q.setObject(3, ParquetIntervalStore.utc(to));
            long fromSecond = from.getEpochSecond();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Integer row = index.get(rs.getLong(1));
                    if (row != null) {
                        kwhByHour[row][(int) ((rs.getLong(2) - fromSecond) / IntervalLayout.SECONDS_PER_HOUR)] =
                                rs.getDouble(3);
                    }
                }
            }
        } catch (SQLException e) {
            throw store.failure("load the hourly data into memory", e);
        }
        return new InMemorySeries(accounts, groups, kwhByHour, hours);
    }

    /** The ceiling: one pass over the in-memory arrays, summing each account into its group. */
    public Timed inMemorySum(InMemorySeries loaded, int groupCount) {
        long started = System.nanoTime();
        double[][] totals = new double[groupCount][loaded.hours()];
        for (int i = 0; i < loaded.accounts().length; i++) {
            double[] kwhByHour = loaded.kwhByHour()[i];
            double[] groupTotals = totals[loaded.groups()[i]];
            for (int h = 0; h < kwhByHour.length; h++) {
                groupTotals[h] += kwhByHour[h];
            }
        }
        return new Timed(totals, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The directory the benchmark reads. */
    public Path directory() {
        return store.directory();
    }
}
