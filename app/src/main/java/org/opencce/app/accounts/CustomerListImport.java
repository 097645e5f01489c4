package org.opencce.app.accounts;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.ListReconciliation;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.CsvInput;
import org.opencce.formats.customerlist.CustomerListReader;
import org.opencce.formats.customerlist.CustomerListRow;
import org.opencce.store.AccountStore;
import org.opencce.store.EnrollmentStore;
import org.opencce.store.ImportLog;
import org.opencce.store.ProgramStore;

/**
 * Imports a utility's customer list into a program: every row is accepted or rejected with its line
 * and reason, and the file is applied entirely or not at all.
 *
 * <p>The file is read twice and never held in memory. The first pass computes its SHA-256: a file the
 * import log already has changes nothing. The second pass reads, validates and stores it in chunks of
 * {@link #CHUNK} records inside one transaction ({@link AccountStore#inTransaction}): per chunk one
 * batched id reservation, one batched look-up of the stored accounts and one batched upsert. The import
 * log entry and the audit entry are written in the same transaction, so a file that fails half way
 * (not UTF-8 on line 900,000, a database error, the process killed) leaves no accounts, no reserved ids
 * and no log entry; a file refused as a whole records nothing.
 *
 * <p>The report lists the first {@link #LISTED_REJECTIONS} rejections; all of them are written, in line
 * order, to a rejections CSV ({@link org.opencce.formats.RejectionsCsv}), by default next to the file as
 * {@code <file>.rejections.csv}. That file is written only when a row is rejected and the import is
 * applied; it replaces an earlier one of the same name. Thread-safe: each call works on its own file
 * and transaction.
 */
public final class CustomerListImport {
    /** The kind under which customer lists are recorded in the import log. */
    public static final String KIND = "customer-list";
    /** Records per chunk: large enough for few round trips, small enough to keep memory flat. */
    public static final int CHUNK = 10_000;
    /** How many rejections the report itself lists; the rejections file has every one. */
    public static final int LISTED_REJECTIONS = 100;

    private final ProgramStore programs;
    private final AccountStore accounts;
    private final ImportLog imports;
    private final int chunkSize;
    private final Clock clock;

    public CustomerListImport(ProgramStore programs, AccountStore accounts, ImportLog imports) {
        this(programs, accounts, imports, CHUNK, Clock.systemUTC());
    }

    /** With the clock that stamps the listing events. */
    public CustomerListImport(ProgramStore programs, AccountStore accounts, ImportLog imports, Clock clock) {
        this(programs, accounts, imports, CHUNK, clock);
    }

    /** With another chunk size, so that tests can cross chunk boundaries with a few rows. */
    CustomerListImport(ProgramStore programs, AccountStore accounts, ImportLog imports, int chunkSize) {
        this(programs, accounts, imports, chunkSize, Clock.systemUTC());
    }

    private CustomerListImport(ProgramStore programs, AccountStore accounts, ImportLog imports, int chunkSize,
            Clock clock) {
        this.programs = programs;
        this.accounts = accounts;
        this.imports = imports;
        this.chunkSize = chunkSize;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What an import did: the report, the rejections file when one was written, and how many accounts the
     * list reconciliation found of each kind (every kind present; all zero for a file imported before).
     */
    public record Result(BatchReport report, Optional<Path> rejectionsFile,
            Map<ListReconciliation.ChangeKind, Integer> reconciliation) {
        public Result {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(rejectionsFile, "rejectionsFile");
            reconciliation = Collections.unmodifiableMap(new EnumMap<>(reconciliation));
        }

        /** A result with no reconciliation: a file imported before. */
        public Result(BatchReport report, Optional<Path> rejectionsFile) {
            this(report, rejectionsFile, Reconciled.zero());
        }
    }

    /** Where the rejections of {@code file} go unless the caller says otherwise: {@code <file>.rejections.csv}. */
    public static Path defaultRejectionsFile(Path file) {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".rejections.csv");
    }

    /** Imports {@code file} into {@code programId} on behalf of {@code actor}, rejections next to the file. */
    public BatchReport importFile(ProgramId programId, Path file, String actor) {
        return importFile(programId, file, actor, defaultRejectionsFile(file), bytes -> { }).report();
    }

