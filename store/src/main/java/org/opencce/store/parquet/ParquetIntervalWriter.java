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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.store.IntervalStore.IntervalWriter;
import org.opencce.store.StoreException;

/**
 * Stages appended series in a DuckDB database of its own and writes them as Parquet on
 * {@link #commit()}.
 *
 * <p>Staging: each series is cut at local month boundaries and each piece becomes one row of that
 * month's staging table, {@code (account_id, start_s, seq, kwh DOUBLE[], quality, qualities)}, sent
 * through DuckDB's appender as a primitive array: one row per account and month instead of one per
 * hour. A piece whose hours share one quality keeps it in {@code quality} and no list. The caller's
 * thread cuts and copies the pieces; a staging thread of the writer hands them to DuckDB, so that
 * DuckDB's work overlaps with the caller's (computing the next series) on a second core. A bounded
 * queue between the two keeps memory flat.
 *
 * <p>Writing a month: DuckDB unnests the pieces into hourly rows and copies them to a temporary
 * Parquet file next to the month's data file. When the month has no data file yet and every account
 * came once (the bulk case), no sort is needed: the pieces are read in account order (as appended,
 * or after sorting the few thousand pieces) and unnesting keeps that order. Otherwise the new rows
 * are merged with the stored ones, replacing those with the same account and hour, and the month is
 * sorted. Months are written side by side, one per core. After all months are written the files
 * are renamed into place.
 *
 * <p>Thread-safe (its methods are synchronized), though meant to be filled by one thread. Not
 * reusable: after {@code commit} or {@code close}, take a new writer.
 */
final class ParquetIntervalWriter implements IntervalWriter {
    private static final Duration HOUR = Duration.ofHours(1);

    /** Pieces waiting for the staging thread; bounded so that a fast caller waits instead of piling up. */
    private static final int QUEUE_CAPACITY = 512;
    private static final Piece END = new Piece(null, 0, 0, 0, null, (byte) 0, null);

