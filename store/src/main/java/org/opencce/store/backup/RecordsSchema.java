package org.opencce.store.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opencce.store.StoreException;

/**
 * The tables and sequences of the records schema as PostgreSQL's catalog describes them, read
 * through one connection (and so, inside a transaction, as of its snapshot). Tables are discovered,
 * not listed in code, so that a table added by a later migration is backed up without a change
 * here. Flyway's own history table is left out: a restore recreates it by migrating.
 *
 * @param tables the tables in an order that loads every referenced table before the tables that
 *     refer to it (foreign keys), ties by name
 * @param columns each table's stored columns in table order; generated columns are left out, as
 *     PostgreSQL computes them again on load
 * @param sequences each sequence's last value, empty when it was never used
 */
record RecordsSchema(List<String> tables, Map<String, List<String>> columns, Map<String, Optional<Long>> sequences) {
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    RecordsSchema {
        tables = List.copyOf(tables);
        columns = Map.copyOf(columns);
        sequences = Map.copyOf(sequences);
    }

    static RecordsSchema read(Connection c) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        // relkind r = table, p = partitioned table (its partitions are copied through it)
        try (PreparedStatement q = c.prepareStatement("SELECT t.relname, a.attname FROM pg_class t"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped"
                + "   AND a.attgenerated = ''"
                + " WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p') AND NOT t.relispartition"
                + "   AND t.relname <> ? ORDER BY t.relname, a.attnum")) {
            q.setString(1, FLYWAY_HISTORY);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        Map<String, TreeSet<String>> referenced = new TreeMap<>();
        columns.keySet().forEach(t -> referenced.put(t, new TreeSet<>()));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t.relname, r.relname"
                + " FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE k.contype = 'f' AND n.nspname = current_schema()")) {
            while (rs.next()) {
                String table = rs.getString(1);
                String target = rs.getString(2);
                // A table that refers to itself is loaded in one COPY, whose checks run at its end.
                if (referenced.containsKey(table) && columns.containsKey(target) && !table.equals(target)) {
                    referenced.get(table).add(target);
                }
            }
        }
        Map<String, Optional<Long>> sequences = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()")) {
            while (rs.next()) {
                String name = rs.getString(1);
                long value = rs.getLong(2);
                // wasNull concerns the column read last: read the name first.
                sequences.put(name, rs.wasNull() ? Optional.empty() : Optional.of(value));
            }
        }
        return new RecordsSchema(loadOrder(referenced), columns, sequences);
    }

    /** The tables, each after the tables it refers to; alphabetical where the references leave a choice. */
    static List<String> loadOrder(Map<String, ? extends Set<String>> referenced) {
        List<String> order = new ArrayList<>();
        Map<String, Set<String>> waiting = new LinkedHashMap<>();
        new TreeMap<>(referenced).forEach((t, refs) -> waiting.put(t, new TreeSet<>(refs)));
        while (!waiting.isEmpty()) {
            String next = waiting.entrySet().stream().filter(e -> order.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new StoreException(
                            "The foreign keys between the tables " + waiting.keySet() + " form a cycle, so they"
                                    + " cannot be loaded one after the other; this schema is not one OpenCCE made."));
            order.add(next);
            waiting.remove(next);
        }
        return order;
    }

    /** The schema version Flyway last applied successfully, e.g. {@code "1"}. */
    static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM "
                + FLYWAY_HISTORY + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new StoreException("The database has no schema version (Flyway's " + FLYWAY_HISTORY
                        + " is empty); run 'opencce db migrate' first.");
            }
            return rs.getString(1);
        }
    }

    /** An SQL identifier, quoted. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A quoted, comma-separated column list. */
    static String columnList(List<String> columns) {
        StringBuilder s = new StringBuilder();
        for (String column : columns) {
            s.append(s.length() == 0 ? "" : ", ").append(quote(column));
        }
        return s.toString();
    }
}