    /**
     * Imports {@code file} into {@code programId} on behalf of {@code actor}.
     *
     * @param rejectionsFile where to write every rejection, if there is any
     * @param progress told the number of bytes read each time the import reads more (for a progress bar)
     * @throws org.opencce.formats.FormatException if the file cannot be read as a customer list at all
     *     (not UTF-8, a required column missing, an unclosed quote); nothing is stored then
     * @throws OpenCceException if the file or the program does not exist, or the file changed while it
     *     was being imported; nothing is stored then
     */
    public Result importFile(ProgramId programId, Path file, String actor, Path rejectionsFile, LongConsumer progress) {
        Program program = programs.find(programId).orElseThrow(() -> new OpenCceException(
                "program '" + programId + "' does not exist; create it first (for example with 'opencce demo')"));
        String source = file.getFileName().toString();
        String sha256 = sha256(file);
        Optional<ImportLog.Entry> before = imports.find(programId, KIND, sha256);
        if (before.isPresent()) {
            return new Result(alreadyImported(source, before.get()), Optional.empty());
        }
        try (RejectionsSink rejections = new RejectionsSink(rejectionsFile, LISTED_REJECTIONS)) {
            Reconciled reconciled = new Reconciled(program, source, actor, clock.instant());
            BatchReport report;
            try {
                report = accounts.inTransaction(programId, batch -> apply(program, file, source, sha256, actor,
                        batch, rejections, progress, reconciled));
            } catch (ImportedMeanwhile e) {
                return new Result(alreadyImported(source, e.entry), Optional.empty());
            }
            return new Result(report, rejections.published(), reconciled.counts());
        }
    }

    private BatchReport apply(Program program, Path file, String source, String sha256, String actor,
            AccountStore.Batch batch, RejectionsSink rejections, LongConsumer progress, Reconciled reconciled) {
        MessageDigest digest = newSha256();
        int[] accepted = {0};
        CustomerListReader.Summary summary;
        try (InputStream in = new DigestInputStream(new Counting(open(file), progress), digest)) {
            summary = CustomerListReader.read(CsvInput.utf8(in), source, chunkSize, (rows, rowRejections) -> {
                List<BatchReport.Rejection> refused = new ArrayList<>(rowRejections);
                List<CustomerListRow> admitted = new ArrayList<>(rows.size());
                for (CustomerListRow row : rows) {
                    Optional<String> reason = reasonToRefuse(program, row);
                    if (reason.isPresent()) {
                        refused.add(new BatchReport.Rejection(row.line(), reason.get()));
                    } else {
                        admitted.add(row);
                    }
                }
                // A chunk covers consecutive lines, so sorting within it keeps the whole file in line order.
                refused.sort(Comparator.comparingLong(BatchReport.Rejection::line));
                rejections.addAll(refused);
                store(program, admitted, batch, sha256, reconciled);
                accepted[0] += admitted.size();
            });
        } catch (IOException e) {
            throw new OpenCceException("cannot read customer list " + file + ": " + e.getMessage(), e);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw new OpenCceException("customer list " + file + " changed while it was being imported; nothing"
                    + " was stored. Import it again once it is complete.");
        }
        BatchReport report = new BatchReport(source, summary.read(), accepted[0], summary.read() - accepted[0],
                rejections.listed(), false);
        if (rejections.count() != report.rejected()) {
            throw new IllegalStateException("the rejections of " + source + " do not add up: " + rejections.count()
                    + " written, " + report.rejected() + " counted");
        }
        reconciled.closeAbsent(batch, sha256, chunkSize);
        if (!batch.recordImport(KIND, sha256, report, actor)) {
            throw new ImportedMeanwhile(imports.find(program.id(), KIND, sha256).orElseThrow());
        }
        batch.audit(actor, "accounts.import", source + ": read " + report.read() + ", accepted "
                + report.accepted() + ", rejected " + report.rejected() + "; " + reconciled.summary());
        // Inside the transaction: if the rejections file cannot be written, nothing is applied either.
        rejections.publish();
        return report;
    }

