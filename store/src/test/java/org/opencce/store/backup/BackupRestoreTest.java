package org.opencce.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.report.BatchReport;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.time.Quality;
import org.opencce.store.AccountStore;
import org.opencce.store.Database;
import org.opencce.store.EnrollmentStore;
import org.opencce.store.DatabaseSettings;
import org.opencce.store.IntervalStore.IntervalWriter;
import org.opencce.store.SharedEmbeddedDatabase;
import org.opencce.store.StoreException;
import org.opencce.store.UserStore.Role;
import org.opencce.store.parquet.IntervalFiles;
import org.opencce.store.parquet.ParquetIntervalStore;

/**
 * A backup of the records (the shared embedded PostgreSQL, holding the canonical Valley program with
 * users, an import and audit entries) and of interval data, restored into a new embedded installation:
 * every row and every read comes back, compared with SQL and DuckDB rather than with the backup's own
 * files; ids continue after the restored ones; a changed file is refused by name; a restore that
 * fails leaves the installation empty.
 */
@ExtendWith(SharedEmbeddedDatabase.class)
class BackupRestoreTest {
    /** Hours written per account: 2025-01-31 00:00 to 2025-02-02 00:00 local, across a month boundary. */
    private static final int HOURS = 48;
    private static final Instant FROM = LocalCalendar.startOfDay(java.time.LocalDate.of(2025, 1, 31));

    @TempDir
    static Path temp;
    private static Database source;
    private static ParquetIntervalStore sourceIntervals;
    private static Program program;
    private static List<Account> accounts;
    private static BackupReport backup;

    @BeforeAll
    static void fillAndBackUp(Database shared) throws IOException {
        source = shared;
        Program valley = Fixtures.valleyProgram();
        // With a contact and an opt-out window of its own, so that their columns must round-trip too.
        program = new Program(new ProgramId("backup-" + UUID.randomUUID().toString().substring(0, 8)), valley.name(),
                valley.leadTown(), valley.towns(), valley.launchDate(), Optional.of(Fixtures.valleyContact()), 45);
        source.programs().save(program);
        source.programs().saveProducts(Fixtures.valleyProducts().stream().map(p -> new Product(p.id(), program.id(),
                p.name(), p.greenContent(), p.localContent(), p.price(), p.termStart(), p.termEnd(), p.isDefault(),
                p.illustrative())).toList());
        List<Account> fixtures = Fixtures.valleyAccounts();
        List<AccountId> ids = source.accounts().assignIds(program.id(),
                fixtures.stream().map(a -> new AccountStore.Key(a.utility(), a.number())).toList());
        accounts = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            Account a = fixtures.get(i);
            accounts.add(new Account(ids.get(i), program.id(), a.number(), a.utility(), a.town(), a.rateClass(),
                    // a name with a comma, quotes and a line break: CSV must keep it whole
                    i == 0 ? "Abbott, Alice \"Ali\"\nc/o Bob" : a.customerName(), a.serviceAddress(),
                    a.supplyStatus(), a.product(), a.lowIncome(), a.netMetered(), a.loadZone()));
        }
        source.accounts().upsert(accounts);
        source.users().saveUser("ada-" + program.id().value(), "$2a$12$abcdefghijklmnopqrstuu");
        source.users().grant("ada-" + program.id().value(), program.id(), Role.ADMIN);
        source.imports().record(program.id(), "customer-list", "a".repeat(64),
                new BatchReport("customers.csv", 6, 5, List.of(new BatchReport.Rejection(4, "bad ZIP")), false), "ada");
        source.audit().append(program.id(), "ada", "users.add", "ada ADMIN");
        source.audit().append(program.id(), "ada", "accounts.import", "customers.csv");
        // Bob listed, mailed his notice and opted out by phone with a confirmation number.
        AccountId bob = accounts.get(1).id();
        source.enrollments().inTransaction(program.id(), tx -> {
            tx.lock(List.of(bob));
            tx.append(List.of(EnrollmentEvent.of(bob, EventKind.LISTED_ELIGIBLE, FROM, "system", Channel.SYSTEM),
                    EnrollmentEvent.noticeMailed(bob, FROM, "ada", Channel.STAFF, java.time.LocalDate.of(2024, 11, 22),
                            java.time.LocalDate.of(2024, 12, 22))));
            return tx.appendReferenced(List.of(new EnrollmentStore.ReferencedEvent(
                    EnrollmentEvent.of(bob, EventKind.OPTED_OUT, FROM, "ada", Channel.PHONE), "VGE-PHONE1")));
        });

