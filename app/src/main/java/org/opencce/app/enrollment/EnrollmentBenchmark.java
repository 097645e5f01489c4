package org.opencce.app.enrollment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.opencce.app.Installation;
import org.opencce.app.accounts.CustomerListImport;
import org.opencce.app.accounts.ImportBenchmark;
import org.opencce.app.demo.DemoBuilder;
import org.opencce.app.edi.EdiExport;
import org.opencce.app.edi.EdiParties;
import org.opencce.app.program.ProgramSetup;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.ListReconciliation;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.formats.CsvInput;
import org.opencce.formats.edi.EdiReader;
import org.opencce.formats.edi.TradingPartners;
import org.opencce.formats.reference.ReferenceData;
import org.opencce.store.Database;

/**
 * The enrollment campaign end to end on a synthetic program (issue 6, "Performance": 100,000 accounts
 * through import, eligibility, notices and 814 export in under 30 s), each stage through the service the
 * command uses: {@link CustomerListImport} ({@code accounts import}, with the list reconciliation that
 * decides eligibility), {@link EnrollmentService#mailNotices} ({@code enrollment notices}: the manifest of
 * every account, the PDF of the first {@code pdfs}), {@link EnrollmentService#applyFile} for the returned
 * mail and the reply-card opt-outs, {@link EnrollmentService#run} ({@code enrollment run}) and
 * {@link EdiExport} ({@code edi export}, the files validated by StAEDI as they are written). Each service
 * gets a fixed clock on the campaign's calendar (list in mid-November 2024, mailing on 22 November, the
 * run on 2 January 2025), so that every run records the same history.
 *
 * <p>The figures the campaign must end with follow from {@link CampaignFiles}' rules; {@link #run} checks
 * every count against them, and against what the files written say when read back, and refuses to report
 * a time for a run that does not agree. Not thread-safe; one run at a time.
 */
public final class EnrollmentBenchmark {
    public static final int DEFAULT_ACCOUNTS = 100_000;
    public static final int DEFAULT_PDFS = 1_000;
    /** The target for the whole campaign. */
    public static final int TARGET_SECONDS = 30;

    static final LocalDate LAUNCH = LocalDate.of(2025, 1, 1);
    static final LocalDate MAILING = LocalDate.of(2024, 11, 22);
    private static final String ACTOR = "bench";

    private final Consumer<String> progress;

    /** @param progress told what starts next, for the person waiting */
    public EnrollmentBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    /** The seconds of each stage, what the campaign did, and whether it agrees with what was generated. */
    public record Result(int accounts, int pdfs, double generateSeconds, double setupSeconds,
            double readOnlySeconds, Map<String, Double> stageSeconds, double totalSeconds, Map<String, Integer> counts,
            CampaignFiles.Expected expected, List<String> disagreements) {
        public Result {
            stageSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            disagreements = List.copyOf(disagreements);
        }

        public boolean agrees() {
            return disagreements.isEmpty();
        }
    }