    /**
     * Reserves ids, looks up the stored accounts, upserts, marks them listed by this file and records
     * their listing events, each once for the whole chunk.
     */
    private static void store(Program program, List<CustomerListRow> admitted, AccountStore.Batch batch,
            String sha256, Reconciled reconciled) {
        if (admitted.isEmpty()) {
            return;
        }
        List<AccountId> ids = batch.assignIds(admitted.stream()
                .map(r -> new AccountStore.Key(r.utility(), r.accountNumber())).toList());
        Map<AccountId, Account> existing = batch.find(ids);
        Set<AccountId> listedBefore = batch.listed(ids);
        List<Account> updated = new ArrayList<>(admitted.size());
        List<Account> previous = new ArrayList<>();
        Map<AccountId, Long> lines = new HashMap<>();
        for (int i = 0; i < admitted.size(); i++) {
            CustomerListRow row = admitted.get(i);
            Account account = fromRow(program.id(), ids.get(i), row, program.town(row.town()).orElseThrow(),
                    Optional.ofNullable(existing.get(ids.get(i))));
            updated.add(account);
            lines.put(account.id(), row.line());
            reconciled.coverTown(account);
            // An account closed by an earlier list (or stored before lists were reconciled) is new to this one.
            if (listedBefore.contains(account.id())) {
                previous.add(existing.get(account.id()));
            }
        }
        batch.upsert(updated);
        batch.markListed(ids, sha256);
        reconciled.record(batch, previous, updated, lines);
    }

    private static BatchReport alreadyImported(String source, ImportLog.Entry entry) {
        return new BatchReport(source, entry.read(), entry.accepted(), entry.rejected(), List.of(), true);
    }

    /** A row is refused when its town is not a member of the program or its utility does not serve that town. */
    static Optional<String> reasonToRefuse(Program program, CustomerListRow row) {
        Optional<Town> town = program.town(row.town());
        if (town.isEmpty()) {
            return Optional.of("town '" + row.town() + "' is not a member of " + program.name() + " ("
                    + String.join(", ", program.towns().stream().map(Town::name).toList()) + ")");
        }
        if (town.get().utility() != row.utility()) {
            return Optional.of(town.get().name() + " is served by " + town.get().utility().displayName()
                    + ", but the row names " + row.utility().displayName());
        }
        return Optional.empty();
    }

    /**
     * The account as the list describes it. An account the program already supplies keeps its
     * enrollment and product: the utility's list updates its facts (rate class, name, addresses, flags),
     * while changes of supplier arrive as enrollment transactions, not through the list. The list's
     * mailing address replaces the stored one, and a row without one removes it: the list is the
     * utility's current record (docs/formats/customer-list.md, "Mailing address").
     */
    static Account fromRow(ProgramId program, AccountId id, CustomerListRow row, Town town, Optional<Account> existing) {
        boolean enrolled = existing.map(a -> a.supplyStatus() == SupplyStatus.PROGRAM).orElse(false);
        SupplyStatus status = enrolled ? SupplyStatus.PROGRAM : row.supplyStatus();
        Optional<ProductId> product = enrolled ? existing.get().product() : Optional.empty();
        return new Account(id, program, row.accountNumber(), row.utility(), town.name(), row.rateClass(),
                row.customerName(), row.serviceAddress(), status, product, row.lowIncome(), row.netMetered(),
                row.loadZone(), row.mailingAddress());
    }

