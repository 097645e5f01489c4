package org.opencce.store.pg;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.opencce.store.StoreException;
import org.postgresql.PGConnection;

/**
 * A benchmark baseline: PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)} of a CSV file into a
 * temporary table of text columns, the fastest way rows reach the server (no validation, no ids, no
 * indexes, no upsert). An import's time is judged against it. Stateless and thread-safe.
 */
public final class CopyBaseline {

    private CopyBaseline() {
    }

    /**
     * COPYs {@code file} (UTF-8 CSV with a header row of {@code columns} columns) into a scratch table
     * and drops it.
     *
     * @return the rows copied
     */
    public static long copyCsv(DataSource dataSource, Path file, int columns) {
        String columnList = IntStream.range(0, columns).mapToObj(i -> "c" + i + " text")
                .collect(Collectors.joining(", "));
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE copy_baseline (" + columnList + ")");
            }
            long copied;
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE copy_baseline");
            }
            return copied;
        } catch (SQLException | IOException e) {
            throw new StoreException("The COPY baseline of " + file + " failed: " + e.getMessage(), e);
        }
    }
}