    /**
     * Runs the campaign of {@code accounts} accounts in {@code dir} (an empty folder: the files, the
     * embedded database, the letters and the 814 files go there; the caller deletes it).
     */
    public Result run(Path dir, int accounts, int pdfs) {
        if (accounts < 1) {
            throw new OpenCceException("--accounts must be at least 1, was " + accounts);
        }
        if (pdfs < 0) {
            throw new OpenCceException("--pdfs must be 0 or more, was " + pdfs);
        }
        progress.accept(String.format("Writing a customer list of %,d accounts, returned mail and opt-outs...",
                accounts));
        long started = System.nanoTime();
        CampaignFiles.Expected expected = CampaignFiles.write(dir, accounts);
        double generate = seconds(started);
        Path list = dir.resolve(CampaignFiles.LIST);

        // The baseline: reading and validating the same list with no database, what every stage after it
        // must at least do once with each account (read it), so total / baseline says how many such passes
        // the whole campaign costs. One untimed pass first warms the JIT and the file cache for both.
        progress.accept("Reading the list without a database (baseline)...");
        ImportBenchmark.readOnly(list);
        started = System.nanoTime();
        int readOnlyRows = ImportBenchmark.readOnly(list);
        double readOnly = seconds(started);

        progress.accept("Starting the embedded database and creating the program...");
        started = System.nanoTime();
        try (Installation installation = Installation.createOrOpen(dir.resolve("data"), null, null, null)) {
            Database db = installation.database();
            ProgramDefinition definition = new DemoBuilder(ReferenceData.instance()).definition(LAUNCH);
            ProgramId program = definition.program().id();
            new ProgramSetup(db.programs()).init(definition, ACTOR, "bench");
            double setup = seconds(started);

            Map<String, Double> stages = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            long campaignStarted = System.nanoTime();

            progress.accept("Importing the customer list (reconciliation and eligibility)...");
            started = System.nanoTime();
            CustomerListImport.Result imported = new CustomerListImport(db.programs(), db.accounts(), db.imports(),
                    at(LocalDate.of(2024, 11, 15))).importFile(program, list, ACTOR,
                            CustomerListImport.defaultRejectionsFile(list), b -> { });
            stages.put("import_s", seconds(started));
            counts.put("imported", imported.report().accepted());
            counts.put("rejected", imported.report().rejected());
            counts.put("listed_new", imported.reconciliation().get(ListReconciliation.ChangeKind.NEW));

            progress.accept(String.format("Mailing the notices (manifest of every account, PDF of %,d)...", pdfs));
            started = System.nanoTime();
            EnrollmentService.NoticeResult notices = service(db, LocalDate.of(2024, 11, 21)).mailNotices(program,
                    MAILING, dir.resolve("notices"), Optional.empty(), OptionalInt.empty(), OptionalInt.of(pdfs), ACTOR,
                    n -> { });
            stages.put("notices_s", seconds(started));
            counts.put("letters", notices.letters());
            counts.put("pdf_files", notices.files().size());

            progress.accept("Applying the returned mail and the reply-card opt-outs...");
            started = System.nanoTime();
            EnrollmentService.BulkResult returned = service(db, LocalDate.of(2024, 12, 5)).applyFile(program,
                    dir.resolve(CampaignFiles.RETURNED_MAIL), EnrollmentService.BulkAction.RETURNED_MAIL, Channel.MAIL,
                    ACTOR);
            EnrollmentService.BulkResult optOuts = service(db, LocalDate.of(2024, 12, 10)).applyFile(program,
                    dir.resolve(CampaignFiles.OPT_OUTS), EnrollmentService.BulkAction.OPT_OUT, Channel.REPLY_CARD,
                    ACTOR);
            stages.put("returned_mail_and_opt_outs_s", seconds(started));
            counts.put("returned_mail_applied", returned.applied());
            counts.put("opt_outs_applied", optOuts.applied());
            counts.put("bulk_rejected", returned.report().rejected() + optOuts.report().rejected());

            progress.accept("Running the enrollment...");
            LocalDate runDay = LocalDate.of(2025, 1, 2);
            started = System.nanoTime();
            EnrollmentService.RunResult run = service(db, runDay).run(program, LAUNCH, noon(runDay), ACTOR);
            stages.put("run_s", seconds(started));
            counts.put("requested", run.requested());

            progress.accept("Exporting the 814 files...");
            started = System.nanoTime();
            EdiExport.Result exported = new EdiExport(db.enrollments(), db.edi(), at(runDay),
                    EdiExport.Checkpoints.NONE).export(program, dir.resolve("edi-out"), ACTOR);
            stages.put("export_s", seconds(started));
            double total = seconds(campaignStarted);
            counts.put("requests_814", exported.total());
            counts.put("not_sent_814", exported.notSent().size());

            progress.accept("Checking the figures against the files and the database...");
            counts.put("read_only_rows", readOnlyRows);
            countManifest(notices.manifest(), counts);
            TradingPartners partners = EdiParties.tradingPartners(db.edi().setup(program).orElse(EdiSetup.testDefaults()));
            int readBack = 0;
            for (EdiExport.SentFile file : exported.files()) {
                readBack += EdiReader.read(file.file(), partners).requests().size();
            }
            counts.put("requests_814_read_back", readBack);
            EnrollmentCounts.Tally tally = db.enrollments().counts(program).total();
            for (EnrollmentState state : List.of(EnrollmentState.NOTIFIED, EnrollmentState.RETURNED_MAIL,
                    EnrollmentState.OPTED_OUT, EnrollmentState.COMPETITIVE, EnrollmentState.ENROLLING)) {
                counts.put("state_" + state.wireName(), tally.count(state));
            }
            return new Result(accounts, pdfs, generate, setup, readOnly, stages, total, counts, expected,
                    disagreements(expected, pdfs, counts));
        }
    }