    private final ParquetIntervalStore store;
    /** What the appends told about each month; the caller's thread only. */
    private final Map<YearMonth, MonthInfo> months = new TreeMap<>();
    /** Each month's table and appender; the staging thread only, until it has ended. */
    private final Map<YearMonth, DuckDBAppender> appenders = new TreeMap<>();
    private final BlockingQueue<Piece> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile Throwable stagingFailure;
    private Thread stager;
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
        long startSecond = start.getEpochSecond();
        int i = 0;
        while (i < series.size()) {
            long pieceStart = startSecond + i * IntervalLayout.SECONDS_PER_HOUR;
            YearMonth month = LocalCalendar.monthOf(Instant.ofEpochSecond(pieceStart));
            long monthEnd = IntervalLayout.startOf(month.plusMonths(1)).getEpochSecond();
            int end = (int) Math.min(series.size(), i + (monthEnd - pieceStart) / IntervalLayout.SECONDS_PER_HOUR);
            stage(account.value(), month, pieceStart, series, i, end);
            i = end;
        }
    }

    /** Hours {@code [from, to)} of the series, all in one month; read in place, copied once. */
    private void stage(long account, YearMonth month, long startSecond, IntervalSeries series, int from, int to) {
        byte uniform = IntervalLayout.code(series.quality(from));
        for (int h = from + 1; h < to && uniform >= 0; h++) {
            if (IntervalLayout.code(series.quality(h)) != uniform) {
                uniform = -1;
            }
        }
        if (uniform == IntervalLayout.MISSING) {
            return;
        }
        byte[] codes = null;
        if (uniform < 0) {
            codes = new byte[to - from];
            for (int h = from; h < to; h++) {
                codes[h - from] = IntervalLayout.code(series.quality(h));
            }
        }
        double[] kwh = new double[to - from];
        for (int h = from; h < to; h++) {
            kwh[h - from] = series.value(h);
        }
        months.computeIfAbsent(month, m -> new MonthInfo()).note(account, codes != null);
        hand(new Piece(month, account, startSecond, sequence++, kwh, uniform, codes));
    }

    /** Gives a piece to the staging thread, starting it with the first piece. */
    private void hand(Piece piece) {
        if (stager == null) {
            stager = new Thread(this::stageQueuedPieces, "opencce-interval-staging");
            stager.setDaemon(true);
            stager.start();
        }
        try {
            while (!queue.offer(piece, 100, TimeUnit.MILLISECONDS)) {
                failIfStagingFailed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while staging interval data; nothing was written", e);
        }
        failIfStagingFailed();
    }

    /** The staging thread: appends queued pieces to their month's table until {@link #END}. */
    private void stageQueuedPieces() {
        try {
            for (Piece piece = queue.take(); piece != END; piece = queue.take()) {
                if (stagingFailure == null) {
                    appendRow(piece);
                }
            }
        } catch (InterruptedException e) {
            stagingFailure = e;
        } catch (SQLException | RuntimeException e) {
            stagingFailure = e;
            // keep taking until END so that the caller never blocks on a full queue
            try {
                for (Piece piece = queue.take(); piece != END; piece = queue.take()) {
                    // discarded: the writer has failed
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void appendRow(Piece piece) throws SQLException {
        DuckDBAppender appender = appenders.get(piece.month());
        if (appender == null) {
            if (staging == null) {
                try {
                    spill = Files.createTempDirectory("opencce-intervals-");
                } catch (IOException e) {
                    throw new StoreException("Cannot create a temporary folder to stage interval data: "
                            + e.getMessage() + ". Check the free space and java.io.tmpdir.", e);
                }
                staging = DuckDb.open("staging interval data", spill);
            }
            String table = table(piece.month());
            try (Statement s = staging.createStatement()) {
                s.execute("CREATE TABLE " + table + " (account_id BIGINT, start_s BIGINT, seq BIGINT, kwh DOUBLE[],"
                        + " quality TINYINT, qualities TINYINT[])");
            }
            appender = staging.createAppender(table);
            appenders.put(piece.month(), appender);
        }
        appender.beginRow().append(piece.account()).append(piece.startSecond()).append(piece.seq())
                .append(piece.kwh());
        if (piece.codes() == null) {
            appender.append(piece.uniform()).appendNull();
        } else {
            appender.appendNull().appendByteArray(piece.codes());
        }
        appender.endRow();
    }

    /** Waits for the staging thread to take every piece and end. */
    private void stopStaging() {
        if (stager == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(END);
                stager.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        stager = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void failIfStagingFailed() {
        Throwable failure = stagingFailure;
        if (failure != null) {
            throw new StoreException("Could not stage interval data: " + failure.getMessage()
                    + ". Nothing was written; check the free memory and temporary space, then write again.", failure);
        }
    }

    private static String table(YearMonth month) {
        return "staged_" + month.toString().replace('-', '_');
    }

    @Override
    public synchronized void commit() {
        requireOpen();
        finished = true;
        Map<YearMonth, Path> written = new TreeMap<>();
        List<YearMonth> published = new ArrayList<>();
        try {
            stopStaging();
            failIfStagingFailed();
            for (DuckDBAppender appender : appenders.values()) {
                appender.close();
            }
            store.underCommitLock(() -> {
                List<Callable<Void>> monthWrites = new ArrayList<>();
                for (Map.Entry<YearMonth, MonthInfo> e : months.entrySet()) {
                    Path dir = IntervalLayout.monthDirectory(store.directory(), e.getKey());
                    Files.createDirectories(dir);
                    deleteLeftoverTempFiles(dir);
                    Path target = dir.resolve(IntervalLayout.FILE_NAME);
                    Path temp = dir.resolve(".data-" + UUID.randomUUID() + IntervalLayout.TEMP_SUFFIX);
                    Path existing = Files.isRegularFile(target) ? target : null;
                    written.put(e.getKey(), temp);
                    monthWrites.add(() -> {
                        try (DuckDBConnection c = (DuckDBConnection) staging.duplicate()) {
                            writeMonth(c, e.getKey(), e.getValue(), temp, existing);
                        }
                        return null;
                    });
                }
                runAll(monthWrites);
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

    /**
     * Runs the month writes on as many threads as there are cores: one DuckDB COPY to Parquet keeps
     * barely more than one core busy, two months side by side keep two.
     */
    private static void runAll(List<Callable<Void>> monthWrites) throws IOException, SQLException {
        int threads = Math.max(1, Math.min(monthWrites.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "opencce-interval-month-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (Callable<Void> write : monthWrites) {
                results.add(pool.submit(write));
            }
            for (Future<Void> result : results) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    results.forEach(f -> f.cancel(false));
                    Throwable cause = e.getCause();
                    if (cause instanceof SQLException) {
                        throw (SQLException) cause;
                    }
                    if (cause instanceof IOException) {
                        throw (IOException) cause;
                    }
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    throw new StoreException("Writing a month of interval data failed: " + cause, cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while writing interval data", e);
        } finally {
            pool.shutdown();
            try {
                // A cancelled write may still be running: let it end before its files are deleted.
                pool.awaitTermination(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void writeMonth(DuckDBConnection staging, YearMonth month, MonthInfo staged, Path temp,
            Path existing) throws SQLException {
        String table = table(month);
        String newRows = table + "_new";
        // One hourly row per element of the pieces' kwh lists. Pieces of one quality (the usual case)
        // need neither the list of codes nor the filter for MISSING hours, which were never staged.
        String hourlyRows = staged.mixedQuality
                ? "SELECT account_id, to_timestamp(start_s + 3600 * (i - 1)) AS interval_start, kwh,"
                        + " coalesce(uniform_quality, hour_quality)::TINYINT AS quality, seq"
                        + " FROM (SELECT account_id, start_s, seq, quality AS uniform_quality,"
                        + "   generate_subscripts(kwh, 1) AS i, unnest(kwh) AS kwh, unnest(qualities) AS hour_quality"
                        + "   FROM %s)"
                        + " WHERE coalesce(uniform_quality, hour_quality) <> " + IntervalLayout.MISSING
                : "SELECT account_id, to_timestamp(start_s + 3600 * (i - 1)) AS interval_start, kwh, quality, seq"
                        + " FROM (SELECT account_id, start_s, seq, quality, generate_subscripts(kwh, 1) AS i,"
                        + "   unnest(kwh) AS kwh FROM %s)";
        String columns = "account_id, interval_start, kwh, quality";
        String copyOptions = " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE "
                + ParquetIntervalStore.ROW_GROUP_SIZE + ")";
        try (Statement s = staging.createStatement()) {
            if (existing == null && !staged.repeated) {
                String source = table;
                if (!staged.ascending) {
                    // Sort the pieces (one per account), not the hours: unnesting keeps the order.
                    source = table + "_sorted";
                    s.execute("CREATE TABLE " + source + " AS SELECT * FROM " + table
                            + " ORDER BY account_id, start_s");
                    s.execute("DROP TABLE " + table);
                }
                s.execute("COPY (SELECT " + columns + " FROM (" + String.format(hourlyRows, source) + ")) TO "
                        + IntervalLayout.literal(temp) + copyOptions);
                s.execute("DROP TABLE " + source);
                return;
            }
            // An account and hour appended twice: the later append wins.
            s.execute("CREATE TABLE " + newRows + " AS SELECT " + columns + " FROM (" + String.format(hourlyRows, table)
                    + ")" + (staged.repeated ? " QUALIFY row_number() OVER (PARTITION BY account_id, interval_start"
                            + " ORDER BY seq DESC) = 1" : ""));
            s.execute("DROP TABLE " + table);
            String merged = existing == null ? "SELECT " + columns + " FROM " + newRows
                    : "SELECT " + columns + " FROM " + newRows + " UNION ALL SELECT " + columns + " FROM read_parquet("
                            + IntervalLayout.literal(existing) + ", hive_partitioning = false) old"
                            + " WHERE NOT EXISTS (SELECT 1 FROM " + newRows + " n"
                            + "   WHERE n.account_id = old.account_id AND n.interval_start = old.interval_start)";
            s.execute("COPY (" + merged + " ORDER BY account_id, interval_start) TO " + IntervalLayout.literal(temp)
                    + copyOptions);
            s.execute("DROP TABLE " + newRows);
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
            stopStaging();
            if (staging != null) {
                staging.close();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not release the staged interval data: " + e.getMessage(), e);
        } finally {
            staging = null;
            months.clear();
            appenders.clear();
            queue.clear();
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

    /** What the appends told about a month's order. */
    private static final class MonthInfo {
        private final Set<Long> accounts = new HashSet<>();
        /** Some account was appended more than once for this month. */
        boolean repeated;
        /** Accounts came in ascending order, so the staging table is already sorted. */
        boolean ascending = true;
        /** Some piece has hours of different qualities (a list of codes rather than one). */
        boolean mixedQuality;
        private long lastAccount = Long.MIN_VALUE;

        void note(long account, boolean mixed) {
            mixedQuality |= mixed;
            if (!accounts.add(account)) {
                repeated = true;
            }
            if (account < lastAccount) {
                ascending = false;
            }
            lastAccount = account;
        }
    }

    /** One account's hours in one month, on its way to the staging table. */
    private record Piece(YearMonth month, long account, long startSecond, long seq, double[] kwh, byte uniform,
            byte[] codes) {
    }
}