        sourceIntervals = new ParquetIntervalStore(temp.resolve("source").resolve("intervals"));
        try (IntervalWriter writer = sourceIntervals.writer()) {
            for (int i = 0; i < accounts.size(); i++) {
                double[] kwh = new double[HOURS];
                Quality[] quality = new Quality[HOURS];
                Arrays.fill(kwh, 0.5 * (i + 1));
                Arrays.fill(quality, i % 2 == 0 ? Quality.VALID : Quality.ESTIMATED);
                writer.append(accounts.get(i).id(), new IntervalSeries(FROM, Duration.ofHours(1), kwh, quality));
            }
            writer.commit();
        }
        backup = Backup.create(source, new IntervalFiles(sourceIntervals), temp.resolve("backup"), "OpenCCE test",
                Progress.NONE);
    }

    @AfterAll
    static void close() {
        sourceIntervals.close();
    }

    @Test
    void theBackupHoldsEveryTableAndBothMonthFilesAndPassesSha256sum() throws IOException {
        assertThat(backup.tables()).extracting(BackupReport.TableCopy::table)
                .contains("programs", "towns", "products", "account_ids", "accounts", "users", "grants", "import_log",
                        "audit_log", "enrollment_events", "enrollments")
                .doesNotContain("flyway_schema_history");
        // Referenced tables come before the tables that refer to them.
        List<String> order = backup.tables().stream().map(BackupReport.TableCopy::table).toList();
        assertThat(order.indexOf("programs")).isLessThan(order.indexOf("account_ids"));
        assertThat(order.indexOf("account_ids")).isLessThan(order.indexOf("accounts"));
        assertThat(order.indexOf("products")).isLessThan(order.indexOf("accounts"));
        assertThat(order.indexOf("users")).isLessThan(order.indexOf("grants"));
        assertThat(order.indexOf("account_ids")).isLessThan(order.indexOf("enrollment_events"));
        assertThat(order.indexOf("enrollment_events")).isLessThan(order.indexOf("enrollments"));
        assertThat(backup.intervalFiles()).isEqualTo(2);
        Path folder = temp.resolve("backup");
        assertThat(folder.resolve("intervals/month=2025-01/data.parquet")).isRegularFile();
        assertThat(folder.resolve("intervals/month=2025-02/data.parquet")).isRegularFile();
        // No staging folder is left beside it.
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial-"));
        }
        // Every file is listed with its SHA-256, computed here independently of the production code.
        List<String> sums = Files.readAllLines(folder.resolve("SHA256SUMS"));
        assertThat(sums).hasSize(backup.files() - 1);
        for (String line : sums) {
            String file = line.substring(66);
            assertThat(line.substring(0, 64)).as(file).isEqualTo(sha256(folder.resolve(file)));
        }
    }

    @Test
    void aRestoredInstallationHasEveryRowAndEveryReadAndNewIdsContinueAfterTheRestoredOnes() throws Exception {
        Path target = temp.resolve("restored");
        BackupFolder folder = BackupFolder.open(temp.resolve("backup"), Progress.NONE);
        try (Database restored = Database.open(DatabaseSettings.embedded(target), folder.schemaVersion());
                ParquetIntervalStore intervals = new ParquetIntervalStore(target.resolve("intervals"))) {
            BackupReport report = Restore.run(folder, restored, new IntervalFiles(intervals), Progress.NONE);

            assertThat(report.rows()).isEqualTo(backup.rows());
            Map<String, List<String>> expected = rowsByTable(source);
            Map<String, List<String>> actual = rowsByTable(restored);
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            for (String table : expected.keySet()) {
                assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
            }
            assertThat(actual.get("accounts")).anyMatch(row -> row.contains("Abbott, Alice"));
            assertThat(actual.get("audit_log")).anyMatch(row -> row.contains("accounts.import"));
            assertThat(restored.programs().find(program.id())).contains(program);

            // 5 accounts x 48 hours; account i uses 0.5 (i + 1) kWh an hour: 48 x 0.5 x (1+2+3+4+5) = 360 kWh.
            double[] totals = duckDbTotals(target.resolve("intervals"));
            assertThat(totals[0]).isEqualTo(5 * HOURS);
            assertThat(totals[1]).isCloseTo(360.0, within(1e-9));
            assertThat(totals[2]).as("estimated reads (accounts 2 and 4)").isEqualTo(2 * HOURS);
            assertThat(duckDbTotals(temp.resolve("backup").resolve("intervals"))).containsExactly(totals);

            long highest = maxId(restored, "account_ids");
            AccountId next = restored.accounts().assignIds(program.id(), List.of(new AccountStore.Key(
                    Utility.EVERSOURCE_WMA, new UtilityAccountNumber("54000000001")))).get(0);
            assertThat(next.value()).isGreaterThan(highest);
            long lastImport = maxId(restored, "import_log");
            restored.imports().record(program.id(), "customer-list", "b".repeat(64),
                    new BatchReport("more.csv", 1, 1, List.of(), false), "ada");
            assertThat(maxId(restored, "import_log")).isGreaterThan(lastImport);
            // The audit log is still append-only after the restore.
            assertThatThrownBy(() -> restored.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log")))
                    .hasMessageContaining("append-only");

            // Bob's history came back whole, still replays, is still append-only, and new events follow it.
            AccountId bob = accounts.get(1).id();
            assertThat(restored.enrollments().history(program.id(), bob))
                    .containsExactlyElementsOf(source.enrollments().history(program.id(), bob));
            assertThat(restored.enrollments().find(program.id(), bob).orElseThrow().state())
                    .isEqualTo(EnrollmentState.OPTED_OUT);
            assertThat(restored.enrollments().withReference(program.id(), "VGE-PHONE1")).hasSize(1);
            assertThatThrownBy(() -> restored.jdbi().useHandle(h -> h.execute("DELETE FROM enrollment_events")))
                    .hasMessageContaining("append-only");
            long lastEvent = maxId(restored, "enrollment_events");
            AccountId alice = accounts.get(0).id();
            restored.enrollments().inTransaction(program.id(), tx -> {
                tx.lock(List.of(alice));
                return tx.append(List.of(EnrollmentEvent.of(alice, EventKind.LISTED_ELIGIBLE, FROM, "system",
                        Channel.SYSTEM)));
            });
            assertThat(maxId(restored, "enrollment_events")).isGreaterThan(lastEvent);

            // A second restore into the now filled installation is refused, and names what is there.
            int accountRows = rowsByTable(restored).get("accounts").size();
            Path emptyIntervals = temp.resolve("no-intervals");
            try (ParquetIntervalStore none = new ParquetIntervalStore(emptyIntervals)) {
                assertThatThrownBy(() -> Restore.run(folder, restored, new IntervalFiles(none), Progress.NONE))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("is not empty").hasMessageContaining("accounts (" + accountRows + " rows)");
            }
            assertThatThrownBy(() -> Restore.run(folder, restored, new IntervalFiles(intervals), Progress.NONE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already holds 2 month files");
        }
    }

    @Test
    void aChangedRecordsFileOrMonthFileIsRefusedByName() throws IOException {
        for (String file : List.of("records/accounts.csv", "intervals/month=2025-02/data.parquet")) {
            Path copy = copyOfBackup();
            byte[] bytes = Files.readAllBytes(copy.resolve(file));
            bytes[bytes.length / 2] ^= 1;
            Files.write(copy.resolve(file), bytes);

            assertThatThrownBy(() -> BackupFolder.open(copy, Progress.NONE)).isInstanceOf(StoreException.class)
                    .hasMessageContaining(copy.resolve(file).toString()).hasMessageContaining("damaged or was changed");
        }
        Path missing = copyOfBackup();
        Files.delete(missing.resolve("records/users.csv"));
        assertThatThrownBy(() -> BackupFolder.open(missing, Progress.NONE))
                .hasMessageContaining("records/users.csv is listed in SHA256SUMS but missing");
        Path unfinished = copyOfBackup();
        Files.delete(unfinished.resolve("SHA256SUMS"));
        assertThatThrownBy(() -> BackupFolder.open(unfinished, Progress.NONE))
                .hasMessageContaining("is not a complete OpenCCE backup");
    }

    @Test
    void aRestoreThatFailsWhileLoadingLeavesTheInstallationEmptyAndANewRestoreSucceeds() throws Exception {
        // A backup whose checksums match but whose last table breaks a key: grants' first row twice.
        Path broken = copyOfBackup();
        Path grants = broken.resolve("records/grants.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(grants, StandardCharsets.UTF_8));
        lines.add(lines.get(1));
        Files.write(grants, lines, StandardCharsets.UTF_8);
        rewriteSums(broken);
        Path target = temp.resolve("failed-restore");
        BackupFolder folder = BackupFolder.open(broken, Progress.NONE);
        try (Database db = Database.open(DatabaseSettings.embedded(target), folder.schemaVersion());
                ParquetIntervalStore intervals = new ParquetIntervalStore(target.resolve("intervals"))) {
            assertThatThrownBy(() -> Restore.run(folder, db, new IntervalFiles(intervals), Progress.NONE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("Nothing was restored");

            assertThat(rowsByTable(db).values()).allMatch(List::isEmpty);
            assertThat(intervals.months()).isEmpty();
            try (Stream<Path> left = Files.list(target)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".restore-"));
            }

            // Still empty, so it takes a restore; here of its own backup, whose sequences were never used
            // and stay so: the first import after the restore gets id 1.
            Path emptyBackup = temp.resolve("empty-backup");
            Backup.create(db, new IntervalFiles(intervals), emptyBackup, "OpenCCE test", Progress.NONE);
            assertThat(Files.readAllLines(emptyBackup.resolve("manifest.properties")))
                    .contains("sequence.import_log_id_seq=", "sequence.account_id_seq=");
            BackupReport report = Restore.run(BackupFolder.open(emptyBackup, Progress.NONE), db,
                    new IntervalFiles(intervals), Progress.NONE);
            assertThat(report.rows()).isZero();
            db.programs().save(program);
            db.imports().record(program.id(), "customer-list", "c".repeat(64),
                    new BatchReport("first.csv", 1, 1, List.of(), false), "ada");
            assertThat(maxId(db, "import_log")).isEqualTo(1);
        }
    }

    @Test
    void aBackupOfASchemaNewerThanThisOpenCceIsRefusedWithBothVersions() {
        assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(temp.resolve("newer")), "99").close())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Schema version 99 is newer than this OpenCCE knows")
                .hasMessageContaining("migrations go up to version " + backup.schemaVersion());
    }

    // ---------------------------------------------------------------- helpers (independent of the backup code)

    /** Every row of every table but Flyway's, as PostgreSQL's text of the whole row, sorted. */
    private static Map<String, List<String>> rowsByTable(Database db) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
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

    private static long maxId(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM " + table).mapTo(Long.class).one());
    }

    /** Reads, kWh and estimated reads of every month file under {@code intervals}, summed by DuckDB. */
    private static double[] duckDbTotals(Path intervals) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), sum(kwh), count(*) FILTER (WHERE quality = 1)"
                        + " FROM read_parquet('" + intervals + "/month=*/data.parquet')")) {
            rs.next();
            return new double[] {rs.getLong(1), rs.getDouble(2), rs.getLong(3)};
        }
    }

    private static Path copyOfBackup() throws IOException {
        Path from = temp.resolve("backup");
        Path to = temp.resolve("copy-" + UUID.randomUUID());
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
        return to;
    }

    private static void rewriteSums(Path folder) throws IOException {
        StringBuilder sums = new StringBuilder();
        for (String line : Files.readAllLines(folder.resolve("SHA256SUMS"))) {
            String file = line.substring(66);
            sums.append(sha256(folder.resolve(file))).append("  ").append(file).append('\n');
        }
        Files.writeString(folder.resolve("SHA256SUMS"), sums);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
