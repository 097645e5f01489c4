package org.opencce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;

/** Opening and closing the records database: persistence, migrations, and what failures say. */
@ExtendWith(SharedEmbeddedDatabase.class)
class DatabaseLifecycleTest {

    @Test
    void aSecondOpenOfTheSameDataDirectorySeesTheRecordsOfTheFirstAndMigratesNothing(@TempDir Path dataDir) {
        Program valley = Fixtures.valleyProgram();
        try (Database first = Database.open(DatabaseSettings.embedded(dataDir))) {
            assertThat(first.migrationsApplied()).isPositive();
            assertThat(first.description()).isEqualTo("embedded PostgreSQL 17.5 in " + dataDir.resolve("postgres"));
            first.programs().save(valley);
            first.programs().saveProducts(Fixtures.valleyProducts());
            first.accounts().upsert(Fixtures.valleyAccounts());

            assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(dataDir)))
                    .as("a data directory in use by this process (another process: EmbeddedServerRecoveryTest)")
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("already open in this OpenCCE process");
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (Database second = Database.open(DatabaseSettings.embedded(dataDir))) {
            assertThat(second.migrationsApplied()).isZero();
            assertThat(second.programs().find(Fixtures.VALLEY)).contains(valley);
            assertThat(second.accounts().all(Fixtures.VALLEY)).containsExactlyElementsOf(Fixtures.valleyAccounts());
            Flyway flyway = Flyway.configure().dataSource(second.dataSource()).load();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
            assertThat(flyway.info().current().getVersion()).as("the newest migration")
                    .isEqualTo(Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                            .max(Comparator.naturalOrder()).orElseThrow());
        }
    }

    @Test
    void anExternalServerIsUsedAsGivenWithoutStartingOne(Database embedded) {
        Program program = new Program(new ProgramId("external-check"), "External check",
                "Pelham", Fixtures.valleyProgram().towns(), Fixtures.LAUNCH);
        embedded.programs().save(program);

        try (Database external = Database.open(DatabaseSettings.external(embedded.jdbcUrl(), null, null))) {
            assertThat(external.description()).isEqualTo(embedded.jdbcUrl());
            assertThat(external.migrationsApplied()).isZero();
            assertThat(external.programs().find(program.id())).contains(program);
        }
        assertThat(embedded.programs().find(program.id())).as("closing the external one leaves the server running")
                .contains(program);
    }

    @Test
    void theUsersMigrationKeepsTheOldestOfNamesThatDifferOnlyByCaseAndAuditsTheOthers(Database embedded) {
        String name = "v2_" + UUID.randomUUID().toString().replace("-", "");
        embedded.jdbi().useHandle(h -> h.execute("CREATE DATABASE " + name));
        String url = embedded.jdbcUrl().replaceFirst("/[^/?]+\\?", "/" + name + "?");
        Flyway.configure().dataSource(url, null, null).target("1").load().migrate();
        Jdbi v1 = Jdbi.create(url);
        v1.useHandle(h -> {
            h.execute("INSERT INTO programs VALUES ('valley', 'Valley', 'Amherst', '2025-01-01')");
            h.execute("INSERT INTO users (username, password_hash, created_at) VALUES"
                    + " ('admin', '$2a$12$old', '2024-01-01T00:00Z'), ('Admin', '$2a$12$new', '2024-06-01T00:00Z'),"
                    + " ('ADMIN', '$2a$12$newer', '2024-07-01T00:00Z'), ('staff', '$2a$12$s', '2024-01-01T00:00Z')");
            h.execute("INSERT INTO grants VALUES ('admin', 'valley', 'ADMIN'), ('Admin', 'valley', 'VIEWER')");
        });

        try (Database migrated = Database.open(DatabaseSettings.external(url, null, null), "2")) {
            assertThat(migrated.migrationsApplied()).isEqualTo(1);
            assertThat(migrated.users().list()).extracting(UserStore.User::username)
                    .containsExactly("admin", "staff");
            assertThat(migrated.users().find("ADMIN").orElseThrow().passwordHash()).isEqualTo("$2a$12$old");
            assertThat(migrated.audit().recent(new ProgramId("valley"), 10)).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("users.remove-case-duplicate");
                assertThat(e.detail()).contains("'Admin'", "VIEWER", "older user 'admin'");
            });
        }
    }

    @Test
    void theProgramFileMigrationLeavesOlderProgramsWithoutContactAndWithThirtyDays(Database embedded) {
        String name = "v3_" + UUID.randomUUID().toString().replace("-", "");
        embedded.jdbi().useHandle(h -> h.execute("CREATE DATABASE " + name));
        String url = embedded.jdbcUrl().replaceFirst("/[^/?]+\\?", "/" + name + "?");
        Flyway.configure().dataSource(url, null, null).target("2").load().migrate();
        Jdbi.create(url).useHandle(h -> {
            h.execute("INSERT INTO programs VALUES ('valley', 'Valley', 'Amherst', '2025-01-01')");
            h.execute("INSERT INTO towns VALUES ('valley', 'Amherst', 'EVERSOURCE_WMA', 'WCMA', 39263, 0)");
        });

        try (Database migrated = Database.open(DatabaseSettings.external(url, null, null), "3")) {
            assertThat(migrated.migrationsApplied()).isEqualTo(1);
            Program valley = migrated.programs().find(new ProgramId("valley")).orElseThrow();
            assertThat(valley.contact()).isEmpty();
            assertThat(valley.optOutWindowDays()).isEqualTo(30);
            assertThatThrownBy(() -> migrated.jdbi().useHandle(h -> h.execute(
                    "UPDATE programs SET contact_phone = '413-555-0142' WHERE id = 'valley'")))
                    .as("a contact is stored whole or not at all").hasMessageContaining("programs_contact_whole");
        }
    }

    @Test
    void anUnreachableServerIsReportedWithItsUrlWhatToCheckAndNoPassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/opencce?user=opencce&password=hunter2";

        assertThatThrownBy(() -> Database.open(DatabaseSettings.external(url, null, null)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + closedPort + "/opencce?user=opencce")
                .hasMessageContaining("Check that the server is running")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Database.open(DatabaseSettings.external(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/opencce", "opencce", "hunter2")))
                .isInstanceOf(StoreException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void settingsRefuseWhatCannotWorkAndNeverShowThePassword() {
        assertThatThrownBy(() -> DatabaseSettings.external("jdbc:mysql://db/opencce", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://");
        DatabaseSettings external = DatabaseSettings.external(
                "jdbc:postgresql://db:5432/opencce?password=hunter2&ssl=true", "cce", "hunter3");
        assertThat(external.toString()).isEqualTo("jdbc:postgresql://db:5432/opencce?ssl=true as cce");
        assertThat(DatabaseSettings.embedded(Path.of("data")).clusterDirectory())
                .isEqualTo(Path.of("data").toAbsolutePath().resolve("postgres"));
    }
}
