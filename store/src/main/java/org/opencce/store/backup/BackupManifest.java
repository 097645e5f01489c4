package org.opencce.store.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.opencce.store.StoreException;

/**
 * What a backup folder holds, as written to its {@code manifest.properties} (see
 * docs/formats/backup.md): who made it and when, the schema version of the records, each table's
 * columns and row count, each sequence's last value, and the interval month files. The files'
 * SHA-256 are in {@code SHA256SUMS} beside it. Immutable and thread-safe.
 *
 * @param producer the program that wrote the backup, e.g. {@code "OpenCCE 0.1.0"}
 * @param created when the records snapshot was taken
 * @param schemaVersion the Flyway version of the records schema, e.g. {@code "1"}
 * @param source where the records came from (no password)
 * @param tables the tables in load order (referenced tables first)
 * @param rows rows per table
 * @param columns columns per table, in the order of the CSV file's header
 * @param sequences last value per sequence, empty when the sequence was never used
 * @param intervalFiles the month files relative to {@code intervals/}, oldest first
 */
public record BackupManifest(String producer, Instant created, String schemaVersion, String source,
        List<String> tables, Map<String, Long> rows, Map<String, List<String>> columns,
        Map<String, Optional<Long>> sequences, List<String> intervalFiles) {
    /** The version of this folder layout; a reader refuses others. */
    static final int FORMAT = 1;
    static final String FILE_NAME = "manifest.properties";

    public BackupManifest {
        tables = List.copyOf(tables);
        rows = Map.copyOf(rows);
        columns = Map.copyOf(columns);
        sequences = Map.copyOf(sequences);
        intervalFiles = List.copyOf(intervalFiles);
        for (String table : tables) {
            if (!rows.containsKey(table) || !columns.containsKey(table)) {
                throw new IllegalArgumentException("table " + table + " needs a row count and columns");
            }
        }
    }

    /** The file of a table's rows, relative to the backup folder. */
    static String tableFile(String table) {
        return "records/" + table + ".csv";
    }

    /** The path of a month file relative to the backup folder. */
    static String intervalFile(String monthFile) {
        return "intervals/" + monthFile;
    }

    /** The manifest as the text of {@code manifest.properties}. */
    String text() {
        StringBuilder s = new StringBuilder();
        s.append("# OpenCCE backup: see docs/formats/backup.md. SHA256SUMS holds the checksum of every file.\n");
        line(s, "format", Integer.toString(FORMAT));
        line(s, "producer", producer);
        line(s, "created", created.toString());
        line(s, "schema.version", schemaVersion);
        line(s, "source", source);
        line(s, "tables", String.join(",", tables));
        for (String table : tables) {
            line(s, "table." + table + ".rows", Long.toString(rows.get(table)));
            line(s, "table." + table + ".columns", String.join(",", columns.get(table)));
        }
        new TreeMap<>(sequences).forEach((name, value) -> line(s, "sequence." + name,
                value.map(String::valueOf).orElse("")));
        line(s, "intervals.files", String.join(",", intervalFiles));
        return s.toString();
    }

    /**
     * Reads {@code manifest.properties}; {@code where} names the file in messages.
     *
     * @throws StoreException if a key is missing or a value is not what this version writes
     */
    static BackupManifest parse(String text, String where) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw bad(where, "it cannot be read as a properties file: " + e.getMessage());
        }
        String format = required(p, "format", where);
        if (!format.equals(Integer.toString(FORMAT))) {
            throw bad(where, "it is in backup format " + format + ", and this OpenCCE reads format " + FORMAT
                    + "; restore it with the OpenCCE that wrote it (" + p.getProperty("producer", "unknown") + ")");
        }
        Instant created;
        try {
            created = Instant.parse(required(p, "created", where));
        } catch (DateTimeParseException e) {
            throw bad(where, "created is not an ISO instant: " + p.getProperty("created"));
        }
        List<String> tables = list(required(p, "tables", where));
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String table : tables) {
            if (!table.matches("[a-z_][a-z0-9_]*")) {
                throw bad(where, "'" + table + "' is not a table name OpenCCE uses");
            }
            String count = required(p, "table." + table + ".rows", where);
            try {
                rows.put(table, Long.parseLong(count));
            } catch (NumberFormatException e) {
                throw bad(where, "table." + table + ".rows is not a number: " + count);
            }
            columns.put(table, list(required(p, "table." + table + ".columns", where)));
        }
        Map<String, Optional<Long>> sequences = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("sequence.")) {
                String value = p.getProperty(key).trim();
                try {
                    sequences.put(key.substring("sequence.".length()),
                            value.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(value)));
                } catch (NumberFormatException e) {
                    throw bad(where, key + " is not a number: " + value);
                }
            }
        }
        List<String> intervalFiles = list(p.getProperty("intervals.files", ""));
        for (String file : intervalFiles) {
            if (!file.matches("month=\\d{4}-\\d{2}/data\\.parquet")) {
                throw bad(where, "'" + file + "' in intervals.files is not a month file (month=YYYY-MM/data.parquet)");
            }
        }
        return new BackupManifest(required(p, "producer", where), created, required(p, "schema.version", where),
                p.getProperty("source", ""), tables, rows, columns, sequences, intervalFiles);
    }

    private static void line(StringBuilder s, String key, String value) {
        // Properties syntax: a backslash escapes, a line ends the value; nothing else needs escaping in a value.
        s.append(key).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"))
                .append('\n');
    }

    private static String required(Properties p, String key, String where) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw bad(where, "it has no " + key);
        }
        return value.trim();
    }

    private static List<String> list(String value) {
        return value.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(value.trim().split(",")));
    }

    private static StoreException bad(String where, String why) {
        return new StoreException("The backup manifest " + where + " is not usable: " + why + ".");
    }
}
