package org.opencce.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.report.BatchReport;
import org.opencce.store.Database;
import org.opencce.store.DatabaseSettings;

/** Customer-list import into a real embedded PostgreSQL: nothing lost, nothing applied twice. */
class CustomerListImportTest {
    private static final String HEADER = "Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,"
            + "Supply Status,Low Income,Net Metered\n";

    @TempDir
    static Path folder;
    private static Database db;
    private static CustomerListImport importer;
    private static int programs;

    // Starts an embedded PostgreSQL for the class (seconds here; on a busy CI runner's first run, which
    // unpacks the server and runs initdb, a minute or more): more room than the 2-minute default, so a slow
    // machine is not taken for a hang.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void open() {
        db = Database.open(DatabaseSettings.embedded(folder.resolve("db")));
        importer = new CustomerListImport(db.programs(), db.accounts(), db.imports(), db.audit());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyRowIsAcceptedOrRejectedWithItsLineAndReason() throws IOException {
        ProgramId program = newProgram();
        Path file = write("list.csv", HEADER
                + "54099000101,Eversource,Amherst,R-1,Dana Whitfield,88 North Pleasant St,Amherst,01002,Basic Service,N,N\n"
                + "54099000102,Eversource,Amherst,R-2,Luis Ortega,14 Cowls Rd,Amherst,01002,Basic Service,Y,N\n"
                + "8199000105,National Grid,Northampton,R-9,Sam Kowalski,9 Bridge St,Northampton,01060,Basic Service,N,N\n"
                + "8199000104,National Grid,Northampton,R-1,Priya Raman,22 Crescent St,Northampton,01060,Competitive,N,Y\n"
                + "54099000101,Eversource,Amherst,R-1,Dana Whitfield,88 North Pleasant St,Amherst,01002,Basic Service,N,N\n"
                + "8199000106,National Grid,Amherst,R-1,Ann Lee,1 Main St,Amherst,01002,Basic Service,N,N\n"
                + "54099000108,Eversource,Hadley,R-1,Jo Martin,5 Russell St,Hadley,01035,Basic Service,N,N\n");

        BatchReport report = importer.importFile(program, file, "test");

        assertThat(report.read()).isEqualTo(7);
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.read()).isEqualTo(report.accepted() + report.rejected());
        assertThat(report.rejections()).extracting(BatchReport.Rejection::line).containsExactly(4L, 6L, 7L, 8L);
        assertThat(report.rejections().get(0).reason()).contains("'R-9'");
        assertThat(report.rejections().get(1).reason()).contains("duplicate of line 2");
        assertThat(report.rejections().get(2).reason())
                .isEqualTo("Amherst is served by Eversource (Western Massachusetts), but the row names National Grid "
                        + "(Massachusetts Electric Co.)");
        assertThat(report.rejections().get(3).reason()).contains("'Hadley' is not a member");
        assertThat(db.accounts().count(program)).isEqualTo(3);
        Account priya = db.accounts().find(program, Utility.NATIONAL_GRID_MA, new UtilityAccountNumber("8199000104"))
                .orElseThrow();
        assertThat(priya.supplyStatus()).isEqualTo(SupplyStatus.COMPETITIVE);
        assertThat(priya.netMetered()).isTrue();
        assertThat(db.audit().recent(program, 1).get(0).detail()).contains("read 7, accepted 3, rejected 4");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        ProgramId program = newProgram();
        Path file = write("again.csv", HEADER
                + "54099000201,Eversource,Pelham,R-3,Kim Noor,3 Harkness Rd,Pelham,01002,Basic Service,N,N\n");
        BatchReport first = importer.importFile(program, file, "test");
        List<Account> before = db.accounts().all(program);

        BatchReport second = importer.importFile(program, file, "test");

        assertThat(first.alreadyImported()).isFalse();
        assertThat(second.alreadyImported()).isTrue();
        assertThat(second.read()).isEqualTo(first.read());
        assertThat(db.accounts().all(program)).isEqualTo(before);
        assertThat(db.audit().recent(program, 10)).hasSize(1);
    }

    @Test
    void aNewListUpdatesTheUtilitysFactsButKeepsAnEnrolledAccountsProduct() throws IOException {
        ProgramId program = newProgram();
        importer.importFile(program, write("v1.csv", HEADER
                + "54099000301,Eversource,Amherst,R-1,Alex Park,9 Lincoln Ave,Amherst,01002,Basic Service,N,N\n"), "test");
        Account alex = db.accounts().all(program).get(0);
        Account enrolled = new Account(alex.id(), program, alex.number(), alex.utility(), alex.town(), alex.rateClass(),
                alex.customerName(), alex.serviceAddress(), SupplyStatus.PROGRAM, Optional.of(Fixtures.STANDARD),
                false, false, alex.loadZone());
        db.accounts().upsert(List.of(enrolled));

        importer.importFile(program, write("v2.csv", HEADER
                + "54099000301,Eversource,Amherst,R-2,Alex Park,9 Lincoln Ave,Amherst,01002,Basic Service,Y,N\n"), "test");

        Account after = db.accounts().find(alex.id()).orElseThrow();
        assertThat(after.rateClass().code()).isEqualTo("R-2");
        assertThat(after.lowIncome()).isTrue();
        assertThat(after.supplyStatus()).isEqualTo(SupplyStatus.PROGRAM);
        assertThat(after.product()).contains(Fixtures.STANDARD);
    }

    @Test
    void aMissingFileOrProgramIsExplained() throws IOException {
        ProgramId program = newProgram();
        assertThatThrownBy(() -> importer.importFile(program, folder.resolve("nope.csv"), "test"))
                .isInstanceOf(OpenCceException.class).hasMessageContaining("does not exist; check the path");
        Path file = write("x.csv", HEADER);
        assertThatThrownBy(() -> importer.importFile(new ProgramId("no-such-program"), file, "test"))
                .hasMessageContaining("program 'no-such-program' does not exist");
    }

    private static ProgramId newProgram() {
        Program valley = Fixtures.valleyProgram();
        ProgramId id = new ProgramId("import-test-" + (++programs));
        db.programs().save(new Program(id, valley.name(), valley.leadTown(), valley.towns(), valley.launchDate()));
        db.programs().saveProducts(Fixtures.valleyProducts().stream().map(p -> new Product(p.id(), id, p.name(),
                p.greenContent(), p.localContent(), p.price(), p.termStart(), p.termEnd(), p.isDefault(),
                p.illustrative())).toList());
        return id;
    }

    private static Path write(String name, String contents) throws IOException {
        Path file = folder.resolve(programs + "-" + name);
        Files.writeString(file, contents, StandardCharsets.UTF_8);
        return file;
    }
}
