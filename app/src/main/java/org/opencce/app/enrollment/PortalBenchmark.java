package org.opencce.app.enrollment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencce.app.Installation;
import org.opencce.app.WebWiring;
import org.opencce.app.accounts.CustomerListImport;
import org.opencce.app.demo.DemoBuilder;
import org.opencce.app.program.ProgramSetup;
import org.opencce.app.security.Cidr;
import org.opencce.app.security.TrustedProxies;
import org.opencce.app.web.WebApp;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.formats.reference.ReferenceData;
import org.opencce.store.Database;
import org.opencce.store.EnrollmentStore;

/**
 * The customer portal under load (issue 6, "Performance": at least 500 opt-outs a second, p99 under
 * 100 ms, none lost). A fresh installation holds {@code accounts} notified accounts ({@link CampaignFiles},
 * imported and mailed through the campaign's own services); the real web server ({@link WebWiring}, as
 * {@code opencce serve} builds it) listens on 127.0.0.1 with 127.0.0.1 as its trusted proxy; then
 * {@code clients} threads, each with its own {@link HttpClient}, act as browsers: each opt-out opens the
 * form ({@code GET /choose}: a new session cookie and CSRF token), then posts it with a valid account
 * number and service ZIP code, from an address of its own in {@code X-Forwarded-For} (one customer, one
 * address: the per-client limit of 20 requests in 10 minutes never applies), each account once.
 *
 * <p>Measured: the opt-out posts (their count, accepted with a confirmation number, refused, latency
 * percentiles), and, as the baseline, the same clients fetching a static file for as long. Afterwards
 * every confirmation number must be in the database as the {@code opted_out} event of its account, and
 * the database must hold no other opted-out account: {@code lost} counts the confirmations not found.
 * Not thread-safe; one run at a time.
 */
public final class PortalBenchmark {
    public static final int DEFAULT_SECONDS = 10;
    public static final int DEFAULT_CLIENTS = 16;
    public static final int DEFAULT_ACCOUNTS = 30_000;
    /** The targets. */
    public static final int TARGET_OPT_OUTS_PER_S = 500;
    public static final int TARGET_P99_MS = 100;

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CONFIRMATION = Pattern.compile("id=\"confirmation-number\">([^<]+)<");
    private static final String STATIC_FILE = "/static/favicon.svg";
    private static final String ACTOR = "bench";

    private final Consumer<String> progress;

    /** @param progress told what starts next, for the person waiting */
    public PortalBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * One load phase: {@code requests} sent in {@code seconds}, {@code accepted} answered as hoped (a
     * confirmation; the file), {@code refused} with a 4xx answer, {@code errors} (5xx, no answer), and the
     * latencies of all of them.
     */
    public record Load(long requests, long accepted, long refused, long errors, double seconds, double p50Ms,
            double p99Ms, double maxMs) {
        /** Accepted per second of the phase. */
        public double throughputPerSecond() {
            return seconds > 0 ? accepted / seconds : 0;
        }
    }

    /**
     * What a run measured: the opt-outs (and the forms opened before them), the baseline, the warm-up's
     * opt-outs (not in the figures, checked like the others), whether the accounts ran out before the time
     * was up, and the check: {@code lost} accepted opt-outs not in the database, {@code unexplained}
     * opted-out accounts in the database that no confirmation accounts for.
     */
    public record Result(int accounts, int clients, double setupSeconds, Load optOuts, Load forms, Load baseline,
            long warmUpOptOuts, boolean accountsRanOut, long lost, long unexplained, int optedOutInDatabase) {
    }

