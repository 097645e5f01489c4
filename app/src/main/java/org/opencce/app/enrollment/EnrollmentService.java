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
import org.opencce.domain.enrollment.ProgramEnd;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.rates.BasicServiceRate;
import org.opencce.domain.rates.BasicServiceRates;
import org.opencce.formats.notice.NoticeLetter;
import org.opencce.formats.notice.NoticeMailing;

/**
 * The enrollment campaign's use cases (issue 6): mail the opt-out notices, apply a file of returned notices
 * or of opt-outs, run the enrollment once the opt-out windows have closed, count accounts by state, mail
 * the renewal notices of a new supply contract, and end the program (a mass drop). Each applies the domain's rules ({@link Enrollment#check},
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
            tx.programEnd().ifPresent(end -> {
                throw ended(program, end, "the enrollment run is refused: nothing was queued");
            });
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
        db.enrollments().programEnd(programId).ifPresent(end -> {
            throw ended(programId, end, "no opt-out notice is mailed: nothing was written");
        });
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

    /**
     * What a renewal mailing did: {@code letters} letters in {@code files} (in the folder, with the
     * manifest), mailed on {@code mailingDate}, for prices in effect from {@code effective}; the letters by
     * product id (sorted), with each product's price and term as printed.
     */
    public record RenewalResult(int letters, List<Path> files, Path manifest, LocalDate mailingDate,
            LocalDate effective, SortedMap<String, ProductLetters> byProduct) {
        public RenewalResult {
            files = List.copyOf(files);
            byProduct = Collections.unmodifiableSortedMap(new TreeMap<>(byProduct));
        }
    }

    /** The renewal letters of one product: how many, and the price and term they print. */
    public record ProductLetters(int letters, Product product) {
    }

    /**
     * Mails the renewal notices of a new supply contract (issue 6, section 2: "at contract renewal customers
     * stay in their product at the new price, after notice"): every account enrolled or being enrolled gets a
     * letter naming its product with the price and term the program file now gives it, beside its utility's
     * Basic Service price, the date from which the new price applies ({@code effective}), that it stays
     * enrolled unless it opts out, and how to opt out at no fee. The program does not store the price each
     * customer was enrolled at, so every such account gets a letter, not only those whose product changed.
     * As for {@link #mailNotices}, the files are written to a hidden folder inside {@code folder}, then every
     * account's {@link EventKind#RENEWAL_NOTICE_MAILED} (the mailing date, the product, and the price, term
     * and effective date in its reason) is recorded in one transaction, and only then are the files moved
     * into {@code folder}; the accounts' states do not change.
     *
     * @param progress told each letter written, for a progress bar; what it throws aborts the mailing
     * @throws OpenCceException if {@code effective} is not after {@code mailingDate}, the program has ended,
     *     no account is enrolled or being enrolled, the program has no contact, no Basic Service price is
     *     known, {@code folder} already holds a mailing, or an account changed while its letter was written
     */
    public RenewalResult mailRenewalNotices(ProgramId programId, LocalDate mailingDate, LocalDate effective,
            Path folder, String actor, LongConsumer progress) {
        if (!effective.isAfter(mailingDate)) {
            throw new OpenCceException("the new prices must take effect after the renewal notices are mailed: the"
                    + " effective date " + effective + " is not after the mailing date " + mailingDate + "; give an"
                    + " --effective date after --mailing-date");
        }
        Program program = db.programs().find(programId).orElseThrow(() -> new OpenCceException("program '"
                + programId + "' does not exist"));
        db.enrollments().programEnd(programId).ifPresent(end -> {
            throw ended(programId, end, "no renewal notice is mailed: nothing was written");
        });
        EnrollmentCounts counts = db.enrollments().counts(programId);
        int supplied = counts.total().count(EnrollmentState.ENROLLED) + counts.total().count(EnrollmentState.ENROLLING);
        if (supplied == 0) {
            throw new OpenCceException("no account of program " + programId + " is enrolled or being enrolled, so"
                    + " there is no one to send a renewal notice to; nothing was written");
        }
        NoticeLetter.ProgramContact contact = contact(program);
        Map<ProductId, Product> products = new HashMap<>();
        for (Product p : db.programs().products(programId)) {
            products.put(p.id(), p);
        }
        requireNoMailingIn(folder);
        Path staging = staging(folder);
        Instant now = clock.instant();
        boolean[] committed = {false};
        try {
            Map<AccountId, ProductId> mailed = new LinkedHashMap<>();
            SortedMap<String, Integer> letters = new TreeMap<>();
            NoticeMailing.Summary summary;
            try (NoticeMailing mailing = NoticeMailing.create(staging, now, LETTERS_PER_FILE)) {
                db.enrollments().forEach(programId, EnumSet.of(EnrollmentState.ENROLLED, EnrollmentState.ENROLLING),
                        (account, enrollment) -> {
                            ProductId id = enrollment.product().orElseThrow(() -> new OpenCceException("account "
                                    + account.number().value() + " is " + enrollment.state().wireName()
                                    + " without a product; nothing was written"));
                            Product product = products.get(id);
                            if (product == null) {
                                throw new OpenCceException("account " + account.number().value() + " is supplied with"
                                        + " product " + id + ", which the program no longer has; add it back to the"
                                        + " program file or change the account's product first. Nothing was written");
                            }
                            mailing.add(NoticeLetter.forRenewal(contact, mailingDate, effective, account, product,
                                    basicServicePrice(account, mailingDate)));
                            mailed.put(account.id(), id);
                            letters.merge(id.value(), 1, Integer::sum);
                            progress.accept(1);
                        });
                summary = mailing.finish();
            }
            db.enrollments().inTransaction(programId, tx -> {
                tx.programEnd().ifPresent(end -> {
                    throw ended(programId, end, "no renewal notice is mailed: nothing was recorded and no file kept");
                });
                Map<AccountId, Enrollment> locked = tx.lock(mailed.keySet());
                List<EnrollmentEvent> events = new ArrayList<>(mailed.size());
                mailed.forEach((id, productId) -> {
                    Product product = products.get(productId);
                    EnrollmentEvent event = new EnrollmentEvent(id, EventKind.RENEWAL_NOTICE_MAILED, now, actor,
                            Channel.MAIL, "renewal: " + productId + " at " + product.price().centsPerKilowattHour()
                                    .toPlainString() + " cents/kWh, term " + product.termStart() + " to "
                                    + product.termEnd() + ", effective " + effective,
                            Optional.of(productId), Optional.of(mailingDate), Optional.empty());
                    Enrollment enrollment = locked.get(id);
                    if (enrollment == null || !enrollment.check(event).isAllowed()
                            || !enrollment.product().equals(Optional.of(productId))) {
                        throw new OpenCceException("account " + id + " changed while its renewal notice was being"
                                + " written (" + (enrollment == null ? "no history" : enrollment.state().wireName())
                                + "); nothing was recorded and no file kept: run the renewal notices again");
                    }
                    events.add(event);
                });
                tx.append(events);
                tx.audit(actor, "enrollment.renewal-notices", events.size() + " renewal notices mailed on "
                        + mailingDate + ", new prices effective " + effective + ", by product " + letters
                        + ", files in " + folder);
                return null;
            });
            committed[0] = true;
            List<Path> files = new ArrayList<>();
            for (String name : summary.letterFiles()) {
                files.add(moveInto(staging, folder, name));
            }
            Path manifest = moveInto(staging, folder, NoticeMailing.MANIFEST);
            deleteQuietly(staging);
            SortedMap<String, ProductLetters> byProduct = new TreeMap<>();
            letters.forEach((id, n) -> byProduct.put(id, new ProductLetters(n, products.get(new ProductId(id)))));
            return new RenewalResult(summary.letters(), files, manifest, mailingDate, effective, byProduct);
        } catch (RuntimeException e) {
            if (!committed[0]) {
                deleteQuietly(staging);
            }
            throw e;
        }
    }

    /**
     * What ending the program did, or would do ({@code dryRun}): the end date recorded ({@code endDate}; an
     * end recorded before keeps its date), whether it was recorded by this call ({@code recordedNow}), and
     * the accounts given a {@link EventKind#MASS_DROP} by the state they were in (wire names, every state a
     * mass drop applies to, zeros included).
     */
    public record EndResult(LocalDate endDate, boolean dryRun, boolean recordedNow, Map<String, Integer> droppedByState) {
        public EndResult {
            Objects.requireNonNull(endDate, "endDate");
            droppedByState = Collections.unmodifiableMap(new LinkedHashMap<>(droppedByState));
        }

        /** How many accounts were (or would be) dropped. */
        public int dropped() {
            return droppedByState.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Ends the program on {@code endDate} and returns everyone to Basic Service (issue 6, section 2; the town
     * may cancel the program at the end of a supply contract and return all participants to Basic Service,
     * as Massachusetts aggregation plans provide): in one transaction the end is recorded
     * ({@link ProgramEnd}; from then on no notice, enrollment run, opt-in or renewal notice is accepted) and
     * every account enrolled, enrolling, or dropping after a refused drop gets a {@link EventKind#MASS_DROP}
     * ({@link ProgramEnd#massDrop}); the drops leave in the next 814 export. Accounts in other states (opted
     * out, notified, eligible, …) are left as they are. Applied again it finds nothing to do and changes
     * nothing. With {@code dryRun} nothing is recorded and the result counts what would be dropped.
     *
     * @throws OpenCceException changing nothing, if the program ended before on another date
     */
    public EndResult endProgram(ProgramId programId, LocalDate endDate, boolean dryRun, String actor) {
        Objects.requireNonNull(endDate, "endDate");
        db.programs().find(programId).orElseThrow(() -> new OpenCceException("program '" + programId
                + "' does not exist"));
        Optional<ProgramEnd> before = db.enrollments().programEnd(programId);
        requireSameEnd(programId, before, endDate);
        Instant now = clock.instant();
        LocalDate today = LocalCalendar.local(now).toLocalDate();
        if (!dryRun && endDate.isAfter(today) && before.isEmpty()) {
            // An 814 drop carries no date: the utility returns the account to Basic Service at its next meter
            // read after the drop arrives (docs/formats/edi-814.md). Recorded ahead of its day, the end would
            // send the drops in the next export and return customers weeks or months before the contract ends.
            throw new OpenCceException("program '" + programId + "' cannot be ended on " + endDate + " yet: today is "
                    + today + ", and the drops would leave in the next 814 export and return customers to Basic"
                    + " Service at their next meter read, before the program ends. Run 'opencce program end --date "
                    + endDate + "' on that day or after; --dry-run shows now who would be dropped");
        }
        if (dryRun) {
            List<Enrollment> candidates = new ArrayList<>();
            db.enrollments().forEach(programId, ProgramEnd.droppedStates(), (account, e) -> candidates.add(e));
            return new EndResult(endDate, true, false, byState(ProgramEnd.massDrop(candidates, now, actor,
                    Channel.STAFF, ""), candidates));
        }
        return db.enrollments().inTransaction(programId, tx -> {
            // The end is recorded first, under the program's lock: an enrollment committed before is read below
            // and dropped; one that comes after sees the end and is refused. (Locking the program before
            // anything else reads it keeps two ends at once from deadlocking on a lock upgrade.)
            Optional<ProgramEnd> already = tx.recordEnd(new ProgramEnd(endDate), actor);
            requireSameEnd(programId, already, endDate);
            ProgramEnd end = already.orElse(new ProgramEnd(endDate));
            List<AccountId> ids = new ArrayList<>();
            db.enrollments().forEach(programId, ProgramEnd.droppedStates(), (account, e) -> ids.add(account.id()));
            List<Enrollment> locked = new ArrayList<>(tx.lock(ids).values());
            List<EnrollmentEvent> drops = ProgramEnd.massDrop(locked, now, actor, Channel.STAFF,
                    "the program ends on " + end.date() + " and returns its customers to Basic Service");
            tx.append(drops);
            Map<String, Integer> dropped = byState(drops, locked);
            if (already.isEmpty() || !drops.isEmpty()) {
                tx.audit(actor, "program.end", (already.isEmpty() ? "the program ends on " + end.date()
                        : "the program ended on " + end.date() + " (recorded before)") + "; mass drop of "
                        + drops.size() + " accounts by state " + dropped);
            }
            return new EndResult(end.date(), false, already.isEmpty(), dropped);
        });
    }

    private static void requireSameEnd(ProgramId program, Optional<ProgramEnd> before, LocalDate endDate) {
        if (before.isPresent() && !before.get().date().equals(endDate)) {
            throw new OpenCceException("program " + program + " already ended on " + before.get().date() + "; its end"
                    + " cannot be moved to " + endDate + ". Nothing was changed");
        }
    }

    /** The drops counted by the state each account was in before it, every state a mass drop applies to. */
    private static Map<String, Integer> byState(List<EnrollmentEvent> drops, List<Enrollment> before) {
        Map<AccountId, EnrollmentState> states = new HashMap<>();
        for (Enrollment e : before) {
            states.put(e.account(), e.state());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EnrollmentState state : ProgramEnd.droppedStates()) {
            counts.put(state.wireName(), 0);
        }
        for (EnrollmentEvent drop : drops) {
            counts.merge(states.get(drop.account()).wireName(), 1, Integer::sum);
        }
        return counts;
    }

    /** The refusal of a program that has ended, saying what was not done. */
    static OpenCceException ended(ProgramId program, ProgramEnd end, String what) {
        return new OpenCceException("program " + program + " ended on " + end.date() + " and returned its customers"
                + " to Basic Service; " + what);
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
