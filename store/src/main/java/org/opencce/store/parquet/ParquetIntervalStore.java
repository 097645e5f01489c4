package org.opencce.store.parquet;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.Quality;
import org.opencce.store.IntervalStore;
import org.opencce.store.StoreException;

/**
 * Hourly interval data as Parquet files under one directory ({@code <data-dir>/intervals}), one file
 * per local calendar month, written and read through an in-process DuckDB. The layout and columns are
 * described in {@link IntervalLayout}: {@code month=YYYY-MM/data.parquet} with
 * {@code (account_id BIGINT, interval_start TIMESTAMPTZ, kwh DOUBLE, quality TINYINT)}, sorted by
 * account then time, ZSTD-compressed. Only hourly series on whole UTC hours are stored; a
 * {@link Quality#MISSING} hour is simply not stored, so it neither adds nor replaces a read.
 *
 * <p>Writes are staged by a {@link IntervalWriter} in a DuckDB database of its own and become visible
 * on {@code commit}: each touched month is written to a temporary file next to its data file (merged
 * with the month's stored reads, new reads replacing old ones with the same account and hour), and
 * only when every month has been written are the files renamed into place. Commits are serialized
 * within the JVM and, through a lock file ({@code .commit.lock}), between processes sharing the
 * directory.
 *
 * <p>{@link #hourlyTotals} reads only the months that overlap the period, only the columns it needs
 * and only row groups in the range of the asked accounts; it joins the account → group mapping as a
 * small INTEGER-keyed table and sums by (group, hour) inside DuckDB on every core. The hour is the
 * stored 64-bit timestamp itself, turned into an hour index only on the few thousand result rows:
 * computing an index per read cost DuckDB more than grouping on the timestamp (measured on 245
 * million reads). On a year of the demo's 28,000 accounts it takes as long as the plain
 * {@code GROUP BY} over all files, and less on part of a year or of the accounts; see
 * {@link AggregationBenchmark}.
 *
 * <p>Thread-safe. {@link #close()} releases the reading DuckDB; writers have their own.
 */
public final class ParquetIntervalStore implements IntervalStore, AutoCloseable {
    /**
     * Rows per Parquet row group: large enough to write and scan fast (fewer, larger groups), small
     * enough that one account's reads are found in a few of them (files are sorted by account).
     */
    static final int ROW_GROUP_SIZE = 500_000;
    private static final long MICROS_PER_HOUR = 3_600_000_000L;

    /** The lock file that keeps commits of other processes out while one commits. */
    static final String COMMIT_LOCK_FILE = ".commit.lock";
    /**
     * The locks of each directory, shared by every store of this JVM on it: a file lock is held by
     * the JVM as a whole, so two stores on one directory must take turns before they take it.
     */
    private static final Map<Path, DirectoryLocks> LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final DuckDBConnection reader;
    private final DirectoryLocks locks;

