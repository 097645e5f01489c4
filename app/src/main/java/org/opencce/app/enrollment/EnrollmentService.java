package org.opencce.app.enrollment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.Decision;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentRun;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.report.BatchReport;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.formats.CsvInput;
import org.opencce.formats.enrollment.AccountNumberCsv;
import org.opencce.store.Database;
import org.opencce.store.EnrollmentStore;
import org.opencce.store.ImportLog;

/**
 * The enrollment campaign's use cases (issue 6): apply a file of returned notices or of opt-outs, run the
 * enrollment once the opt-out windows have closed, count accounts by state. Each applies the domain's rules ({@link Enrollment#check},
 * {@link EnrollmentRun}) to the accounts it locks, in one transaction of the {@link EnrollmentStore}, so
 * that a batch is applied whole or not at all and two batches touching one account run one after the
 * other. Thread-safe: it holds no state of its own.
 */
public final class EnrollmentService {
    private final Database db;
    private final Clock clock;

    public EnrollmentService(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a bulk file asks for each account it names. */
    public enum BulkAction {
        /** The account's opt-out notice came back undeliverable: it is not enrolled (issue 6, section 2). */
        RETURNED_MAIL("returned-mail", EventKind.MAIL_RETURNED),
        /** The customer opted out, by phone, mail, reply card or the web: at any time, with no fee. */
        OPT_OUT("opt-out", EventKind.OPTED_OUT);

        private final String wireName;
        private final EventKind event;

        BulkAction(String wireName, EventKind event) {
            this.wireName = wireName;
            this.event = event;
        }

        /** {@code returned-mail}, {@code opt-out}: the command's name, and the import log's kind after "enrollment-". */
        public String wireName() {
            return wireName;
        }

        String importKind() {
            return "enrollment-" + wireName;
        }
    }

    /**
     * What a bulk file did: {@code report} ({@code read = accepted + rejected}, every rejection with its
     * line and reason) and, among the accepted rows, those that changed nothing because the account was
     * already so (opted out, or its notice already returned), each with its line and why.
     */
    public record BulkResult(BatchReport report, List<BatchReport.Rejection> unchanged) {
        public BulkResult {
            Objects.requireNonNull(report, "report");
            unchanged = List.copyOf(unchanged);
        }

        /** How many rows recorded an event. */
        public int applied() {
            return report.accepted() - unchanged.size();
        }
    }

    /**
     * Applies a file of account numbers ({@code docs/formats/enrollment-csv.md}) in one transaction: each
     * row's account gets the action's event, recorded by {@code actor} through {@code channel}, or the row
     * is refused with its line and reason (no such account, two accounts with the number, an event the
     * rules refuse). A file applied before (same bytes) changes nothing and says so.
     *
     * @throws org.opencce.formats.FormatException if the file is not UTF-8 CSV with an account_number
     *     column; nothing is applied then
     */
    public BulkResult applyFile(ProgramId program, Path file, BulkAction action, Channel channel, String actor) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(channel, "channel");
        String source = file.getFileName().toString();
        String sha256 = sha256(file);
        Optional<ImportLog.Entry> before = db.imports().find(program, action.importKind(), sha256);
        if (before.isPresent()) {
            return alreadyApplied(source, before.get());
        }
        AccountNumberCsv.Contents contents = AccountNumberCsv.read(CsvInput.open(file), source);
        List<BatchReport.Rejection> rejections = new ArrayList<>(contents.rejections());
        List<Resolved> resolved = new ArrayList<>();
        for (AccountNumberCsv.Row row : contents.rows()) {
            List<Account> matches = find(program, row);
            if (matches.isEmpty()) {
                rejections.add(new BatchReport.Rejection(row.line(), "no account " + row.accountNumber().value()
                        + row.utility().map(u -> " of " + u.displayName()).orElse("") + " in this program"));
            } else if (matches.size() > 1) {
                rejections.add(new BatchReport.Rejection(row.line(), "account number " + row.accountNumber().value()
                        + " is used by both utilities; add a utility column to say which"));
            } else {
                resolved.add(new Resolved(row.line(), matches.get(0)));
            }
        }
        Instant now = clock.instant();
        try {
            return db.enrollments().inTransaction(program, tx -> {
                Map<AccountId, Enrollment> current = new HashMap<>(tx.lock(resolved.stream()
                        .map(r -> r.account().id()).toList()));
                List<EnrollmentEvent> events = new ArrayList<>();
                List<BatchReport.Rejection> unchanged = new ArrayList<>();
                for (Resolved r : resolved) {
                    AccountId id = r.account().id();
                    Enrollment enrollment = current.get(id);
                    if (enrollment == null) {
                        rejections.add(new BatchReport.Rejection(r.line(), "account " + r.account().number().value()
                                + " has no enrollment history yet; import the customer list that lists it first"));
                        continue;
                    }
                    Optional<String> already = alreadySo(action, enrollment);
                    if (already.isPresent()) {
                        unchanged.add(new BatchReport.Rejection(r.line(), already.get()));
                        continue;
                    }
                    EnrollmentEvent event = EnrollmentEvent.ofReason(id, action.event, now, actor, channel,
                            source + " line " + r.line());
                    Decision decision = enrollment.check(event);
                    if (decision instanceof Decision.Allowed) {
                        events.add(event);
                        current.put(id, ((Decision.Allowed) decision).next());
                    } else {
                        rejections.add(new BatchReport.Rejection(r.line(), ((Decision.Refused) decision).reason()));
                    }
                }
                tx.append(events);
                rejections.sort(Comparator.comparingLong(BatchReport.Rejection::line));
                BatchReport report = new BatchReport(source, contents.read(), contents.read() - rejections.size(),
                        rejections, false);
                if (!tx.recordImport(action.importKind(), sha256, report, actor)) {
                    throw new AppliedMeanwhile();
                }
                tx.audit(actor, "enrollment." + action.wireName(), source + ": read " + report.read() + ", applied "
                        + events.size() + ", unchanged " + unchanged.size() + ", rejected " + report.rejected());
                return new BulkResult(report, unchanged);
            });
        } catch (AppliedMeanwhile e) {
            return alreadyApplied(source, db.imports().find(program, action.importKind(), sha256).orElseThrow());
        }
    }

