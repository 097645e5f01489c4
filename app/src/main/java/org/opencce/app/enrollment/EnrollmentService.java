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
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.opencce.domain.community.PostalAddress;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramContact;
import org.opencce.domain.enrollment.OptOutWindow;
import org.opencce.domain.rates.BasicServiceRate;
import org.opencce.domain.rates.BasicServiceRates;
import org.opencce.formats.notice.NoticeLetter;
import org.opencce.formats.notice.NoticeMailing;

/**
 * The enrollment campaign's use cases (issue 6): mail the opt-out notices, apply a file of returned notices
 * or of opt-outs, run the enrollment once the opt-out windows have closed, count accounts by state. Each applies the domain's rules ({@link Enrollment#check},
 * {@link EnrollmentRun}) to the accounts it locks, in one transaction of the {@link EnrollmentStore}, so
 * that a batch is applied whole or not at all and two batches touching one account run one after the
 * other. Thread-safe: it holds no state of its own.
 */
public final class EnrollmentService {
    /** Letters per PDF file: a size a print shop handles (docs/formats/notice-letters.md). */
    public static final int LETTERS_PER_FILE = 1_000;

    private final Database db;
    private final BasicServiceRates basicService;
    private final Clock clock;

    /**
     * @param basicService the utilities' Basic Service prices the notices compare the products with
     */
    public EnrollmentService(Database db, BasicServiceRates basicService, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.basicService = Objects.requireNonNull(basicService, "basicService");
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

    /**
     * What a notice mailing did: {@code letters} letters in {@code files} (in {@code folder}, with the
     * manifest), mailed on {@code mailingDate}, whose opt-out window closes on {@code windowCloses}; and the
     * accounts left without a letter, by why (wire names: {@code notified} already, {@code returned_mail},
     * {@code opted_out}, {@code competitive}, {@code other_town} with --town, {@code over_limit} with --limit).
     */
    public record NoticeResult(int letters, List<Path> files, Path manifest, LocalDate mailingDate,
            LocalDate windowCloses, Map<String, Integer> skipped) {
        public NoticeResult {
            files = List.copyOf(files);
            skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }

    /**
     * Mails the opt-out notices (issue 6, section 3.3): every eligible account without a notice (of
     * {@code town} only, and at most {@code limit}, when given) gets a letter to its mailing address, or its
     * service address, showing the program's products beside the utility's Basic Service price and the
     * last day of its opt-out window, {@code mailingDate} plus the program's window. The letters
     * ({@value #LETTERS_PER_FILE} per PDF file) and the manifest are written to a temporary folder inside
     * {@code folder}; then the accounts' {@link EventKind#NOTICE_MAILED} events are recorded in one
     * transaction; only then are the files moved into {@code folder}. A failure before the commit leaves
     * neither events nor files. Accounts whose notice came back, that opted out or that are with a
     * competitive supplier get no letter.
     *
     * @param progress told each letter written, for a progress bar; what it throws aborts the mailing
     * @throws OpenCceException if the program has no contact or no default product, no Basic Service price
     *     is known, {@code folder} already holds a mailing, or an account changed while its letter was written
     */
    public NoticeResult mailNotices(ProgramId programId, LocalDate mailingDate, Path folder, Optional<String> town,
            OptionalInt limit, String actor, LongConsumer progress) {
        return mailNotices(programId, mailingDate, folder, town, limit, OptionalInt.empty(), actor, progress);
    }

    /**
     * As {@link #mailNotices(ProgramId, LocalDate, Path, Optional, OptionalInt, String, LongConsumer)}, with
     * only the first {@code printed} letters laid out as PDF and the others in the manifest only (empty
     * {@code letter_file} and {@code page}; {@link NoticeMailing#create(Path, Instant, int, int)}). For the
     * enrollment benchmark, whose measure is the manifest of every account and the PDF of 1,000 (issue 6,
     * "Performance"); everything else about the mailing, the events included, is the same.
     */
    public NoticeResult mailNotices(ProgramId programId, LocalDate mailingDate, Path folder, Optional<String> town,
            OptionalInt limit, OptionalInt printed, String actor, LongConsumer progress) {
        Program program = db.programs().find(programId).orElseThrow(() -> new OpenCceException("program '"
                + programId + "' does not exist"));
        NoticeLetter.ProgramContact contact = contact(program);
        List<Product> products = db.programs().products(programId);
        if (products.stream().filter(Product::isDefault).count() != 1) {
            throw new OpenCceException("program " + programId + " must have exactly one default product for its"
                    + " notices (the product a customer who does not opt out is enrolled in); check the program file");
        }
        LocalDate windowCloses = new OptOutWindow(program.optOutWindowDays()).closesOn(mailingDate);
        requireNoMailingIn(folder);
        Path staging = staging(folder);
        Instant now = clock.instant();
        Map<String, Integer> skipped = skipped(db.enrollments().counts(programId));
        boolean[] committed = {false};
        try {
            List<AccountId> mailed = new ArrayList<>();
            int[] otherTown = {0};
            int[] overLimit = {0};
            NoticeMailing.Summary summary;
            try (NoticeMailing mailing = NoticeMailing.create(staging, now, LETTERS_PER_FILE,
                    printed.orElse(Integer.MAX_VALUE))) {
                db.enrollments().forEach(programId, EnumSet.of(EnrollmentState.ELIGIBLE), (account, enrollment) -> {
                    if (town.isPresent() && !account.town().trim().equalsIgnoreCase(town.get().trim())) {
                        otherTown[0]++;
                        return;
                    }
                    if (limit.isPresent() && mailed.size() >= limit.getAsInt()) {
                        overLimit[0]++;
                        return;
                    }
                    mailing.add(NoticeLetter.forAccount(contact, mailingDate, windowCloses, account, products,
                            basicServicePrice(account, mailingDate)));
                    mailed.add(account.id());
                    progress.accept(1);
                });
                summary = mailing.finish();
            }
            skipped.put("other_town", otherTown[0]);
            skipped.put("over_limit", overLimit[0]);
            db.enrollments().inTransaction(programId, tx -> {
                Map<AccountId, Enrollment> locked = tx.lock(mailed);
                List<EnrollmentEvent> events = new ArrayList<>(mailed.size());
                for (AccountId id : mailed) {
                    EnrollmentEvent event = EnrollmentEvent.noticeMailed(id, now, actor, Channel.MAIL, mailingDate,
                            windowCloses);
                    Enrollment enrollment = locked.get(id);
                    if (enrollment == null || !enrollment.check(event).isAllowed()) {
                        throw new OpenCceException("account " + id + " changed while its notice was being written ("
                                + (enrollment == null ? "no history" : enrollment.state().wireName()) + "); nothing"
                                + " was recorded and no file kept: run the notices again");
                    }
                    events.add(event);
                }
                tx.append(events);
                tx.audit(actor, "enrollment.notices", events.size() + " notices mailed on " + mailingDate
                        + ", opt-out window closes on " + windowCloses + ", files in " + folder);
                return null;
            });
            committed[0] = true;
            List<Path> files = new ArrayList<>();
            for (String name : summary.letterFiles()) {
                files.add(moveInto(staging, folder, name));
            }
            Path manifest = moveInto(staging, folder, NoticeMailing.MANIFEST);
            deleteQuietly(staging);
            return new NoticeResult(summary.letters(), files, manifest, mailingDate, windowCloses, skipped);
        } catch (RuntimeException e) {
            // Before the commit nothing was recorded, so no file may stay; after it the files are the only copy.
            if (!committed[0]) {
                deleteQuietly(staging);
            }
            throw e;
        }
    }

    /** The contact the letters print; the opt-out page is the public site's /choose (the portal). */
    private static NoticeLetter.ProgramContact contact(Program program) {
        ProgramContact contact = program.contact().orElseThrow(() -> new OpenCceException("program " + program.id()
                + " has no public contact, which every notice must print; add a contact to the program file and run"
                + " 'opencce program update'"));
        PostalAddress back = contact.returnAddress();
        String web = contact.web().endsWith("/") ? contact.web().substring(0, contact.web().length() - 1)
                : contact.web();
        return new NoticeLetter.ProgramContact(program.name(), contact.phone(), contact.email(), contact.web(),
                web + "/choose", List.of(program.name(), back.street(), back.city() + ", " + back.state() + " "
                        + back.zip()));
    }

    /**
     * The Basic Service price the letter compares with: the utility's rate in force on the mailing date, or
     * the latest before it. The reference data holds residential rates only, the class almost every
     * notice goes to; other classes are shown the same benchmark, with its period printed.
     */
    private NoticeLetter.BasicServicePrice basicServicePrice(Account account, LocalDate mailingDate) {
        BasicServiceRate rate = basicService.latestOnOrBefore(account.utility(), mailingDate)
                .orElseThrow(() -> new OpenCceException("no Basic Service price of " + account.utility().displayName()
                        + " is known on or before " + mailingDate + " to print on the notices"));
        return NoticeLetter.BasicServicePrice.of(rate);
    }

    private static Map<String, Integer> skipped(EnrollmentCounts counts) {
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (EnrollmentState state : List.of(EnrollmentState.NOTIFIED, EnrollmentState.RETURNED_MAIL,
                EnrollmentState.OPTED_OUT, EnrollmentState.COMPETITIVE)) {
            skipped.put(state.wireName(), counts.total().count(state));
        }
        return skipped;
    }

    private static void requireNoMailingIn(Path folder) {
        if (Files.exists(folder.resolve(NoticeMailing.MANIFEST)) || Files.exists(folder.resolve("letters-0001.pdf"))) {
            throw new OpenCceException(folder + " already holds a mailing (" + NoticeMailing.MANIFEST + ", letters-*.pdf);"
                    + " choose an empty folder so that no mailing's files are replaced");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new OpenCceException(folder + " is a file; give a folder for the notices");
        }
    }

    private static Path staging(Path folder) {
        try {
            Files.createDirectories(folder);
            return Files.createTempDirectory(folder, ".notices-");
        } catch (IOException e) {
            throw new OpenCceException("cannot create the folder " + folder + " for the notices: " + e.getMessage()
                    + "; check the path and its permissions", e);
        }
    }

    private static Path moveInto(Path staging, Path folder, String name) {
        Path target = folder.resolve(name);
        try {
            return Files.move(staging.resolve(name), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OpenCceException("the notices were recorded as mailed, but " + name + " could not be moved from "
                    + staging + " to " + folder + " (" + e.getMessage() + "); move the files there by hand", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // what is left is a hidden staging folder; it holds no events and is never read
        }
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