    /** Runs the benchmark in {@code dir} (an empty folder; the caller deletes it). */
    public Result run(Path dir, int accounts, int clients, int seconds) {
        if (accounts < 1) {
            throw new OpenCceException("--accounts must be at least 1, was " + accounts);
        }
        if (clients < 1) {
            throw new OpenCceException("--clients must be at least 1, was " + clients);
        }
        if (seconds < 1) {
            throw new OpenCceException("--seconds must be at least 1, was " + seconds);
        }
        progress.accept(String.format("Creating an installation with %,d notified accounts...", accounts));
        long started = System.nanoTime();
        try (Installation installation = Installation.createOrOpen(dir.resolve("data"), null, null, null)) {
            Database db = installation.database();
            ProgramDefinition definition = new DemoBuilder(ReferenceData.instance())
                    .definition(EnrollmentBenchmark.LAUNCH);
            ProgramId program = definition.program().id();
            new ProgramSetup(db.programs()).init(definition, ACTOR, "bench");
            CampaignFiles.write(dir, accounts);
            Clock listed = Clock.fixed(EnrollmentBenchmark.MAILING.minusDays(7).atTime(LocalTime.NOON)
                    .atZone(LocalCalendar.ZONE).toInstant(), ZoneOffset.UTC);
            Path list = dir.resolve(CampaignFiles.LIST);
            new CustomerListImport(db.programs(), db.accounts(), db.imports(), listed).importFile(program, list, ACTOR,
                    CustomerListImport.defaultRejectionsFile(list), b -> { });
            // The notices as the campaign mails them, manifest only: the accounts must be notified, the
            // letters themselves are not what is measured here.
            new EnrollmentService(db, ReferenceData.instance().basicServiceRates(), listed).mailNotices(program,
                    EnrollmentBenchmark.MAILING, dir.resolve("notices"), Optional.empty(), OptionalInt.empty(),
                    OptionalInt.of(0), ACTOR, n -> { });
            double setup = (System.nanoTime() - started) / 1e9;

            WebApp web = WebWiring.webApp(installation, program, new TrustedProxies(List.of(Cidr.parse("127.0.0.1"))),
                    new PortalEnrollment(db, PortalEnrollment.FIRST_OF_THE_MONTH, Clock.systemUTC()));
            int port = web.start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + port;
                Accounts next = new Accounts(accounts);
                Queue<Accepted> confirmed = new ConcurrentLinkedQueue<>();

                progress.accept(String.format("Baseline: %d clients fetching %s for %d s...", clients, STATIC_FILE,
                        seconds));
                Phase baseline = phase(clients, seconds, http -> staticFile(http, base));

                int warmUp = Math.max(1, Math.min(2, seconds / 4));
                progress.accept(String.format("Warming up the opt-out path for %d s (not counted)...", warmUp));
                Phase warm = phase(clients, warmUp, http -> optOut(http, base, next, confirmed));
                long warmUpAccepted = warm.posts.accepted;

                progress.accept(String.format("Opt-outs: %d clients for %d s...", clients, seconds));
                Phase load = phase(clients, seconds, http -> optOut(http, base, next, confirmed));

                progress.accept(String.format("Checking that each of the %,d confirmed opt-outs is in the database...",
                        confirmed.size()));
                long lost = 0;
                for (Accepted a : confirmed) {
                    if (!recorded(db, program, a)) {
                        lost++;
                    }
                }
                int inDatabase = db.enrollments().counts(program).total().count(EnrollmentState.OPTED_OUT);
                long unexplained = Math.max(0, inDatabase - (confirmed.size() - lost));
                return new Result(accounts, clients, setup, load.posts.load(), load.forms.load(),
                        baseline.posts.load(), warmUpAccepted, next.ranOut.get(), lost, unexplained, inDatabase);
            } finally {
                web.stop();
            }
        }
    }

    /** Whether the confirmation is recorded as the opt-out of its account. */
    private static boolean recorded(Database db, ProgramId program, Accepted a) {
        List<Long> accounts = db.accounts().findByNumberKey(program,
                PortalRequest.keyOf(CampaignFiles.accountNumber(a.account)))
                .stream().map(Account::id).map(id -> id.value()).toList();
        for (EnrollmentStore.RecordedEvent e : db.enrollments().withReference(program, a.confirmation)) {
            if (e.event().kind() == EventKind.OPTED_OUT && accounts.contains(e.event().account().value())) {
                return true;
            }
        }
        return false;
    }

    /** An accepted opt-out: the generated account's index and its confirmation number. */
    private record Accepted(int account, String confirmation) {
    }

    /** Hands out each Basic Service account once, in order. */
    private static final class Accounts {
        private final int count;
        private final AtomicInteger next = new AtomicInteger();
        final AtomicBoolean ranOut = new AtomicBoolean();

        Accounts(int count) {
            this.count = count;
        }

        /** The next account to opt out, or -1 when none is left. */
        int take() {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= count) {
                    ranOut.set(true);
                    return -1;
                }
                if (CampaignFiles.onBasicService(i)) {
                    return i;
                }
            }
        }
    }

    /** What one client thread does once; false when there is nothing left to do. */
    private interface Step {
        boolean once(Browser browser) throws IOException, InterruptedException;
    }

    /** One client thread's HTTP client and what it measured. */
    private static final class Browser {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        final Tally posts = new Tally();
        final Tally forms = new Tally();
    }

    /** Counts and latencies of one kind of request. */
    private static final class Tally {
        long[] nanos = new long[1024];
        long requests;
        long accepted;
        long refused;
        long errors;
        double seconds;

        void add(long latencyNanos, int status, boolean accepted) {
            if (requests == nanos.length) {
                nanos = Arrays.copyOf(nanos, nanos.length * 2);
            }
            nanos[(int) requests++] = latencyNanos;
            if (accepted) {
                this.accepted++;
            } else if (status >= 400 && status < 500) {
                refused++;
            } else {
                errors++;
            }
        }

        void addAll(Tally other) {
            while (requests + other.requests > nanos.length) {
                nanos = Arrays.copyOf(nanos, nanos.length * 2);
            }
            System.arraycopy(other.nanos, 0, nanos, (int) requests, (int) other.requests);
            requests += other.requests;
            accepted += other.accepted;
            refused += other.refused;
            errors += other.errors;
        }

        Load load() {
            long[] sorted = Arrays.copyOf(nanos, (int) requests);
            Arrays.sort(sorted);
            return new Load(requests, accepted, refused, errors, seconds, percentileMs(sorted, 0.50),
                    percentileMs(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }

    /** The nearest-rank percentile: the smallest latency at least {@code p} of them do not exceed. */
    static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** The merged tallies of one phase. */
    private static final class Phase {
        final Tally posts = new Tally();
        final Tally forms = new Tally();
    }

    /** Runs {@code step} in {@code clients} threads for {@code seconds}, or until a step says it is done. */
    private static Phase phase(int clients, int seconds, Step step) {
        List<Browser> browsers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = {0};
        Queue<Throwable> failed = new ConcurrentLinkedQueue<>();
        for (int c = 0; c < clients; c++) {
            Browser browser = new Browser();
            browsers.add(browser);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    while (System.nanoTime() < deadline[0] && step.once(browser)) {
                        // each step records itself
                    }
                } catch (IOException | RuntimeException e) {
                    failed.add(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        long started = System.nanoTime();
        deadline[0] = started + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenCceException("interrupted while the benchmark's clients ran", e);
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (!failed.isEmpty()) {
            Throwable first = failed.peek();
            throw new OpenCceException("a benchmark client failed: " + first, first);
        }
        Phase phase = new Phase();
        for (Browser b : browsers) {
            phase.posts.addAll(b.posts);
            phase.forms.addAll(b.forms);
        }
        phase.posts.seconds = elapsed;
        phase.forms.seconds = elapsed;
        return phase;
    }

    private static boolean staticFile(Browser b, String base) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = b.http.send(HttpRequest.newBuilder(URI.create(base + STATIC_FILE)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        b.posts.add(System.nanoTime() - t0, r.statusCode(), r.statusCode() == 200);
        return true;
    }

    /**
     * One customer's opt-out, as a browser makes it: open the form (a new session cookie and its CSRF
     * token), post it. The customer's address is made from the account's index, so each is a client of
     * its own.
     */
    private static boolean optOut(Browser b, String base, Accounts accounts, Queue<Accepted> confirmed)
            throws IOException, InterruptedException {
        int i = accounts.take();
        if (i < 0) {
            return false;
        }
        String address = "10." + ((i >> 16) & 0xff) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
        long t0 = System.nanoTime();
        HttpResponse<String> form = b.http.send(HttpRequest.newBuilder(URI.create(base + "/choose"))
                .header("X-Forwarded-For", address).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher token = CSRF.matcher(form.body());
        Optional<String> cookie = form.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]);
        boolean opened = form.statusCode() == 200 && token.find() && cookie.isPresent();
        b.forms.add(System.nanoTime() - t0, form.statusCode(), opened);
        if (!opened) {
            return true;
        }
        String body = "account_number=" + enc(CampaignFiles.accountNumber(i)) + "&zip="
                + enc(CampaignFiles.serviceZip(i)) + "&kind=opt-out&product=&csrf=" + enc(token.group(1));
        t0 = System.nanoTime();
        HttpResponse<String> done = b.http.send(HttpRequest.newBuilder(URI.create(base + "/choose"))
                .header("X-Forwarded-For", address).header("Cookie", cookie.get())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long latency = System.nanoTime() - t0;
        Matcher confirmation = CONFIRMATION.matcher(done.body());
        boolean accepted = done.statusCode() == 200 && confirmation.find();
        b.posts.add(latency, done.statusCode(), accepted);
        if (accepted) {
            confirmed.add(new Accepted(i, confirmation.group(1).strip()));
        }
        return true;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
