package org.opencce.store.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.time.Quality;
import org.opencce.store.StoreException;

/**
 * Where and how interval data lie on disk: {@code <intervals>/month=YYYY-MM/data.parquet}, one file
 * per local calendar month (America/New_York), with the columns
 * <ul>
 * <li>{@code account_id BIGINT}: the {@code AccountId};
 * <li>{@code interval_start TIMESTAMP WITH TIME ZONE}: the UTC instant the hour begins (Parquet
 *     INT64 microseconds, adjusted to UTC);
 * <li>{@code kwh DOUBLE}: the energy of the hour;
 * <li>{@code quality TINYINT}: 0 = {@link Quality#VALID}, 1 = {@link Quality#ESTIMATED} (a
 *     {@link Quality#MISSING} hour has no row).
 * </ul>
 * Rows are sorted by account, then time. The folder names follow Hive's partition convention, so
 * Spark and DuckDB ({@code hive_partitioning}) see a {@code month} column. Stateless and thread-safe.
 */
final class IntervalLayout {
    static final String FILE_NAME = "data.parquet";
    static final String PARTITION_PREFIX = "month=";
    /** Suffix of files being written; readers ({@code *.parquet}) never see them. */
    static final String TEMP_SUFFIX = ".parquet.tmp";

    static final byte VALID = 0;
    static final byte ESTIMATED = 1;
    /** Used while staging only; never written. */
    static final byte MISSING = 2;

    static final long SECONDS_PER_HOUR = 3600;

    private IntervalLayout() {
    }

    static Path monthDirectory(Path root, YearMonth month) {
        return root.resolve(PARTITION_PREFIX + month);
    }

    static Path monthFile(Path root, YearMonth month) {
        return monthDirectory(root, month).resolve(FILE_NAME);
    }

    /** The months that have a data file, oldest first. */
    static List<YearMonth> months(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith(PARTITION_PREFIX) && Files.isRegularFile(dir.resolve(FILE_NAME))) {
                    try {
                        months.add(YearMonth.parse(name.substring(PARTITION_PREFIX.length())));
                    } catch (DateTimeParseException e) {
                        // a folder that only looks like ours: not interval data
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list the interval data in " + root + ": " + e.getMessage(), e);
        }
        months.sort(null);
        return months;
    }

    /** The local months that overlap {@code [from, to)}. */
    static List<YearMonth> monthsOverlapping(Instant from, Instant to) {
        List<YearMonth> months = new ArrayList<>();
        if (!from.isBefore(to)) {
            return months;
        }
        YearMonth last = LocalCalendar.monthOf(to.minusNanos(1));
        for (YearMonth m = LocalCalendar.monthOf(from); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The first instant of a local month. */
    static Instant startOf(YearMonth month) {
        return LocalCalendar.startOfDay(month.atDay(1));
    }

    static byte code(Quality quality) {
        switch (quality) {
            case VALID:
                return VALID;
            case ESTIMATED:
                return ESTIMATED;
            default:
                return MISSING;
        }
    }

    static Quality quality(int code) {
        switch (code) {
            case VALID:
                return Quality.VALID;
            case ESTIMATED:
                return Quality.ESTIMATED;
            default:
                throw new StoreException("Unknown quality code " + code + " in the interval data");
        }
    }

    /** Requires {@code [from, to)} to be whole UTC hours (as every local hour in Massachusetts is). */
    static int hoursBetween(Instant from, Instant to) {
        if (from.getEpochSecond() % SECONDS_PER_HOUR != 0 || from.getNano() != 0
                || to.getEpochSecond() % SECONDS_PER_HOUR != 0 || to.getNano() != 0) {
            throw new IllegalArgumentException("interval data are hourly: from and to must be on whole hours, were "
                    + from + " and " + to);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        long hours = (to.getEpochSecond() - from.getEpochSecond()) / SECONDS_PER_HOUR;
        if (hours > 24L * 366 * 20) {
            throw new IllegalArgumentException("at most 20 years of hours at once, asked for " + hours);
        }
        return (int) hours;
    }

    /** A path as an SQL string literal, for the statements DuckDB takes no parameters in (COPY). */
    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
