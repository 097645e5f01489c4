package org.opencce.store.parquet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.time.Quality;
import org.opencce.store.IntervalStore.IntervalWriter;
import org.opencce.store.StoreException;

/**
 * Stages appended series in a DuckDB database of its own and writes them as Parquet on
 * {@link #commit()}.
 *
 * <p>Staging: each series is cut at local month boundaries and each piece becomes one row of that
 * month's staging table, {@code (account_id, start_s, seq, kwh DOUBLE[], quality, qualities)}, sent
 * through DuckDB's appender as a primitive array: one row per account and month instead of one per
 * hour. A piece whose hours share one quality keeps it in {@code quality} and no list.
 *
 * <p>Writing a month: DuckDB unnests the pieces into hourly rows and copies them to a temporary
 * Parquet file next to the month's data file. When the month has no data file yet and every account
 * came once (the bulk case), no sort is needed: the pieces are read in account order (as appended,
 * or after sorting the few thousand pieces) and unnesting keeps that order. Otherwise the new rows
 * are merged with the stored ones, replacing those with the same account and hour, and the month is
 * sorted. After all months are written the files are renamed into place.
 *
 * <p>Thread-safe (its methods are synchronized), though meant to be filled by one thread.
 */
final class ParquetIntervalWriter implements IntervalWriter {
    private static final Duration HOUR = Duration.ofHours(1);

    private final ParquetIntervalStore store;
    private final Map<YearMonth, Staged> months = new TreeMap<>();
    private DuckDBConnection staging;
    private Path spill;
    private long sequence;
    private boolean finished;

    ParquetIntervalWriter(ParquetIntervalStore store) {
        this.store = store;
    }

    /**
     * Stages an hourly series that starts on a whole UTC hour; its {@code MISSING} hours are left out.
     *
     * @throws IllegalArgumentException if the step is not one hour or the start not on an hour
     */
    @Override
    public synchronized void append(AccountId account, IntervalSeries series) {
        requireOpen();
        if (!series.step().equals(HOUR)) {
            throw new IllegalArgumentException("the interval store keeps hourly reads; add sub-hourly reads up to"
                    + " hours first (account " + account + ", step " + series.step() + ")");
        }
        Instant start = series.start();
        if (start.getEpochSecond() % IntervalLayout.SECONDS_PER_HOUR != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("series of account " + account + " must start on a whole hour, started"
                    + " at " + start);
        }
        double[] kwh = series.values();
        Quality[] quality = series.qualities();
        long startSecond = start.getEpochSecond();
        int i = 0;
        while (i < kwh.length) {
            long pieceStart = startSecond + i * IntervalLayout.SECONDS_PER_HOUR;
            YearMonth month = LocalCalendar.monthOf(Instant.ofEpochSecond(pieceStart));
            long monthEnd = IntervalLayout.startOf(month.plusMonths(1)).getEpochSecond();
            int end = (int) Math.min(kwh.length, i + (monthEnd - pieceStart) / IntervalLayout.SECONDS_PER_HOUR);
            stage(account.value(), month, pieceStart, kwh, quality, i, end);
            i = end;
        }
    }

    private void stage(long account, YearMonth month, long startSecond, double[] kwh, Quality[] quality, int from,
            int to) {
        byte uniform = IntervalLayout.code(quality[from]);
        for (int h = from + 1; h < to && uniform >= 0; h++) {
            if (IntervalLayout.code(quality[h]) != uniform) {
                uniform = -1;
            }
        }
        if (uniform == IntervalLayout.MISSING) {
            return;
        }
        try {
            Staged staged = staged(month);
            staged.note(account);
            DuckDBAppender row = staged.appender.beginRow()
                    .append(account)
                    .append(startSecond)
                    .append(sequence++)
                    .append(Arrays.copyOfRange(kwh, from, to));
            if (uniform >= 0) {
                row.append(uniform).appendNull();
            } else {
                byte[] codes = new byte[to - from];
                for (int h = from; h < to; h++) {
                    codes[h - from] = IntervalLayout.code(quality[h]);
                }
                row.appendNull().appendByteArray(codes);
            }
            row.endRow();
        } catch (SQLException e) {
            throw new StoreException("Could not stage the reads of account " + account + " for " + month + ": "
                    + e.getMessage(), e);
        }
    }

    private Staged staged(YearMonth month) throws SQLException {
        Staged staged = months.get(month);
        if (staged == null) {
            if (staging == null) {
                try {
                    spill = Files.createTempDirectory("opencce-intervals-");
                } catch (IOException e) {
                    throw new StoreException("Cannot create a temporary folder to stage interval data: "
                            + e.getMessage() + ". Check the free space and java.io.tmpdir.", e);
                }
                staging = DuckDb.open("staging interval data", spill);
            }
            String table = "staged_" + month.toString().replace('-', '_');
            try (Statement s = staging.createStatement()) {
                s.execute("CREATE TABLE " + table + " (account_id BIGINT, start_s BIGINT, seq BIGINT, kwh DOUBLE[],"
                        + " quality TINYINT, qualities TINYINT[])");
            }
            staged = new Staged(table, staging.createAppender(table));
            months.put(month, staged);
        }
        return staged;
    }