    /** Every count that differs from what the generated campaign must give, in words; empty when all agree. */
    static List<String> disagreements(CampaignFiles.Expected expected, int pdfs, Map<String, Integer> counts) {
        Map<String, Integer> want = new LinkedHashMap<>();
        want.put("read_only_rows", expected.accounts());
        want.put("imported", expected.accounts());
        want.put("rejected", 0);
        want.put("listed_new", expected.accounts());
        want.put("letters", expected.eligible());
        want.put("manifest_rows", expected.eligible());
        want.put("manifest_rows_with_pdf", Math.min(pdfs, expected.eligible()));
        // Every account with a mailing address (i % 5 == 0, so i % 10 is 0 or 5) is on Basic Service: all are mailed.
        want.put("manifest_mailing_addresses", expected.mailingAddresses());
        want.put("returned_mail_applied", expected.returnedMail());
        want.put("opt_outs_applied", expected.optedOut());
        want.put("bulk_rejected", 0);
        want.put("requested", expected.enrolling());
        want.put("requests_814", expected.enrolling());
        want.put("requests_814_read_back", expected.enrolling());
        want.put("not_sent_814", 0);
        want.put("state_notified", 0);
        want.put("state_returned_mail", expected.returnedMail());
        want.put("state_opted_out", expected.optedOut());
        want.put("state_competitive", expected.competitive());
        want.put("state_enrolling", expected.enrolling());
        List<String> problems = new java.util.ArrayList<>();
        want.forEach((name, value) -> {
            Integer got = counts.get(name);
            if (got == null || got.intValue() != value) {
                problems.add(name + " is " + got + ", expected " + value);
            }
        });
        return problems;
    }

    /** Reads the manifest back: its rows, those with a PDF file, those mailed to a PO box. */
    private static void countManifest(Path manifest, Map<String, Integer> counts) {
        int rows = 0;
        int withPdf = 0;
        int poBoxes = 0;
        List<CsvInput.Line> lines = CsvInput.readAll(CsvInput.open(manifest), manifest.getFileName().toString());
        for (CsvInput.Line line : lines.subList(1, lines.size())) {
            rows++;
            withPdf += line.field(7).isEmpty() ? 0 : 1;
            poBoxes += line.field(3).startsWith("PO Box") ? 1 : 0;
        }
        counts.put("manifest_rows", rows);
        counts.put("manifest_rows_with_pdf", withPdf);
        counts.put("manifest_mailing_addresses", poBoxes);
    }

    private static EnrollmentService service(Database db, LocalDate day) {
        return new EnrollmentService(db, ReferenceData.instance().basicServiceRates(), at(day));
    }

    /** A clock stopped at noon of {@code day} in Massachusetts. */
    private static Clock at(LocalDate day) {
        return Clock.fixed(noon(day), ZoneOffset.UTC);
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(LocalCalendar.ZONE).toInstant();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
