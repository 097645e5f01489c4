package org.opencce.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
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
import org.opencce.domain.enrollment.ListReconciliation.ChangeKind;
import org.opencce.store.Database;
import org.opencce.store.DatabaseSettings;
import org.opencce.store.EnrollmentStore;

/**
 * A customer list reconciled with the utility's earlier lists in the import's own transaction (issue 6,
 * sections 2 and 3.1), with named accounts: new Basic Service accounts become eligible and competitive
 * ones opt-in only, a later list closes the accounts it no longer has, moves accounts to competitive
 * supply and back, and never overrides an opt-out; a town's list alone leaves the other towns be.
 */
class CustomerListReconciliationTest {
    private static final String HEADER = "Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,"
            + "Supply Status,Low Income,Net Metered\n";
    private static final String DANA = "54099000101,Eversource,Amherst,R-1,Dana Whitfield,88 North Pleasant St,Amherst,"
            + "01002,Basic Service,N,N\n";
    private static final String LUIS = "54099000102,Eversource,Amherst,R-2,Luis Ortega,14 Cowls Rd,Amherst,01002,"
            + "Basic Service,Y,N\n";
    private static final String PRIYA = "54099000103,Eversource,Pelham,R-1,Priya Raman,3 Amherst Rd,Pelham,01002,"
            + "Competitive,N,Y\n";
    private static final String SAM = "54099000104,Eversource,Pelham,R-1,Sam Kowalski,9 North Valley Rd,Pelham,01002,"
            + "Basic Service,N,N\n";
    private static final String ANN = "8199000105,National Grid,Northampton,R-1,Ann Lee,1 Main St,Northampton,01060,"
            + "Basic Service,N,N\n";
    private static final String ZOE = "54099000107,Eversource,Pelham,R-1,Zoe Adams,2 Butter Hill Rd,Pelham,01002,"
            + "Competitive,N,N\n";
    private static final Instant NOW = Instant.parse("2024-11-01T14:00:00Z");