    private static BulkResult alreadyApplied(String source, ImportLog.Entry entry) {
        return new BulkResult(new BatchReport(source, entry.read(), entry.accepted(), entry.rejected(), List.of(),
                true), List.of());
    }

    /** Why the action would change nothing: the account is already as the file asks. */
    private static Optional<String> alreadySo(BulkAction action, Enrollment enrollment) {
        if (action == BulkAction.OPT_OUT && enrollment.optedOut()) {
            return Optional.of("already opted out; nothing changed");
        }
        if (action == BulkAction.RETURNED_MAIL && enrollment.state() == EnrollmentState.RETURNED_MAIL) {
            return Optional.of("its notice was already recorded as returned; nothing changed");
        }
        return Optional.empty();
    }

    /**
     * The accounts a row names: of its utility when it names one; otherwise of either utility. The number
     * is compared as the utility's list gave it, then ignoring case.
     */
    private List<Account> find(ProgramId program, AccountNumberCsv.Row row) {
        List<Utility> utilities = row.utility().map(List::of).orElse(List.of(Utility.values()));
        List<Account> found = new ArrayList<>();
        for (Utility utility : utilities) {
            UtilityAccountNumber number = row.accountNumber();
            Optional<Account> account = db.accounts().find(program, utility, number);
            if (account.isEmpty() && !number.value().equals(number.value().toUpperCase(Locale.ROOT))) {
                account = db.accounts().find(program, utility,
                        new UtilityAccountNumber(number.value().toUpperCase(Locale.ROOT)));
            }
            account.ifPresent(found::add);
        }
        return found;
    }

    private record Resolved(long line, Account account) {
    }

    /** Another application of the same file committed first: this one rolls back. */
    private static final class AppliedMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AppliedMeanwhile() {
            super("applied meanwhile", null, false, false);
        }
    }

    /**
     * What an enrollment run did: the enrollment requests queued, in all and by town (sorted), on
     * {@code today}, for a program launching on {@code launch}.
     */
    public record RunResult(LocalDate launch, LocalDate today, int requested, SortedMap<String, Integer> byTown) {
        public RunResult {
            Objects.requireNonNull(launch, "launch");
            Objects.requireNonNull(today, "today");
            byTown = new TreeMap<>(byTown);
        }
    }

    /**
     * The enrollment run at {@code now} ({@link EnrollmentRun}): in one transaction, every notified account
     * whose opt-out window closed before today is queued for enrollment with the product its customer chose
     * or the program's default product; nothing before {@code launch}. Running it again the same day finds
     * nothing more to do.
     *
     * @throws OpenCceException if the program has no default product
     */
    public RunResult run(ProgramId program, LocalDate launch, Instant now, String actor) {
        Product defaultProduct = db.programs().products(program).stream().filter(Product::isDefault).findFirst()
                .orElseThrow(() -> new OpenCceException("program " + program + " has no default product; mark one"
                        + " product as the default in the program file"));
        Map<AccountId, String> towns = new HashMap<>();
        db.enrollments().forEach(program, EnumSet.of(EnrollmentState.NOTIFIED),
                (account, enrollment) -> towns.put(account.id(), account.town()));
        LocalDate today = LocalCalendar.local(now).toLocalDate();
        return db.enrollments().inTransaction(program, tx -> {
            List<Enrollment> locked = new ArrayList<>(tx.lock(towns.keySet()).values());
            locked.sort(Comparator.comparingLong(e -> e.account().value()));
            List<EnrollmentEvent> events = EnrollmentRun.eventsFor(locked, launch, now, defaultProduct.id());
            tx.append(events);
            SortedMap<String, Integer> byTown = new TreeMap<>();
            for (EnrollmentEvent e : events) {
                byTown.merge(towns.get(e.account()), 1, Integer::sum);
            }
            tx.audit(actor, "enrollment.run", "launch " + launch + ", today " + today + ": " + events.size()
                    + " enrollment requests queued");
            return new RunResult(launch, today, events.size(), byTown);
        });
    }

    /** The program's accounts by enrollment state, and the flagged eligible ones, in all and by town. */
    public EnrollmentCounts status(ProgramId program) {
        return db.enrollments().counts(program);
    }

    /** The SHA-256 of a bulk file's bytes (such files are small: read whole). */
    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new OpenCceException(file + " does not exist; check the path");
        } catch (IOException e) {
            throw new OpenCceException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
