package org.opencce.store.parquet;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.opencce.store.StoreException;

/**
 * Opens the in-process, in-memory DuckDB databases the interval store works with. Stateless and
 * thread-safe.
 */
final class DuckDb {
    private DuckDb() {
    }

    /** A new in-memory database; {@code purpose} completes "Cannot start DuckDB for ...". */
    static DuckDBConnection open(String purpose) {
        return open(purpose, null);
    }

    /** A new in-memory database that spills to {@code spillDirectory} when it runs short of memory. */
    static DuckDBConnection open(String purpose, Path spillDirectory) {
        try {
            DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                // Instants are UTC everywhere; the session zone only matters when DuckDB prints them.
                s.execute("SET TimeZone = 'UTC'");
                // Row order is the file order (sorted by account, then time): keep it through COPY.
                s.execute("SET preserve_insertion_order = true");
                if (spillDirectory != null) {
                    s.execute("SET temp_directory = " + IntervalLayout.literal(spillDirectory));
                }
            }
            return c;
        } catch (SQLException e) {
            throw new StoreException("Cannot start DuckDB for " + purpose + ": " + e.getMessage(), e);
        }
    }
}