    @TempDir
    static Path folder;
    private static Database db;
    private static CustomerListImport importer;
    private static int programs;

    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void open() {
        db = Database.open(DatabaseSettings.embedded(folder.resolve("db")));
        importer = new CustomerListImport(db.programs(), db.accounts(), db.imports(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aFirstListMakesBasicServiceAccountsEligibleAndCompetitiveOnesOptInOnly() throws IOException {
        ProgramId program = newProgram();

        CustomerListImport.Result result = importFile(program, "first.csv", DANA + LUIS + PRIYA + ANN);

        assertThat(result.reconciliation()).containsEntry(ChangeKind.NEW, 4).containsEntry(ChangeKind.CLOSED, 0)
                .containsEntry(ChangeKind.UNCHANGED, 0);
        assertThat(state(program, "54099000101")).isEqualTo(EnrollmentState.ELIGIBLE);
        assertThat(state(program, "54099000102")).as("Luis, low-income: flagged, never excluded")
                .isEqualTo(EnrollmentState.ELIGIBLE);
        assertThat(state(program, "54099000103")).as("Priya, competitive").isEqualTo(EnrollmentState.COMPETITIVE);
        assertThat(state(program, "8199000105")).isEqualTo(EnrollmentState.ELIGIBLE);
        EnrollmentStore.RecordedEvent listing = db.enrollments().history(program, id(program, "54099000102")).get(0);
        assertThat(listing.event().actor()).isEqualTo("alice");
        assertThat(listing.event().channel()).isEqualTo(Channel.SYSTEM);
        assertThat(listing.event().at()).isEqualTo(NOW);
        assertThat(listing.event().reason()).startsWith("customer list " + programs + "-first.csv, line 3: new;")
                .contains("low-income (R-2): flagged, never excluded");
        assertThat(db.audit().recent(program, 1).get(0).detail()).contains("reconciled: new 4");
    }

    @Test
    void aLaterListClosesMovesAndReturnsAccountsButAnOptOutStands() throws IOException {
        ProgramId program = newProgram();
        importFile(program, "first.csv", DANA + LUIS + PRIYA + SAM + ZOE);
        // Priya, with a competitive supplier, opts out of the program before the next list.
        AccountId priya = id(program, "54099000103");
        db.enrollments().inTransaction(program, tx -> {
            tx.lock(List.of(priya));
            return tx.append(List.of(EnrollmentEvent.of(priya, EventKind.OPTED_OUT, NOW.plusSeconds(60), "customer",
                    Channel.WEB)));
        });

        // Dana is gone (closed), Luis is as he was, Priya and Zoe return to Basic Service, Sam moves to a
        // competitive supplier, and Tess is new.
        CustomerListImport.Result later = importFile(program, "later.csv", LUIS
                + PRIYA.replace("Competitive", "Basic Service")
                + SAM.replace("Basic Service", "Competitive")
                + ZOE.replace("Competitive", "Basic Service")
                + "54099000106,Eversource,Amherst,R-1,Tess Ng,5 Main St,Amherst,01002,Basic Service,N,N\n");

        assertThat(later.reconciliation()).isEqualTo(Map.of(ChangeKind.NEW, 1, ChangeKind.UNCHANGED, 1,
                ChangeKind.CHANGED, 0, ChangeKind.CLOSED, 1, ChangeKind.MOVED_TO_COMPETITIVE, 1,
                ChangeKind.RETURNED_TO_BASIC_SERVICE, 2));
        assertThat(state(program, "54099000101")).as("Dana, closed before the program supplied her")
                .isEqualTo(EnrollmentState.INELIGIBLE);
        assertThat(state(program, "54099000102")).as("Luis").isEqualTo(EnrollmentState.ELIGIBLE);
        assertThat(state(program, "54099000103")).as("Priya's opt-out stands").isEqualTo(EnrollmentState.OPTED_OUT);
        assertThat(db.enrollments().history(program, priya)).hasSize(2);
        assertThat(state(program, "54099000104")).as("Sam, now competitive").isEqualTo(EnrollmentState.COMPETITIVE);
        assertThat(state(program, "54099000107")).as("Zoe, back on Basic Service: her own notice and window")
                .isEqualTo(EnrollmentState.ELIGIBLE);
        assertThat(state(program, "54099000106")).as("Tess, new").isEqualTo(EnrollmentState.ELIGIBLE);

        // Dana reappears in the next list (of Amherst and Pelham): new again, and eligible again; Priya, Zoe and
        // Tess are closed.
        CustomerListImport.Result third = importFile(program, "third.csv", DANA + LUIS
                + SAM.replace("Basic Service", "Competitive"));
        assertThat(third.reconciliation().get(ChangeKind.NEW)).isEqualTo(1);
        assertThat(third.reconciliation().get(ChangeKind.UNCHANGED)).isEqualTo(2);
        assertThat(third.reconciliation().get(ChangeKind.CLOSED)).isEqualTo(3);
        assertThat(state(program, "54099000101")).isEqualTo(EnrollmentState.ELIGIBLE);
        assertThat(state(program, "54099000107")).as("Zoe, closed").isEqualTo(EnrollmentState.INELIGIBLE);
        assertThat(state(program, "54099000106")).as("Tess, closed").isEqualTo(EnrollmentState.INELIGIBLE);
        assertThat(state(program, "54099000103")).as("Priya, opted out, closed").isEqualTo(EnrollmentState.OPTED_OUT);
    }

    @Test
    void aTownsListAloneClosesNothingInTheUtilitysOtherTowns() throws IOException {
        ProgramId program = newProgram();
        importFile(program, "amherst.csv", DANA + LUIS);

        CustomerListImport.Result pelham = importFile(program, "pelham.csv", SAM);

        assertThat(pelham.reconciliation().get(ChangeKind.CLOSED)).isZero();
        assertThat(state(program, "54099000101")).isEqualTo(EnrollmentState.ELIGIBLE);
        assertThat(state(program, "54099000104")).isEqualTo(EnrollmentState.ELIGIBLE);
        // Nor does National Grid's list close Eversource's accounts.
        assertThat(importFile(program, "grid.csv", ANN).reconciliation().get(ChangeKind.CLOSED)).isZero();
        assertThat(state(program, "54099000102")).isEqualTo(EnrollmentState.ELIGIBLE);
    }

    @Test
    void theSameFileTwiceRecordsNothingMoreAndAnotherCopyOfTheListChangesNothing() throws IOException {
        ProgramId program = newProgram();
        Path file = write(program, "list.csv", HEADER + DANA + PRIYA);
        importer.importFile(program, file, "alice", CustomerListImport.defaultRejectionsFile(file), b -> { });
        long events = events(program);

        CustomerListImport.Result again = importer.importFile(program, file, "alice",
                CustomerListImport.defaultRejectionsFile(file), b -> { });
        CustomerListImport.Result copy = importFile(program, "copy.csv", (DANA + PRIYA).replace("\n", "\r\n"));

        assertThat(again.report().alreadyImported()).isTrue();
        assertThat(again.reconciliation().values()).containsOnly(0);
        assertThat(copy.reconciliation()).containsEntry(ChangeKind.UNCHANGED, 2).containsEntry(ChangeKind.NEW, 0);
        assertThat(events(program)).isEqualTo(events);
    }

    @Test
    void anAccountNumberTwiceInAFileInTwoTownsIsRejectedWithItsLine() throws IOException {
        ProgramId program = newProgram();

        CustomerListImport.Result result = importFile(program, "twice.csv", DANA + DANA.replace("Amherst,R-1", "Pelham,R-1"));

        assertThat(result.report().rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).contains("duplicate of line 2");
        });
        assertThat(result.reconciliation().get(ChangeKind.NEW)).isEqualTo(1);
        assertThat(events(program)).isEqualTo(1);
    }

    @Test
    void aListThatFailsHalfWayRecordsNoEvent() throws IOException {
        ProgramId program = newProgram();
        // Line 4 is not UTF-8: the whole file is refused after the first rows were stored in the transaction.
        byte[] head = (HEADER + DANA + LUIS).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\n'};
        byte[] bytes = new byte[head.length + bad.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(bad, 0, bytes, head.length, bad.length);
        Path file = folder.resolve(program.value() + "-bad.csv");
        Files.write(file, bytes);
        CustomerListImport smallChunks = new CustomerListImport(db.programs(), db.accounts(), db.imports(), 1);

        assertThatThrownBy(() -> smallChunks.importFile(program, file, "alice")).isNotNull();

        assertThat(events(program)).isZero();
        assertThat(db.accounts().count(program)).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private static CustomerListImport.Result importFile(ProgramId program, String name, String rows) throws IOException {
        Path file = write(program, name, HEADER + rows);
        return importer.importFile(program, file, "alice", CustomerListImport.defaultRejectionsFile(file), b -> { });
    }

    private static EnrollmentState state(ProgramId program, String number) {
        return db.enrollments().find(program, id(program, number)).orElseThrow().state();
    }

    private static AccountId id(ProgramId program, String number) {
        Utility utility = number.startsWith("81") ? Utility.NATIONAL_GRID_MA : Utility.EVERSOURCE_WMA;
        return db.accounts().find(program, utility, new UtilityAccountNumber(number)).orElseThrow().id();
    }

    private static long events(ProgramId program) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM enrollment_events WHERE program_id = :p")
                .bind("p", program.value()).mapTo(Long.class).one());
    }

    private static ProgramId newProgram() {
        Program valley = Fixtures.valleyProgram();
        ProgramId id = new ProgramId("reconcile-test-" + (++programs));
        db.programs().save(new Program(id, valley.name(), valley.leadTown(), valley.towns(), valley.launchDate()));
        db.programs().saveProducts(Fixtures.valleyProducts().stream().map(p -> new Product(p.id(), id, p.name(),
                p.greenContent(), p.localContent(), p.price(), p.termStart(), p.termEnd(), p.isDefault(),
                p.illustrative())).toList());
        return id;
    }

    private static Path write(ProgramId program, String name, String contents) throws IOException {
        Path file = folder.resolve(programs + "-" + name);
        Files.writeString(file, contents, StandardCharsets.UTF_8);
        return file;
    }
}