    @Override
    public synchronized void commit() {
        requireOpen();
        finished = true;
        Map<YearMonth, Path> written = new TreeMap<>();
        List<YearMonth> published = new ArrayList<>();
        try {
            for (Staged staged : months.values()) {
                staged.appender.close();
            }
            store.underCommitLock(() -> {
                for (Map.Entry<YearMonth, Staged> e : months.entrySet()) {
                    Path dir = IntervalLayout.monthDirectory(store.directory(), e.getKey());
                    Files.createDirectories(dir);
                    deleteLeftoverTempFiles(dir);
                    Path target = dir.resolve(IntervalLayout.FILE_NAME);
                    Path temp = dir.resolve(".data-" + UUID.randomUUID() + IntervalLayout.TEMP_SUFFIX);
                    written.put(e.getKey(), temp);
                    writeMonth(e.getValue(), temp, Files.isRegularFile(target) ? target : null);
                }
                store.whileNoOneReads(() -> {
                    for (Map.Entry<YearMonth, Path> e : written.entrySet()) {
                        Files.move(e.getValue(), IntervalLayout.monthFile(store.directory(), e.getKey()),
                                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        published.add(e.getKey());
                    }
                });
            });
        } catch (IOException | SQLException | RuntimeException e) {
            for (Path temp : written.values()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            String outcome = published.isEmpty() ? "The stored months are as they were"
                    : "Months " + published + " were replaced, the others are as they were";
            throw new StoreException("Could not write the interval data of " + months.keySet() + " to "
                    + store.directory() + ": " + e.getMessage() + ". " + outcome + "; check the free space and that"
                    + " the files are readable, then write again.", e);
        } finally {
            release();
        }
    }

    private void writeMonth(Staged staged, Path temp, Path existing) throws SQLException {
        String hourlyRows = "SELECT account_id, to_timestamp(start_s + 3600 * (i - 1)) AS interval_start, kwh,"
                + " coalesce(uniform_quality, hour_quality)::TINYINT AS quality, seq"
                + " FROM (SELECT account_id, start_s, seq, quality AS uniform_quality,"
                + "   generate_subscripts(kwh, 1) AS i, unnest(kwh) AS kwh, unnest(qualities) AS hour_quality"
                + "   FROM %s)"
                + " WHERE coalesce(uniform_quality, hour_quality) <> " + IntervalLayout.MISSING;
        String columns = "account_id, interval_start, kwh, quality";
        String copyOptions = " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE " + ParquetIntervalStore.ROW_GROUP_SIZE
                + ")";
        try (Statement s = staging.createStatement()) {
            if (existing == null && !staged.repeated) {
                String source = staged.table;
                if (!staged.ascending) {
                    // Sort the pieces (one per account), not the hours: unnesting keeps the order.
                    source = staged.table + "_sorted";
                    s.execute("CREATE TABLE " + source + " AS SELECT * FROM " + staged.table
                            + " ORDER BY account_id, start_s");
                    s.execute("DROP TABLE " + staged.table);
                }
                s.execute("COPY (SELECT " + columns + " FROM (" + String.format(hourlyRows, source) + ")) TO "
                        + IntervalLayout.literal(temp) + copyOptions);
                s.execute("DROP TABLE " + source);
                return;
            }
            // An account and hour appended twice: the later append wins.
            s.execute("CREATE TABLE new_rows AS SELECT " + columns + " FROM (" + String.format(hourlyRows, staged.table)
                    + ")" + (staged.repeated
                            ? " QUALIFY row_number() OVER (PARTITION BY account_id, interval_start ORDER BY seq DESC) = 1"
                            : ""));
            s.execute("DROP TABLE " + staged.table);
            String merged = existing == null ? "SELECT " + columns + " FROM new_rows"
                    : "SELECT " + columns + " FROM new_rows UNION ALL SELECT " + columns + " FROM read_parquet("
                            + IntervalLayout.literal(existing) + ", hive_partitioning = false) old WHERE NOT EXISTS (SELECT 1 FROM new_rows n"
                            + " WHERE n.account_id = old.account_id AND n.interval_start = old.interval_start)";
            s.execute("COPY (" + merged + " ORDER BY account_id, interval_start) TO " + IntervalLayout.literal(temp)
                    + copyOptions);
            s.execute("DROP TABLE new_rows");
        }
    }

    private static void deleteLeftoverTempFiles(Path dir) throws IOException {
        // Only a commit writes temporary files, and we hold the commit lock: these are from a crash.
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*" + IntervalLayout.TEMP_SUFFIX)) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Discards whatever was not committed. */
    @Override
    public synchronized void close() {
        if (!finished) {
            finished = true;
            release();
        }
    }

    private void release() {
        try {
            if (staging != null) {
                staging.close();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not release the staged interval data: " + e.getMessage(), e);
        } finally {
            staging = null;
            months.clear();
            deleteSpill();
        }
    }

    private void deleteSpill() {
        if (spill == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(spill)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new StoreException("Could not delete the staging folder " + spill + ": " + e.getMessage(), e);
        } finally {
            spill = null;
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("this interval writer was already committed or closed; take a new one");
        }
    }

    /** One month's staging table, and what the appends told about its order. */
    private static final class Staged {
        final String table;
        final DuckDBAppender appender;
        final Set<Long> accounts = new HashSet<>();
        /** Some account was appended more than once for this month. */
        boolean repeated;
        /** Accounts came in ascending order, so the table is already sorted. */
        boolean ascending = true;
        long lastAccount = Long.MIN_VALUE;

        Staged(String table, DuckDBAppender appender) {
            this.table = table;
            this.appender = appender;
        }

        void note(long account) {
            if (!accounts.add(account)) {
                repeated = true;
            }
            if (account < lastAccount) {
                ascending = false;
            }
            lastAccount = account;
        }
    }
}
