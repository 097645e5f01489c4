package org.opencce.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.FormatException;
import org.opencce.store.AccountQuery;
import org.opencce.store.AccountStore;
import org.opencce.store.Database;
import org.opencce.store.Page;
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
        importer = new CustomerListImport(db.programs(), db.accounts(), db.imports());
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
    void theListsMailingAddressIsStoredReplacedAndRemovedWithEachNewList() throws IOException {
        ProgramId program = newProgram();
        String header = "Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,Supply Status,"
                + "Mailing Street,Mailing City,Mailing State,Mailing ZIP\n";
        importer.importFile(program, write("m1.csv", header
                + "54099000401,Eversource,Amherst,R-1,Renée Tenant,12 Fearing St,Amherst,01002,Basic Service,"
                + "\"c/o Pioneer Property Mgmt, PO Box 112\",Hadley,MA,01035-0112\n"
                + "54099000402,Eversource,Amherst,R-1,Sam Owner,14 Fearing St,Amherst,01002,Basic Service,,,,\n"
                + "54099000403,Eversource,Amherst,R-1,Half Address,16 Fearing St,Amherst,01002,Basic Service,"
                + "PO Box 9,,MA,\n"), "test");

        Account renee = db.accounts().find(program, Utility.EVERSOURCE_WMA, new UtilityAccountNumber("54099000401"))
                .orElseThrow();
        Account sam = db.accounts().find(program, Utility.EVERSOURCE_WMA, new UtilityAccountNumber("54099000402"))
                .orElseThrow();
        assertThat(renee.noticeAddress()).isEqualTo(new MailingAddress("c/o Pioneer Property Mgmt, PO Box 112",
                "Hadley", "MA", "01035-0112"));
        assertThat(renee.serviceAddress().street()).isEqualTo("12 Fearing St");
        assertThat(sam.mailingAddress()).isEmpty();
        assertThat(sam.noticeAddress()).isEqualTo(new MailingAddress("14 Fearing St", "Amherst", "MA", "01002"));
        assertThat(db.accounts().count(program)).as("the row with half an address is rejected").isEqualTo(2);

        // The next list: Renée's landlord changed; Sam now gets mail at a PO box. A list without the mailing
        // columns at all then says nobody has a mailing address any more.
        importer.importFile(program, write("m2.csv", header
                + "54099000401,Eversource,Amherst,R-1,Renée Tenant,12 Fearing St,Amherst,01002,Basic Service,"
                + "PO Box 7,Amherst,ma,01004\n"
                + "54099000402,Eversource,Amherst,R-1,Sam Owner,14 Fearing St,Amherst,01002,Basic Service,"
                + "9 Summer St,Keene,NH,03431\n"), "test");
        assertThat(db.accounts().find(renee.id()).orElseThrow().mailingAddress())
                .contains(new MailingAddress("PO Box 7", "Amherst", "MA", "01004"));
        assertThat(db.accounts().find(sam.id()).orElseThrow().noticeAddress().lines())
                .containsExactly("9 Summer St", "Keene NH 03431");

        importer.importFile(program, write("m3.csv", HEADER
                + "54099000401,Eversource,Amherst,R-1,Renée Tenant,12 Fearing St,Amherst,01002,Basic Service,N,N\n"),
                "test");
        assertThat(db.accounts().find(renee.id()).orElseThrow().mailingAddress()).isEmpty();
        assertThat(db.accounts().find(sam.id()).orElseThrow().mailingAddress()).as("not in the third list")
                .isPresent();
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

    @Test
    void aLatin1ListIsRefusedWithLineAndByteOffsetAndNothingIsRecorded() throws IOException {
        ProgramId program = newProgram();
        // The header is 115 bytes with its LF; line 2 is stored as Latin-1: "5409900040,...,Jos" then 0xE9.
        String line2 = "54099000401,Eversource,Amherst,R-1,Jos";
        Path file = writeBytes("latin1.csv", (HEADER + line2 + "é Ruiz,3 Main St,Amherst,01002,Basic Service,N,N\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> importer.importFile(program, file, "test"))
                .isInstanceOf(FormatException.class)
                .hasMessage(file.getFileName() + ", line 2: the text is not UTF-8; save the file as \"CSV UTF-8\" and"
                        + " try again (byte 0xE9 at byte offset " + (115 + 38) + ", counting from 0, is not followed by"
                        + " the bytes a UTF-8 character needs)");
        assertThat(HEADER.length()).isEqualTo(115);
        assertThat(line2.length()).isEqualTo(38);
        assertNothingRecorded(program, file);
    }

    @Test
    void oneBadByteInALaterChunkUndoesTheChunksBeforeIt() throws IOException {
        ProgramId program = newProgram();
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= 9; i++) {
            text.append("5409900050").append(i).append(",Eversource,Amherst,R-1,Dana Whitfield,").append(i)
                    .append(" Main St,Amherst,01002,Basic Service,N,N\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
        bytes[good.length] = (byte) 0xFF;
        bytes[good.length + 1] = '\n';
        Path file = writeBytes("bad-byte.csv", bytes);
        // Chunks of 2 rows: four chunks are stored before the bad byte on line 11 is read.
        CustomerListImport smallChunks = new CustomerListImport(db.programs(), db.accounts(), db.imports(), 2);

        assertThatThrownBy(() -> smallChunks.importFile(program, file, "test"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(file.getFileName() + ", line 11: the text is not UTF-8;")
                .hasMessageContaining("byte 0xFF at byte offset " + good.length + ",");
        assertNothingRecorded(program, file);
    }

    @Test
    void utf16ListsAreRefusedWhateverTheirByteOrder() throws IOException {
        ProgramId program = newProgram();
        String text = HEADER + "54099000601,Eversource,Amherst,R-1,Dana Whitfield,1 Main St,Amherst,01002,BS,N,N\n";
        for (java.nio.charset.Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path file = writeBytes(utf16.name() + ".csv", ("\uFEFF" + text).getBytes(utf16));
            String order = utf16 == StandardCharsets.UTF_16LE ? "little-endian: it starts with the byte-order mark FF FE"
                    : "big-endian: it starts with the byte-order mark FE FF";

            assertThatThrownBy(() -> importer.importFile(program, file, "test"))
                    .isInstanceOf(FormatException.class)
                    .hasMessage(file.getFileName() + ", line 1: the text is UTF-16 (" + order + "), not UTF-8; save the"
                            + " file as \"CSV UTF-8\" and try again");
            assertNothingRecorded(program, file);
        }
    }

    @Test
    void aNulOrAMillionCharacterNameRejectsOnlyItsRow() throws IOException {
        ProgramId program = newProgram();
        Path file = write("nul.csv", HEADER
                + "54099000701,Eversource,Amherst,R-1,Dana\u0000Whitfield,1 Main St,Amherst,01002,BS,N,N\n"
                + "54099000702,Eversource,Amherst,R-1," + "N".repeat(1_000_000) + ",2 Main St,Amherst,01002,BS,N,N\n"
                + "54099000703,Eversource,Amherst,R-1,Luis Ortega,3 Main St,Amherst,01002,BS,N,N\n");

        BatchReport report = importer.importFile(program, file, "test");

        assertThat(report.rejections()).containsExactly(
                new BatchReport.Rejection(2, "customer name contains the control character U+0000 (NUL) at character 5;"
                        + " delete it (a file exported as \"CSV UTF-8\" has none)"),
                new BatchReport.Rejection(3, "customer name is 1,000,000 characters long; at most 200 are allowed"));
        assertThat(db.accounts().all(program)).extracting(Account::customerName).containsExactly("Luis Ortega");
        assertThat(db.imports().find(program, CustomerListImport.KIND, CustomerListImport.sha256(file))).isPresent();
    }

    @Test
    void aFailureInALaterChunkLeavesNoAccountsNoIdsNoLogAndNoRejectionsFile() throws IOException {
        ProgramId program = newProgram();
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= 6; i++) {
            text.append("5409900080").append(i).append(",Eversource,Amherst,R-").append(i == 1 ? 9 : 1)
                    .append(",Dana Whitfield,").append(i).append(" Main St,Amherst,01002,Basic Service,N,N\n");
        }
        Path file = write("fails.csv", text.toString());
        // The store fails on the third chunk's upsert, after two chunks were stored in the transaction.
        CustomerListImport failing = new CustomerListImport(db.programs(), new FailingOnUpsert(db.accounts(), 3),
                db.imports(), 2);

        assertThatThrownBy(() -> failing.importFile(program, file, "test"))
                .isInstanceOf(org.opencce.store.StoreException.class)
                .hasMessageContaining("the disk is full");
        assertNothingRecorded(program, file);
        assertThat(CustomerListImport.defaultRejectionsFile(file)).doesNotExist();
        assertThat(CustomerListImport.defaultRejectionsFile(file).resolveSibling(file.getFileName()
                + ".rejections.csv.part")).doesNotExist();
    }

    @Test
    void aListOfDuplicatesKeepsTheFirstRowsRejectionsInTheReportAndAllInTheFile() throws IOException {
        ProgramId program = newProgram();
        String row = "54099000901,Eversource,Amherst,R-1,Dana Whitfield,1 Main St,Amherst,01002,Basic Service,N,N\n";
        Path file = write("dups.csv", HEADER + row.repeat(251));
        Path rejections = folder.resolve(programs + "-elsewhere.csv");

        CustomerListImport.Result result = new CustomerListImport(db.programs(), db.accounts(), db.imports(), 40)
                .importFile(program, file, "test", rejections, bytes -> { });

        BatchReport report = result.report();
        assertThat(report.read()).isEqualTo(251);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(250);
        assertThat(report.rejections()).hasSize(CustomerListImport.LISTED_REJECTIONS);
        assertThat(report.listsEveryRejection()).isFalse();
        assertThat(report.rejections().get(0)).isEqualTo(new BatchReport.Rejection(3,
                "duplicate of line 2 (same utility and account number)"));
        assertThat(result.rejectionsFile()).contains(rejections);
        List<String> lines = Files.readAllLines(rejections);
        assertThat(lines).hasSize(251);
        assertThat(lines.get(0)).isEqualTo("line,reason");
        assertThat(lines.get(1)).isEqualTo("3,duplicate of line 2 (same utility and account number)");
        assertThat(lines.get(250)).isEqualTo("252,duplicate of line 2 (same utility and account number)");
        assertThat(new String(Files.readAllBytes(rejections), StandardCharsets.UTF_8)).contains("\r\n");
    }

    @Test
    void theSameRowsInAnotherFileChangeNothing() throws IOException {
        ProgramId program = newProgram();
        String rows = "54099001001,Eversource,Amherst,R-1,Dana Whitfield,1 Main St,Amherst,01002,Basic Service,N,N\n"
                + "8199001002,National Grid,Northampton,R-2,Luis Ortega,2 Elm St,Northampton,01060,BS,Y,N\n";
        importer.importFile(program, write("first.csv", HEADER + rows), "test");
        List<Account> before = db.accounts().all(program);
        List<String> stampsBefore = updatedAt(program);
        long idsBefore = reservedIds(program);

        // Other bytes (CR LF), so another hash: the file is applied again, and changes nothing.
        BatchReport second = importer.importFile(program, write("second.csv", (HEADER + rows).replace("\n", "\r\n")),
                "test");

        assertThat(second.alreadyImported()).isFalse();
        assertThat(second.accepted()).isEqualTo(2);
        assertThat(db.accounts().all(program)).isEqualTo(before);
        assertThat(updatedAt(program)).isEqualTo(stampsBefore);
        assertThat(reservedIds(program)).isEqualTo(idsBefore);
    }

    private static void assertNothingRecorded(ProgramId program, Path file) {
        assertThat(db.accounts().count(program)).isZero();
        assertThat(reservedIds(program)).as("account_ids rows").isZero();
        assertThat(db.imports().find(program, CustomerListImport.KIND, CustomerListImport.sha256(file))).isEmpty();
        assertThat(db.audit().recent(program, 10)).isEmpty();
    }

    private static long reservedIds(ProgramId program) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM account_ids WHERE program_id = :p")
                .bind("p", program.value()).mapTo(Long.class).one());
    }

    private static List<String> updatedAt(ProgramId program) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT updated_at::text FROM accounts WHERE program_id = :p"
                + " ORDER BY id").bind("p", program.value()).map((rs, ctx) -> rs.getString(1)).list());
    }

    private static Path writeBytes(String name, byte[] contents) throws IOException {
        Path file = folder.resolve(programs + "-" + name);
        Files.write(file, contents);
        return file;
    }

    /** The real store, whose transaction fails at the n-th upsert as a full disk would make it. */
    private static final class FailingOnUpsert implements AccountStore {
        private final AccountStore real;
        private final int failingUpsert;

        FailingOnUpsert(AccountStore real, int failingUpsert) {
            this.real = real;
            this.failingUpsert = failingUpsert;
        }

        @Override
        public <T> T inTransaction(ProgramId program, java.util.function.Function<Batch, T> work) {
            int[] upserts = {0};
            return real.inTransaction(program, batch -> work.apply(new Batch() {
                @Override
                public List<AccountId> assignIds(List<Key> keys) {
                    return batch.assignIds(keys);
                }

                @Override
                public Map<AccountId, Account> find(List<AccountId> ids) {
                    return batch.find(ids);
                }

                @Override
                public void upsert(List<Account> accounts) {
                    if (++upserts[0] == failingUpsert) {
                        throw new org.opencce.store.StoreException("Could not store " + accounts.size()
                                + " accounts: the disk is full");
                    }
                    batch.upsert(accounts);
                }

                @Override
                public void markListed(java.util.Collection<AccountId> ids, String sha256) {
                    batch.markListed(ids, sha256);
                }

                @Override
                public java.util.Set<AccountId> listed(java.util.Collection<AccountId> ids) {
                    return batch.listed(ids);
                }

                @Override
                public List<Account> listedByAnotherList(Utility utility, java.util.Collection<String> towns,
                        String sha256) {
                    return batch.listedByAnotherList(utility, towns, sha256);
                }

                @Override
                public void unlist(java.util.Collection<AccountId> ids) {
                    batch.unlist(ids);
                }

                @Override
                public org.opencce.store.EnrollmentStore.Tx enrollments() {
                    return batch.enrollments();
                }

                @Override
                public boolean recordImport(String kind, String sha256, BatchReport report, String actor) {
                    return batch.recordImport(kind, sha256, report, actor);
                }

                @Override
                public void audit(String actor, String action, String detail) {
                    batch.audit(actor, action, detail);
                }
            }));
        }

        @Override
        public List<AccountId> assignIds(ProgramId program, List<Key> keys) {
            return real.assignIds(program, keys);
        }

        @Override
        public void upsert(List<Account> accounts) {
            real.upsert(accounts);
        }

        @Override
        public Optional<Account> find(AccountId id) {
            return real.find(id);
        }

        @Override
        public Optional<Account> find(ProgramId program, Utility utility, UtilityAccountNumber number) {
            return real.find(program, utility, number);
        }

        @Override
        public List<Account> findByNumberKey(ProgramId program, String key) {
            return real.findByNumberKey(program, key);
        }

        @Override
        public Page<Account> search(ProgramId program, AccountQuery query, int page, int pageSize) {
            return real.search(program, query, page, pageSize);
        }

        @Override
        public long count(ProgramId program) {
            return real.count(program);
        }

        @Override
        public List<Account> all(ProgramId program) {
            return real.all(program);
        }
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