    /** The SHA-256 of the file's bytes, read in constant memory. */
    static String sha256(Path file) {
        MessageDigest digest = newSha256();
        try (InputStream in = open(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new OpenCceException("cannot read customer list " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new OpenCceException("customer list " + file + " does not exist; check the path");
        } catch (AccessDeniedException e) {
            throw new OpenCceException("customer list " + file + " cannot be read (permission denied); check its"
                    + " permissions", e);
        } catch (IOException e) {
            throw new OpenCceException("cannot read customer list " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The list reconciliation of one import (issue 6, section 3.1), chunk by chunk inside its transaction:
     * each chunk's accounts are compared with the same accounts as the utility's earlier lists left them
     * ({@link ListReconciliation}), and at the end the accounts that earlier lists of a utility listed in
     * the towns this file covers, and that this file does not list, are closed. A town's list imported on
     * its own (a town joining later, issue 6, section 1) so closes nothing in the other towns. Each change's
     * event is recorded when the account's enrollment allows it: a customer's opt-out stands whatever the
     * list says, so a return to Basic Service does not make an opted-out account eligible again.
     */
    private static final class Reconciled {
        private final ListReconciliation reconciliation;
        private final String source;
        private final String actor;
        private final Instant at;
        private final Map<ListReconciliation.ChangeKind, Integer> counts = zero();
        private final Map<Utility, Set<String>> towns = new EnumMap<>(Utility.class);

        Reconciled(Program program, String source, String actor, Instant at) {
            this.reconciliation = new ListReconciliation(program);
            this.source = source;
            this.actor = actor;
            this.at = at;
        }

        static Map<ListReconciliation.ChangeKind, Integer> zero() {
            Map<ListReconciliation.ChangeKind, Integer> counts = new EnumMap<>(ListReconciliation.ChangeKind.class);
            for (ListReconciliation.ChangeKind kind : ListReconciliation.ChangeKind.values()) {
                counts.put(kind, 0);
            }
            return counts;
        }

        void coverTown(Account account) {
            towns.computeIfAbsent(account.utility(), u -> new HashSet<>()).add(account.town().trim()
                    .toLowerCase(Locale.ROOT));
        }

        /** Reconciles one chunk: {@code next} as listed now, {@code previous} those of them listed before. */
        void record(AccountStore.Batch batch, List<Account> previous, List<Account> next, Map<AccountId, Long> lines) {
            apply(batch.enrollments(), reconciliation.reconcile(previous, next), next,
                    id -> "line " + lines.get(id));
        }

        /** Closes the accounts that earlier lists of each utility listed in the covered towns and this one does not. */
        void closeAbsent(AccountStore.Batch batch, String sha256, int chunkSize) {
            for (Map.Entry<Utility, Set<String>> covered : towns.entrySet()) {
                List<Account> absent = batch.listedByAnotherList(covered.getKey(), covered.getValue(), sha256);
                for (int from = 0; from < absent.size(); from += chunkSize) {
                    List<Account> chunk = absent.subList(from, Math.min(absent.size(), from + chunkSize));
                    apply(batch.enrollments(), reconciliation.reconcile(chunk, List.of()), chunk,
                            id -> "not in the list");
                    batch.unlist(chunk.stream().map(Account::id).toList());
                }
            }
        }

        /** Counts the changes and appends the events the accounts' enrollments allow. */
        private void apply(EnrollmentStore.Tx tx, ListReconciliation.Result result, List<Account> accounts,
                Function<AccountId, String> where) {
            Map<String, AccountId> byKey = new HashMap<>();
            for (Account a : accounts) {
                byKey.put(key(a.utility(), a.number().value()), a.id());
            }
            Map<AccountId, ListReconciliation.Change> changes = new LinkedHashMap<>();
            for (ListReconciliation.Change change : result.changes()) {
                changes.put(byKey.get(key(change.utility(), change.number().value())), change);
            }
            Map<AccountId, Enrollment> enrollments = tx.lock(changes.keySet());
            List<EnrollmentEvent> events = new ArrayList<>();
            changes.forEach((id, change) -> {
                counts.merge(change.kind(), 1, Integer::sum);
                if (change.eventToRecord().isEmpty()) {
                    return;
                }
                EnrollmentEvent event = EnrollmentEvent.ofReason(id, change.eventToRecord().get(), at, actor,
                        Channel.SYSTEM, "customer list " + source + ", " + where.apply(id) + ": "
                                + change.kind().wireName() + "; " + change.eligibility().reason());
                Enrollment enrollment = enrollments.get(id);
                if (enrollment == null ? isListing(event.kind()) : enrollment.check(event).isAllowed()) {
                    events.add(event);
                }
            });
            tx.append(events);
        }

        private static boolean isListing(EventKind kind) {
            return kind == EventKind.LISTED_ELIGIBLE || kind == EventKind.LISTED_COMPETITIVE;
        }

        Map<ListReconciliation.ChangeKind, Integer> counts() {
            return counts;
        }

        String summary() {
            StringBuilder s = new StringBuilder("reconciled:");
            counts.forEach((kind, n) -> s.append(' ').append(kind.wireName()).append(' ').append(n));
            return s.toString();
        }

        private static String key(Utility utility, String number) {
            return utility.name() + "/" + number.toUpperCase(Locale.ROOT);
        }
    }

    /** Another import of the same file committed while this one ran: this one rolls back. */
    private static final class ImportedMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportLog.Entry entry;

        ImportedMeanwhile(ImportLog.Entry entry) {
            super("imported meanwhile", null, false, false);
            this.entry = entry;
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.accept(n);
            }
            return n;
        }
    }
}
