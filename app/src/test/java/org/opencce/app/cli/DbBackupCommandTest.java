package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.Installation;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.store.AccountStore;

/**
 * The restore drill of docs/operations.md, end to end through the command line: a small demo with a
 * console user, an imported customer list and audit entries is backed up with {@code opencce db backup}
 * and restored with {@code opencce db restore} into a new data directory; the restored installation
 * has the same rows (compared table by table with SQL) and the same interval data (summed by
 * DuckDB), and new account ids continue after the restored ones. A changed backup file is refused by
 * name before anything is written, and so is a restore into an installation that has data.
 */
class DbBackupCommandTest {
    @TempDir
    static Path root;
    private static Path source;
    private static Path backup;
    private static JsonNode backedUp;

    @BeforeAll
    static void buildDemoAndBackUp() throws IOException {
        source = root.resolve("source");
        backup = root.resolve("backup");
        CliRun demo = opencce(source, "demo", "--scale", "0.02", "--no-serve", "--json");
        assertThat(demo.exit).as(demo.err).isZero();
        CliRun user = opencce(source, "users", "add", "dana", "--role", "staff");
        assertThat(user.exit).as(user.err).isZero();
        Path list = root.resolve("list.csv");
        Files.writeString(list, "Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,"
                + "Supply Status\n"
                + "54077000001,Eversource,Pelham,R-1,\"Hale, Robin\",2 Buffam Rd,Pelham,01002,Basic Service\n");
        CliRun imported = opencce(source, "accounts", "import", list.toString());
        assertThat(imported.exit).as(imported.err).isZero();

        CliRun run = opencce(source, "db", "backup", "--to", backup.toString(), "--json");
        assertThat(run.exit).as(run.err).isZero();
        backedUp = Output.JSON.readTree(run.out);
    }

    @Test
    void aRestoredDataDirectoryHasTheSameRowsAndReadsAndContinuesTheAccountIds() throws Exception {
        Path restored = root.resolve("restored");
        CliRun run = opencce(restored, "db", "restore", backup.toString(), "--json");
        assertThat(run.exit).as(run.err).isZero();
        JsonNode result = Output.JSON.readTree(run.out);
        assertThat(result.get("rows").asLong()).isEqualTo(backedUp.get("rows").asLong());
        assertThat(result.get("intervalFiles").asInt()).isEqualTo(12).isEqualTo(backedUp.get("intervalFiles").asInt());
        assertThat(result.get("schemaVersionNow").asText()).isEqualTo(backedUp.get("schemaVersion").asText());

        try (Installation before = Installation.open(source, null, null, null);
                Installation after = Installation.open(restored, null, null, null)) {
            Map<String, List<String>> expected = rowsByTable(before);
            Map<String, List<String>> actual = rowsByTable(after);
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            for (String table : expected.keySet()) {
                assertThat(actual.get(table)).as(table).hasSize(expected.get(table).size())
                        .containsExactlyElementsOf(expected.get(table));
            }
            assertThat(expected.get("users")).anyMatch(row -> row.startsWith("(dana,"));
            assertThat(expected.get("import_log")).hasSize(1);
            assertThat(expected.get("audit_log")).anyMatch(row -> row.contains("users.add"));
            assertThat(expected.get("accounts")).anyMatch(row -> row.contains("\"Hale, Robin\""));

            double[] readsAndKwh = duckDbTotals(source.resolve("intervals"));
            assertThat(readsAndKwh[0]).as("a year of hourly reads of every demo account")
                    .isEqualTo(8760.0 * (expected.get("accounts").size() - 1));
            double[] restoredReadsAndKwh = duckDbTotals(restored.resolve("intervals"));
            assertThat(restoredReadsAndKwh[0]).isEqualTo(readsAndKwh[0]);
            assertThat(restoredReadsAndKwh[1]).isCloseTo(readsAndKwh[1], within(1e-6));

            long highest = after.database().jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM account_ids")
                    .mapTo(Long.class).one());
            ProgramId program = after.database().programs().list().get(0).id();
            long next = after.database().accounts().assignIds(program, List.of(new AccountStore.Key(
                    Utility.EVERSOURCE_WMA, new UtilityAccountNumber("54077000002")))).get(0).value();
            assertThat(next).isGreaterThan(highest);
        }
    }

    @Test
    void aChangedBackupFileIsRefusedByNameAndNothingIsCreated() throws IOException {
        Path copy = root.resolve("changed-backup");
        copyTree(backup, copy);
        Path accounts = copy.resolve("records").resolve("accounts.csv");
        Files.writeString(accounts, Files.readString(accounts).replace("Hale, Robin", "Hale, Robyn"));
        Path target = root.resolve("not-restored");

        CliRun run = opencce(target, "db", "restore", copy.toString());

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("The backup file " + accounts + " is damaged or was changed");
        assertThat(target).doesNotExist();
    }

    @Test
    void restoringOverAnInstallationWithDataIsRefused() {
        CliRun run = opencce(source, "db", "restore", backup.toString());

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("already holds 12 month files").contains("give a new --data-dir");
    }

    @Test
    void aBackupNeverOverwritesAnotherFolder() {
        CliRun run = opencce(source, "db", "backup", "--to", backup.toString());

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("already exists and is not empty");
    }

    // ---------------------------------------------------------------- helpers (independent of the backup code)

    /** Every row of every table but Flyway's, as PostgreSQL's text of the whole row, sorted. */
    private static Map<String, List<String>> rowsByTable(Installation installation) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = installation.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    + " AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                List<String> list = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
                    while (rs.next()) {
                        list.add(rs.getString(1));
                    }
                }
                rows.put(table, list);
            }
        }
        return rows;
    }

    /** The number of reads and their kWh in every month file, summed by DuckDB. */
    private static double[] duckDbTotals(Path intervals) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), sum(kwh) FROM read_parquet('" + intervals
                        + "/month=*/data.parquet')")) {
            rs.next();
            return new double[] {rs.getLong(1), rs.getDouble(2)};
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    private static CliRun opencce(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        return CliRun.of(all);
    }
}
