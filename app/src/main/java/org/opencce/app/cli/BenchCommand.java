package org.opencce.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opencce.app.accounts.ImportBenchmark;
import org.opencce.app.demo.DemoBuilder;
import org.opencce.app.enrollment.EnrollmentBenchmark;
import org.opencce.app.enrollment.PortalBenchmark;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.report.BatchReport;
import org.opencce.domain.weather.HourlyWeather;
import org.opencce.formats.reference.ReferenceData;
import org.opencce.store.Database;
import org.opencce.store.DatabaseSettings;
import org.opencce.store.parquet.AggregationBenchmark;
import org.opencce.store.parquet.ParquetIntervalStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce bench …}: benchmarks that print one JSON line each, with their baselines measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints one JSON line with its own baselines measured in the same run.",
        subcommands = {BenchCommand.Aggregate.class, BenchCommand.Import.class, BenchCommand.Enrollment.class,
            BenchCommand.Portal.class})
final class BenchCommand extends GroupCommand {

    /** {@code opencce bench aggregate}. */
    @Command(name = "aggregate", mixinStandardHelpOptions = true,
            description = {"Hourly community load by town from the Parquet store, three ways on the same data: "
                    + "the project's path, a plain DuckDB GROUP BY, and one pass over arrays already in memory "
                    + "(the ceiling).",
                "Generates the demo population and a year of hourly usage into a temporary folder first (timed "
                        + "too: that is the demo's generation time), and deletes it afterwards."})
    static final class Aggregate implements Runnable {
        @Option(names = "--accounts", paramLabel = "N",
                description = "How many accounts (default: the full demo, about 28,340 ≈ 245 million reads).")
        Integer accounts;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
                description = "Timed runs of each method; the best is reported (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "Where to write the temporary data (default: the system's temporary folder).")
        Path workDir;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (runs < 1) {
                throw new OpenCceException("--runs must be at least 1, was " + runs);
            }
            DemoBuilder builder = new DemoBuilder(ReferenceData.instance());
            Program program = builder.program(LocalDate.of(2025, 1, 1));
            List<Product> products = builder.products(program);
            List<Account> all = builder.accounts(program, products, seed, 1.0);
            double scale = accounts == null ? 1.0 : Math.max(0.001, accounts / (double) all.size() * 1.01);
            List<Account> population = builder.accounts(program, products, seed, Math.min(10.0, scale));
            if (accounts != null) {
                if (population.size() < accounts) {
                    throw new OpenCceException("--accounts may be at most " + population.size() + ", was " + accounts);
                }
                population = population.subList(0, accounts);
            }
            Path dir = createWorkDir();
            try (ParquetIntervalStore store = new ParquetIntervalStore(dir.resolve("intervals"))) {
                HourlyWeather weather = builder.weather(program);
                long started = System.nanoTime();
                long reads;
                try (ProgressBar bar = new ProgressBar("Generating hourly usage", population.size())) {
                    reads = builder.writeUsage(population, weather, seed, store, bar::advance);
                }
                double generateSeconds = (System.nanoTime() - started) / 1e9;

                Map<String, Integer> townIndex = new LinkedHashMap<>();
                program.towns().forEach(t -> townIndex.put(t.name(), townIndex.size()));
                Map<AccountId, Integer> groupOf = new HashMap<>();
                population.forEach(a -> groupOf.put(a.id(), townIndex.get(a.town())));
                int groups = townIndex.size();
                Instant from = weather.start();
                Instant to = weather.end();

                AggregationBenchmark bench = new AggregationBenchmark(store);
                progress("Timing the project's path and the plain GROUP BY (%d runs each)...", runs);
                // One untimed run each first, so neither pays for warming up the JVM or the file cache alone.
                bench.projectPath(groupOf, groups, from, to);
                bench.plainGroupBy(groupOf, groups, from, to);
                Best project = new Best();
                Best plain = new Best();
                for (int i = 0; i < runs; i++) {
                    project.add(bench.projectPath(groupOf, groups, from, to));
                    plain.add(bench.plainGroupBy(groupOf, groups, from, to));
                }
                progress("Loading every account's year into memory for the ceiling (not timed)...");
                AggregationBenchmark.InMemorySeries loaded = bench.loadIntoMemory(groupOf, from, to);
                Best ceiling = new Best();
                bench.inMemorySum(loaded, groups);
                for (int i = 0; i < runs; i++) {
                    ceiling.add(bench.inMemorySum(loaded, groups));
                }
                double disagreement = Math.max(maxRelativeDifference(project.totals, plain.totals),
                        maxRelativeDifference(project.totals, ceiling.totals));
                if (disagreement > 1e-9) {
                    throw new OpenCceException("the three methods disagree (largest relative difference "
                            + disagreement + "): the benchmark result would be meaningless");
                }

                Map<String, Object> result = new LinkedHashMap<>();
                result.put("bench", "aggregate");
                result.put("date", Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().toString());
                result.put("accounts", population.size());
                result.put("hours", weather.hours());
                result.put("reads", reads);
                result.put("groups", groups);
                result.put("generate_and_write_s", round(generateSeconds));
                result.put("project_s", round(project.seconds()));
                result.put("duckdb_group_by_s", round(plain.seconds()));
                result.put("in_memory_ceiling_s", round(ceiling.seconds()));
                result.put("project_vs_duckdb", round(project.seconds() / plain.seconds()));
                result.put("project_vs_ceiling", round(project.seconds() / ceiling.seconds()));
                result.put("project_reads_per_s", Math.round(reads / project.seconds()));
                result.put("runs", runs);
                result.put("cores", Runtime.getRuntime().availableProcessors());
                result.put("max_heap_gb", round(Runtime.getRuntime().maxMemory() / 1e9));
                result.put("java", System.getProperty("java.version"));
                Output.printJson(spec.commandLine().getOut(), result);
            } finally {
                deleteRecursively(dir);
            }
        }