    /** Opens (and creates, if needed) the interval data directory. */
    public ParquetIntervalStore(Path intervalsDirectory) {
        this.directory = Objects.requireNonNull(intervalsDirectory, "intervalsDirectory").toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("Cannot create the interval data directory " + directory + ": " + e.getMessage()
                    + ". Check that the data directory is writable.", e);
        }
        this.locks = LOCKS.computeIfAbsent(directory, d -> new DirectoryLocks());
        deleteLeftoversOfInterruptedCommits();
        this.reader = DuckDb.open("reading interval data in " + directory);
    }

    /**
     * Deletes the {@code *.parquet.tmp} month files a process killed in the middle of a commit left
     * behind: readers never see them, but they hold disk space (a month of the demo is ~100 MB). Only
     * when no commit runs, which the commit lock tells without waiting: a running commit cleans up
     * after itself, and a commit that starts later deletes the leftovers of the months it writes.
     */
    private void deleteLeftoversOfInterruptedCommits() {
        if (!locks.commits.tryLock()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(COMMIT_LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return;
            }
            try (DirectoryStream<Path> months = Files.newDirectoryStream(directory,
                    IntervalLayout.PARTITION_PREFIX + "*")) {
                for (Path month : months) {
                    if (!Files.isDirectory(month)) {
                        continue;
                    }
                    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(month,
                            "*" + IntervalLayout.TEMP_SUFFIX)) {
                        for (Path leftover : leftovers) {
                            Files.deleteIfExists(leftover);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot remove the unfinished month files (*" + IntervalLayout.TEMP_SUFFIX
                    + ") an interrupted write left in " + directory + ": " + e.getMessage()
                    + ". Check that the folder is writable, or delete them by hand.", e);
        } finally {
            locks.commits.unlock();
        }
    }

    public Path directory() {
        return directory;
    }

    /** A writer staging in memory (spilling to the system temporary folder); see {@link IntervalWriter}. */
    @Override
    public IntervalWriter writer() {
        return new ParquetIntervalWriter(this);
    }

    @Override
    public IntervalSeries hourly(AccountId account, Instant from, Instant to) {
        Objects.requireNonNull(account, "account");
        int hours = IntervalLayout.hoursBetween(from, to);
        double[] kwh = new double[hours];
        Quality[] quality = new Quality[hours];
        Arrays.fill(quality, Quality.MISSING);
        locks.files.readLock().lock();
        try {
            List<Path> monthFiles = existingFiles(from, to);
            if (!monthFiles.isEmpty()) {
                try (DuckDBConnection c = connection();
                        PreparedStatement q = c.prepareStatement("SELECT epoch(interval_start)::BIGINT, kwh, quality"
                                + " FROM read_parquet(?, hive_partitioning = false)"
                                + " WHERE account_id = ? AND interval_start >= ?"
                                + " AND interval_start < ?")) {
                    q.setArray(1, paths(c, monthFiles));
                    q.setLong(2, account.value());
                    q.setObject(3, utc(from));
                    q.setObject(4, utc(to));
                    long fromSecond = from.getEpochSecond();
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            int h = (int) ((rs.getLong(1) - fromSecond) / IntervalLayout.SECONDS_PER_HOUR);
                            kwh[h] = rs.getDouble(2);
                            quality[h] = IntervalLayout.quality(rs.getInt(3));
                        }
                    }
                } catch (SQLException e) {
                    throw failure("read the hourly data of account " + account, e);
                }
            }
        } finally {
            locks.files.readLock().unlock();
        }
        return new IntervalSeries(from, Duration.ofHours(1), kwh, quality);
    }

    @Override
    public double[][] hourlyTotals(Map<AccountId, Integer> groupOf, int groupCount, Instant from, Instant to) {
        int hours = IntervalLayout.hoursBetween(from, to);
        if (groupCount < 1) {
            throw new IllegalArgumentException("group count must be positive, was " + groupCount);
        }
        double[][] kwhByGroupAndHour = new double[groupCount][hours];
        long minAccount = Long.MAX_VALUE;
        long maxAccount = Long.MIN_VALUE;
        for (Map.Entry<AccountId, Integer> e : groupOf.entrySet()) {
            int g = e.getValue();
            if (g < 0 || g >= groupCount) {
                throw new IllegalArgumentException("account " + e.getKey() + " is in group " + g
                        + ", outside 0.." + (groupCount - 1));
            }
            minAccount = Math.min(minAccount, e.getKey().value());
            maxAccount = Math.max(maxAccount, e.getKey().value());
        }
        if (groupOf.isEmpty() || hours == 0) {
            return kwhByGroupAndHour;
        }
        locks.files.readLock().lock();
        try (DuckDBConnection c = connection()) {
            List<Path> monthFiles = existingFiles(from, to);
            if (monthFiles.isEmpty()) {
                return kwhByGroupAndHour;
            }
            List<AccountRun> runs = AccountRun.of(groupOf);
            if (runs.size() <= MAX_RUNS) {
                sumRuns(c, runs, monthFiles, from, to, kwhByGroupAndHour);
                return kwhByGroupAndHour;
            }
            boolean intKeys = registerGroups(c, groupOf);
            // Group on the raw timestamp (a 64-bit integer inside) and find the hour index from the few
            // thousand result rows: any per-row arithmetic on 245 million timestamps costs DuckDB more
            // than it saves in hashing. Integer join keys hash faster than BIGINT ones.
            String accountKey = intKeys ? "p.account_id::INTEGER" : "p.account_id";
            try (PreparedStatement q = c.prepareStatement("SELECT g, epoch_us(interval_start), kwh FROM ("
                    + " SELECT m.g AS g, p.interval_start AS interval_start, sum(p.kwh) AS kwh"
                    + " FROM read_parquet(?, hive_partitioning = false) p"
                    + " JOIN account_group m ON " + accountKey + " = m.account_id"
                    + " WHERE p.interval_start >= ? AND p.interval_start < ? AND p.account_id BETWEEN ? AND ?"
                    + " GROUP BY m.g, p.interval_start)")) {
                q.setArray(1, paths(c, monthFiles));
                q.setObject(2, utc(from));
                q.setObject(3, utc(to));
                q.setLong(4, minAccount);
                q.setLong(5, maxAccount);
                long fromMicros = from.getEpochSecond() * 1_000_000L;
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        int h = (int) ((rs.getLong(2) - fromMicros) / MICROS_PER_HOUR);
                        kwhByGroupAndHour[rs.getInt(1)][h] = rs.getDouble(3);
                    }
                }
            }
            return kwhByGroupAndHour;
        } catch (SQLException e) {
            throw failure("add up the hourly data of " + groupOf.size() + " accounts", e);
        } finally {
            locks.files.readLock().unlock();
        }
    }

    /**
     * The mapping as a temporary table {@code account_group(account_id, g)} of this connection, keyed
     * by INTEGER when every id fits (returns true), else by BIGINT.
     */
    /** Above this many runs of consecutive account ids, one join costs less than that many pruned scans. */
    static final int MAX_RUNS = 64;

    /**
     * The plan for groups made of a few runs of consecutive account ids, as towns are (utility lists
     * arrive town by town; the demo numbers its accounts so): each run is summed with an
     * {@code account_id BETWEEN} filter and no join. The files are sorted by account, so the row groups'
     * min/max statistics let DuckDB skip every row group outside a run and the data are read once in
     * all. Measured on the full demo: about 2.4 times faster than the join (docs/benchmarks.md).
     */
    private static void sumRuns(DuckDBConnection c, List<AccountRun> runs, List<Path> monthFiles, Instant from,
            Instant to, double[][] kwhByGroupAndHour) throws SQLException {
        StringBuilder union = new StringBuilder();
        for (AccountRun run : runs) {
            union.append(union.length() == 0 ? "" : " UNION ALL ")
                    .append("SELECT ").append(run.group()).append(" AS g, interval_start, sum(kwh) AS kwh")
                    .append(" FROM read_parquet(?, hive_partitioning = false)")
                    .append(" WHERE account_id BETWEEN ").append(run.first()).append(" AND ").append(run.last())
                    .append(" AND interval_start >= ? AND interval_start < ? GROUP BY interval_start");
        }
        try (PreparedStatement q = c.prepareStatement("SELECT g, epoch_us(interval_start), kwh FROM (" + union + ")")) {
            int p = 1;
            for (int i = 0; i < runs.size(); i++) {
                q.setArray(p++, paths(c, monthFiles));
                q.setObject(p++, utc(from));
                q.setObject(p++, utc(to));
            }
            long fromMicros = from.getEpochSecond() * 1_000_000L;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    int h = (int) ((rs.getLong(2) - fromMicros) / MICROS_PER_HOUR);
                    // A group may have several runs: they add up.
                    kwhByGroupAndHour[rs.getInt(1)][h] += rs.getDouble(3);
                }
            }
        }
    }

    /** Consecutive account ids {@code first..last} (inclusive) that all belong to {@code group}. */
    record AccountRun(long first, long last, int group) {

        /** The runs of {@code groupOf}, ascending; stops counting once there are more than {@link #MAX_RUNS}. */
        static List<AccountRun> of(Map<AccountId, Integer> groupOf) {
            long[] ids = groupOf.keySet().stream().mapToLong(AccountId::value).sorted().toArray();
            List<AccountRun> runs = new ArrayList<>();
            long first = ids[0];
            int group = groupOf.get(new AccountId(first));
            for (int i = 1; i <= ids.length && runs.size() <= MAX_RUNS; i++) {
                if (i == ids.length || ids[i] != ids[i - 1] + 1 || groupOf.get(new AccountId(ids[i])) != group) {
                    runs.add(new AccountRun(first, ids[i - 1], group));
                    if (i < ids.length) {
                        first = ids[i];
                        group = groupOf.get(new AccountId(first));
                    }
                }
            }
            return runs;
        }
    }

    static boolean registerGroups(DuckDBConnection c, Map<AccountId, Integer> groupOf) throws SQLException {
        boolean intKeys = groupOf.keySet().stream().allMatch(id -> id.value() <= Integer.MAX_VALUE);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE account_group (account_id " + (intKeys ? "INTEGER" : "BIGINT")
                    + ", g INTEGER)");
        }
        try (DuckDBAppender appender = c.createAppender("temp", "main", "account_group")) {
            for (Map.Entry<AccountId, Integer> e : groupOf.entrySet()) {
                appender.beginRow();
                if (intKeys) {
                    appender.append((int) e.getKey().value());
                } else {
                    appender.append(e.getKey().value());
                }
                appender.append(e.getValue().intValue()).endRow();
            }
        }
        return intKeys;
    }

    @Override
    public List<YearMonth> months() {
        locks.files.readLock().lock();
        try {
            return IntervalLayout.months(directory);
        } finally {
            locks.files.readLock().unlock();
        }
    }

    /** The number of stored reads, from the Parquet footers (no data is read). */
    @Override
    public long countReads() {
        locks.files.readLock().lock();
        try (DuckDBConnection c = connection()) {
            List<Path> all = new ArrayList<>();
            for (YearMonth m : IntervalLayout.months(directory)) {
                all.add(IntervalLayout.monthFile(directory, m));
            }
            if (all.isEmpty()) {
                return 0;
            }
            try (PreparedStatement q = c.prepareStatement("SELECT sum(num_rows) FROM parquet_file_metadata(?)")) {
                q.setArray(1, paths(c, all));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw failure("count the stored reads", e);
        } finally {
            locks.files.readLock().unlock();
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (SQLException e) {
            throw failure("close the interval data reader", e);
        }
    }

    @Override
    public long deleteAccounts(Collection<AccountId> accounts) {
        if (accounts.isEmpty()) {
            return 0;
        }
        Map<AccountId, Integer> doomed = new HashMap<>();
        accounts.forEach(a -> doomed.put(a, 0));
        long[] removed = {0};
        try (DuckDBConnection c = connection()) {
            registerGroups(c, doomed);
            underCommitLock(() -> {
                Map<Path, Path> replacements = new LinkedHashMap<>();
                List<Path> emptied = new ArrayList<>();
                try (Statement s = c.createStatement()) {
                    for (YearMonth m : IntervalLayout.months(directory)) {
                        Path file = IntervalLayout.monthFile(directory, m);
                        String rows = "read_parquet(" + IntervalLayout.literal(file) + ", hive_partitioning = false)";
                        long gone;
                        long kept;
                        try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE g.account_id IS NOT NULL),"
                                + " count(*) FILTER (WHERE g.account_id IS NULL) FROM " + rows
                                + " p LEFT JOIN account_group g USING (account_id)")) {
                            rs.next();
                            gone = rs.getLong(1);
                            kept = rs.getLong(2);
                        }
                        removed[0] += gone;
                        if (gone == 0) {
                            continue;
                        }
                        if (kept == 0) {
                            emptied.add(file);
                            continue;
                        }
                        Path temp = file.resolveSibling(".data-" + UUID.randomUUID() + IntervalLayout.TEMP_SUFFIX);
                        // Written sorted by account then time, as every month file is.
                        s.execute("COPY (SELECT account_id, interval_start, kwh, quality FROM " + rows
                                + " WHERE account_id NOT IN (SELECT account_id FROM account_group)"
                                + " ORDER BY account_id, interval_start) TO " + IntervalLayout.literal(temp)
                                + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE " + ROW_GROUP_SIZE + ")");
                        replacements.put(temp, file);
                    }
                }
                whileNoOneReads(() -> {
                    for (Map.Entry<Path, Path> e : replacements.entrySet()) {
                        Files.move(e.getKey(), e.getValue(), StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                    for (Path file : emptied) {
                        Files.delete(file);
                        Files.deleteIfExists(file.getParent());
                    }
                });
            });
        } catch (SQLException e) {
            throw failure("delete the reads of " + accounts.size() + " accounts", e);
        } catch (IOException e) {
            throw new StoreException("Could not delete the reads of " + accounts.size() + " accounts in " + directory
                    + ": " + e.getMessage() + ". Check that the interval files are writable.", e);
        }
        return removed[0];
    }

    // ------------------------------------------------------------------ for the writer and the benchmark

    /** A connection of its own to the reading DuckDB; close it after use. */
    DuckDBConnection connection() throws SQLException {
        return (DuckDBConnection) reader.duplicate();
    }

    List<Path> existingFiles(Instant from, Instant to) {
        List<Path> existing = new ArrayList<>();
        for (YearMonth m : IntervalLayout.monthsOverlapping(from, to)) {
            Path file = IntervalLayout.monthFile(directory, m);
            if (Files.isRegularFile(file)) {
                existing.add(file);
            }
        }
        return existing;
    }

    /**
     * Runs {@code body} holding the commit locks: this JVM's, and the lock file that keeps other
     * processes' commits out of the directory meanwhile.
     */
    void underCommitLock(CommitBody body) throws IOException, SQLException {
        locks.commits.lock();
        try (FileChannel channel = FileChannel.open(directory.resolve(COMMIT_LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            body.run();
        } finally {
            locks.commits.unlock();
        }
    }

    /** Runs {@code body} (renaming month files into place) while no query of this store reads them. */
    void whileNoOneReads(CommitBody body) throws IOException, SQLException {
        locks.files.writeLock().lock();
        try {
            body.run();
        } finally {
            locks.files.writeLock().unlock();
        }
    }

    static Array paths(DuckDBConnection c, List<Path> files) throws SQLException {
        return c.createArrayOf("VARCHAR", files.stream().map(p -> p.toAbsolutePath().toString()).toArray());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " in " + directory + ": " + e.getMessage(), e);
    }

    /** The in-JVM locks of one directory. */
    private static final class DirectoryLocks {
        /** Held (write) while month files are renamed into place, (read) while queries read them. */
        final ReentrantReadWriteLock files = new ReentrantReadWriteLock();
        /** One commit at a time in this JVM; {@link #COMMIT_LOCK_FILE} does it between processes. */
        final ReentrantLock commits = new ReentrantLock();
    }

    /** Work done under the commit locks. */
    interface CommitBody {
        void run() throws IOException, SQLException;
    }
}