        private Path createWorkDir() {
            try {
                return workDir == null ? Files.createTempDirectory("opencce-bench")
                        : Files.createTempDirectory(Files.createDirectories(workDir), "opencce-bench");
            } catch (IOException e) {
                throw new OpenCceException("cannot create the benchmark's temporary folder: " + e.getMessage(), e);
            }
        }

        private void progress(String format, Object... args) {
            spec.commandLine().getErr().printf(format + "%n", args);
            spec.commandLine().getErr().flush();
        }

        private static double maxRelativeDifference(double[][] a, double[][] b) {
            double worst = 0;
            for (int g = 0; g < a.length; g++) {
                for (int h = 0; h < a[g].length; h++) {
                    double scale = Math.max(1.0, Math.abs(a[g][h]));
                    worst = Math.max(worst, Math.abs(a[g][h] - b[g][h]) / scale);
                }
            }
            return worst;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }

        private static void deleteRecursively(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("opencce: could not delete the benchmark folder " + dir + ": " + e.getMessage());
            }
        }
    }

    /** {@code opencce bench import}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Customer-list import: writes a synthetic list (default 1,850,000 rows, about 250 MB) into a "
                    + "temporary folder, imports it into a fresh embedded database there, and reports time, rows per "
                    + "second and peak heap, with two baselines on the same file: reading and validating alone, and "
                    + "PostgreSQL's COPY into a scratch table.",
                "Run it as 'java -Xmx1g -jar opencce.jar bench import' to show the import fits in 1 GB of heap."})
    static final class Import implements Runnable {
        @Option(names = "--rows", paramLabel = "N",
                description = "Rows in the list (default: ${DEFAULT-VALUE}, the size of a large utility list).",
                defaultValue = "" + ImportBenchmark.DEFAULT_ROWS)
        int rows;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "Where to write the temporary list and database (default: the system's temporary folder).")
        Path workDir;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (rows < 1) {
                throw new OpenCceException("--rows must be at least 1, was " + rows);
            }
            Path dir = createWorkDir(workDir);
            try {
                Path list = dir.resolve("customer-list.csv");
                progress(spec, "Writing a customer list of %,d rows...", rows);
                long bytes = ImportBenchmark.writeList(list, rows, seed);

                progress(spec, "Reading and validating it without a database (baseline)...");
                ImportBenchmark.readOnly(list); // untimed: warms up the JVM and the file cache for both
                long started = System.nanoTime();
                int readOnlyRows = ImportBenchmark.readOnly(list);
                double readOnlySeconds = (System.nanoTime() - started) / 1e9;

                try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("data")))) {
                    Program program = new DemoBuilder(ReferenceData.instance()).program(LocalDate.of(2025, 1, 1));
                    db.programs().save(program);

                    progress(spec, "COPY of the same file into a scratch table (baseline)...");
                    started = System.nanoTime();
                    long copied = ImportBenchmark.copyIntoScratchTable(db, list);
                    double copySeconds = (System.nanoTime() - started) / 1e9;

                    progress(spec, "Importing it...");
                    ImportBenchmark.resetPeakHeap();
                    started = System.nanoTime();
                    BatchReport report = ImportBenchmark.importList(db, program, list);
                    double importSeconds = (System.nanoTime() - started) / 1e9;
                    long peakHeap = ImportBenchmark.peakHeapBytes();

                    long stored = db.accounts().count(program.id());
                    boolean agrees = stored == report.accepted() && report.read() == rows && readOnlyRows == rows
                            && copied == rows && report.read() == report.accepted() + report.rejected();
                    if (!agrees) {
                        throw new OpenCceException("the import does not agree with the list: " + rows + " rows written, "
                                + report.read() + " read, " + report.accepted() + " accepted but " + stored
                                + " accounts stored, " + copied + " copied: the benchmark result would be meaningless");
                    }

                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("bench", "import");
                    result.put("date", Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().toString());
                    result.put("rows", rows);
                    result.put("bytes", bytes);
                    result.put("accepted", report.accepted());
                    result.put("rejected", report.rejected());
                    result.put("import_s", round(importSeconds));
                    result.put("import_rows_per_s", Math.round(rows / importSeconds));
                    result.put("read_only_s", round(readOnlySeconds));
                    result.put("copy_s", round(copySeconds));
                    result.put("import_vs_copy", round(importSeconds / copySeconds));
                    result.put("peak_heap_mb", Math.round(peakHeap / 1e6));
                    result.put("max_heap_mb", Math.round(Runtime.getRuntime().maxMemory() / 1e6));
                    result.put("accounts_stored", stored);
                    result.put("agrees", agrees);
                    result.put("cores", Runtime.getRuntime().availableProcessors());
                    result.put("java", System.getProperty("java.version"));
                    Output.printJson(spec.commandLine().getOut(), result);
                }
            } finally {
                Aggregate.deleteRecursively(dir);
            }
        }
    }

    /** {@code opencce bench enrollment}. */
    @Command(name = "enrollment", mixinStandardHelpOptions = true,
            description = {"The enrollment campaign end to end on a synthetic program: a customer list of N accounts "
                    + "imported and reconciled, the notices (manifest of every account, PDF of the first --pdfs), "
                    + "returned mail and reply-card opt-outs, the enrollment run and the 814 export, each through the "
                    + "service its command uses, in a fresh embedded database in a temporary folder.",
                "Prints one JSON line: each stage's seconds, total_s against the 30 s target, the baseline (reading "
                        + "the same list with no database) and the check that every count agrees with what was "
                        + "generated; exits 1 if one does not."})
    static final class Enrollment implements Runnable {
        @Option(names = "--accounts", paramLabel = "N", defaultValue = "" + EnrollmentBenchmark.DEFAULT_ACCOUNTS,
                description = "Accounts in the customer list (default: ${DEFAULT-VALUE}).")
        int accounts;

        @Option(names = "--pdfs", paramLabel = "N", defaultValue = "" + EnrollmentBenchmark.DEFAULT_PDFS,
                description = "Letters laid out as PDF, the first N; the manifest lists every letter "
                        + "(default: ${DEFAULT-VALUE}).")
        int pdfs;

        @Option(names = "--json", description = "No progress on standard error; the result is one JSON line either way.")
        boolean json;

        @Option(names = "--keep", description = "Keep the temporary folder (database, letters, 814 files) and print "
                + "its path in the JSON.")
        boolean keep;

        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "Where to create the temporary folder (default: the system's temporary folder).")
        Path workDir;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (accounts < 1) {
                throw new OpenCceException("--accounts must be at least 1, was " + accounts);
            }
            if (pdfs < 0) {
                throw new OpenCceException("--pdfs must be 0 or more, was " + pdfs);
            }
            Path dir = createWorkDir(workDir);
            try {
                EnrollmentBenchmark.Result r = new EnrollmentBenchmark(line -> {
                    if (!json) {
                        progress(spec, "%s", line);
                    }
                }).run(dir, accounts, pdfs);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("bench", "enrollment");
                result.put("date", Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().toString());
                result.put("accounts", r.accounts());
                result.put("pdfs", r.pdfs());
                r.stageSeconds().forEach((stage, seconds) -> result.put(stage, round(seconds)));
                result.put("total_s", round(r.totalSeconds()));
                result.put("target_s", EnrollmentBenchmark.TARGET_SECONDS);
                result.put("meets_target", r.totalSeconds() < EnrollmentBenchmark.TARGET_SECONDS);
                result.put("read_only_s", round(r.readOnlySeconds()));
                result.put("total_vs_read_only", round(r.totalSeconds() / r.readOnlySeconds()));
                result.put("accounts_per_s", Math.round(r.accounts() / r.totalSeconds()));
                result.put("generate_s", round(r.generateSeconds()));
                result.put("setup_s", round(r.setupSeconds()));
                Map<String, Object> expected = new LinkedHashMap<>();
                expected.put("eligible", r.expected().eligible());
                expected.put("competitive", r.expected().competitive());
                expected.put("returned_mail", r.expected().returnedMail());
                expected.put("opted_out", r.expected().optedOut());
                expected.put("enrolling", r.expected().enrolling());
                result.put("expected", expected);
                result.put("counts", r.counts());
                result.put("agrees", r.agrees());
                result.put("disagreements", r.disagreements());
                result.put("cores", Runtime.getRuntime().availableProcessors());
                result.put("max_heap_mb", Math.round(Runtime.getRuntime().maxMemory() / 1e6));
                result.put("java", System.getProperty("java.version"));
                if (keep) {
                    result.put("kept", dir.toString());
                }
                Output.printJson(spec.commandLine().getOut(), result);
                if (!r.agrees()) {
                    throw new OpenCceException("the campaign does not agree with what was generated ("
                            + String.join("; ", r.disagreements()) + "): the benchmark result would be meaningless");
                }
            } finally {
                if (!keep) {
                    Aggregate.deleteRecursively(dir);
                }
            }
        }
    }

    /** {@code opencce bench portal}. */
    @Command(name = "portal", mixinStandardHelpOptions = true,
            description = {"The customer portal under concurrent opt-outs: the real web server on 127.0.0.1 (as "
                    + "'opencce serve' runs it, with 127.0.0.1 as trusted proxy) over a fresh embedded database of N "
                    + "notified accounts, and C client threads that each open the form and post an opt-out for a "
                    + "distinct account from an address of its own, for S seconds.",
                "Prints one JSON line: requests, accepted, refused, throughput per second, p50 and p99 latency of "
                        + "the opt-outs, the same clients fetching a static file as the baseline, and lost: accepted "
                        + "opt-outs whose confirmation number is not in the database (exits 1 if any)."})
    static final class Portal implements Runnable {
        @Option(names = "--seconds", paramLabel = "S", defaultValue = "" + PortalBenchmark.DEFAULT_SECONDS,
                description = "How long the opt-outs (and the baseline) run (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--clients", paramLabel = "C", defaultValue = "" + PortalBenchmark.DEFAULT_CLIENTS,
                description = "Concurrent client threads (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--accounts", paramLabel = "N", defaultValue = "" + PortalBenchmark.DEFAULT_ACCOUNTS,
                description = "Notified accounts, each opted out at most once; the run stops early if they run "
                        + "out (default: ${DEFAULT-VALUE}).")
        int accounts;

        @Option(names = "--json", description = "No progress on standard error; the result is one JSON line either way.")
        boolean json;

        @Option(names = "--keep", description = "Keep the temporary folder and print its path in the JSON.")
        boolean keep;

        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "Where to create the temporary folder (default: the system's temporary folder).")
        Path workDir;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            for (Object[] check : new Object[][] {{"--seconds", seconds}, {"--clients", clients},
                {"--accounts", accounts}}) {
                if ((int) check[1] < 1) {
                    throw new OpenCceException(check[0] + " must be at least 1, was " + check[1]);
                }
            }
            Path dir = createWorkDir(workDir);
            try {
                PortalBenchmark.Result r = new PortalBenchmark(line -> {
                    if (!json) {
                        progress(spec, "%s", line);
                    }
                }).run(dir, accounts, clients, seconds);
                PortalBenchmark.Load o = r.optOuts();
                PortalBenchmark.Load b = r.baseline();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("bench", "portal");
                result.put("date", Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().toString());
                result.put("accounts", r.accounts());
                result.put("clients", r.clients());
                result.put("seconds", round(o.seconds()));
                result.put("requests", o.requests());
                result.put("accepted", o.accepted());
                result.put("refused", o.refused());
                result.put("errors", o.errors());
                result.put("throughput_per_s", round(o.throughputPerSecond()));
                result.put("p50_ms", round(o.p50Ms()));
                result.put("p99_ms", round(o.p99Ms()));
                result.put("max_ms", round(o.maxMs()));
                result.put("form_p50_ms", round(r.forms().p50Ms()));
                result.put("form_p99_ms", round(r.forms().p99Ms()));
                result.put("target_per_s", PortalBenchmark.TARGET_OPT_OUTS_PER_S);
                result.put("target_p99_ms", PortalBenchmark.TARGET_P99_MS);
                result.put("meets_target", o.throughputPerSecond() >= PortalBenchmark.TARGET_OPT_OUTS_PER_S
                        && o.p99Ms() < PortalBenchmark.TARGET_P99_MS && r.lost() == 0);
                result.put("baseline_requests", b.requests());
                result.put("baseline_per_s", round(b.throughputPerSecond()));
                result.put("baseline_p50_ms", round(b.p50Ms()));
                result.put("baseline_p99_ms", round(b.p99Ms()));
                result.put("opt_outs_vs_baseline", b.throughputPerSecond() > 0
                        ? round(o.throughputPerSecond() / b.throughputPerSecond()) : 0);
                result.put("warm_up_opt_outs", r.warmUpOptOuts());
                result.put("accounts_ran_out", r.accountsRanOut());
                result.put("opted_out_in_database", r.optedOutInDatabase());
                result.put("lost", r.lost());
                result.put("unexplained", r.unexplained());
                result.put("setup_s", round(r.setupSeconds()));
                result.put("cores", Runtime.getRuntime().availableProcessors());
                result.put("java", System.getProperty("java.version"));
                if (keep) {
                    result.put("kept", dir.toString());
                }
                Output.printJson(spec.commandLine().getOut(), result);
                if (r.lost() > 0 || r.unexplained() > 0) {
                    throw new OpenCceException(r.lost() + " accepted opt-outs are not in the database and "
                            + r.unexplained() + " opted-out accounts have no confirmation: the portal lost or invented"
                            + " opt-outs");
                }
            } finally {
                if (!keep) {
                    Aggregate.deleteRecursively(dir);
                }
            }
        }
    }

    private static Path createWorkDir(Path workDir) {
        try {
            return workDir == null ? Files.createTempDirectory("opencce-bench")
                    : Files.createTempDirectory(Files.createDirectories(workDir), "opencce-bench");
        } catch (IOException e) {
            throw new OpenCceException("cannot create the benchmark's temporary folder: " + e.getMessage(), e);
        }
    }

    private static void progress(CommandSpec spec, String format, Object... args) {
        spec.commandLine().getErr().printf(format + "%n", args);
        spec.commandLine().getErr().flush();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The fastest of several timed runs, and its result. */
    private static final class Best {
        Duration best;
        double[][] totals;

        void add(AggregationBenchmark.Timed run) {
            if (best == null || run.elapsed().compareTo(best) < 0) {
                best = run.elapsed();
                totals = run.kwhByGroupAndHour();
            }
        }

        double seconds() {
            return best.toNanos() / 1e9;
        }
    }
}
