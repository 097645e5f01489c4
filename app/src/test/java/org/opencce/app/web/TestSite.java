package org.opencce.app.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencce.app.enrollment.InMemoryEnrollmentRequests;
import org.opencce.app.load.LoadProfiles;
import org.opencce.app.security.Passwords;
import org.opencce.app.security.TrustedProxies;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.rates.BasicServiceRate;
import org.opencce.domain.rates.BasicServiceRates;
import org.opencce.domain.supply.ClassIStandard;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;
import org.opencce.store.Database;
import org.opencce.store.DatabaseSettings;
import org.opencce.store.IntervalStore;
import org.opencce.store.UserStore.Role;
import org.opencce.store.parquet.ParquetIntervalStore;

/**
 * The web app as the tests meet it: the real server on a random port over a real embedded
 * PostgreSQL and real Parquet files in a temporary folder, seeded with the Valley fixture community,
 * three days of hourly reads for every account, and four users; customer requests go to an
 * {@link InMemoryEnrollmentRequests} over the fixture accounts. One per test class.
 */
final class TestSite implements AutoCloseable {
    /** "Today" for the site: Saturday, March 15, 2025, 11 AM in Amherst. */
    static final Instant NOW = Instant.parse("2025-03-15T15:00:00Z");
    /** The interval data: January 6 to 8, 2025 (local days), every hour. */
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 6);
    static final int DAYS = 3;
    static final String PASSWORD_SUFFIX = "-correct-horse";

    /** The Eversource rate ended before {@link #NOW}: the page must say it is the latest published one. */
    static final BasicServiceRate EVERSOURCE_RATE = new BasicServiceRate(Utility.EVERSOURCE_WMA, "R-1",
            LocalDate.of(2024, 8, 1), LocalDate.of(2025, 1, 31), EnergyPrice.ofCentsPerKilowattHour("14.020"),
            "https://www.eversource.com/content/residential/about/news");
    /** The National Grid rate is in force on {@link #NOW}. */
    static final BasicServiceRate NATIONAL_GRID_RATE = new BasicServiceRate(Utility.NATIONAL_GRID_MA, "R-1",
            LocalDate.of(2025, 2, 1), LocalDate.of(2025, 7, 31), EnergyPrice.ofCentsPerKilowattHour("14.672"),
            "https://www.nationalgridus.com/MA-Home/Rates/Basic-Service");

    final Database database;
    final ParquetIntervalStore intervals;
    final WebApp app;
    final String base;
    /** The kWh written for each account, hour by hour from the start of {@link #FIRST_DAY}. */
    final Map<AccountId, double[]> kwhWritten;
    /** What the portal and the console applied. */
    final InMemoryEnrollmentRequests enrollment;
    private final Clock clock;

    private TestSite(Database database, ParquetIntervalStore intervals, WebApp app, int port,
            Map<AccountId, double[]> kwhWritten, InMemoryEnrollmentRequests enrollment, Clock clock) {
        this.database = database;
        this.intervals = intervals;
        this.app = app;
        this.base = "http://127.0.0.1:" + port;
        this.kwhWritten = kwhWritten;
        this.enrollment = enrollment;
        this.clock = clock;
    }

    static TestSite start(Path folder) {
        return start(folder, TrustedProxies.NONE);
    }

    /** A site that believes {@code X-Forwarded-*} headers from {@code proxies}. */
    static TestSite start(Path folder, TrustedProxies proxies) {
        return start(folder, proxies, Clock.fixed(NOW, LocalCalendar.ZONE));
    }

    /** A site whose "now" is {@code clock} (e.g. one the test moves, for rate limits). */
    static TestSite start(Path folder, TrustedProxies proxies, Clock clock) {
        Database database = Database.open(DatabaseSettings.embedded(folder.resolve("db")));
        ParquetIntervalStore intervals = null;
        try {
            database.programs().save(Fixtures.valleyProgram());
            database.programs().saveProducts(Fixtures.valleyProducts());
            database.accounts().upsert(Fixtures.valleyAccounts());
            for (String name : List.of("admin", "staff", "viewer", "outsider")) {
                database.users().saveUser(name, Passwords.hash(password(name)));
            }
            database.users().grant("admin", Fixtures.VALLEY, Role.ADMIN);
            database.users().grant("staff", Fixtures.VALLEY, Role.STAFF);
            database.users().grant("viewer", Fixtures.VALLEY, Role.VIEWER);
            // "outsider" has an account but no role in the program.

            intervals = new ParquetIntervalStore(folder.resolve("intervals"));
            Map<AccountId, double[]> written = writeIntervals(intervals);
            InMemoryEnrollmentRequests enrollment = new InMemoryEnrollmentRequests(Fixtures.valleyAccounts());
            WebApp app = webApp(database, intervals, proxies, enrollment, clock);
            int port = app.start("127.0.0.1", 0);
            return new TestSite(database, intervals, app, port, written, enrollment, clock);
        } catch (RuntimeException e) {
            if (intervals != null) {
                intervals.close();
            }
            database.close();
            throw e;
        }
    }

    /** A new web app (not started) over the site's database and interval data, as after a restart. */
    WebApp newWebApp() {
        return webApp(database, intervals, TrustedProxies.NONE, enrollment, clock);
    }

    private static WebApp webApp(Database database, IntervalStore intervals, TrustedProxies proxies,
            InMemoryEnrollmentRequests enrollment, Clock clock) {
        LoadProfiles loads = new LoadProfiles(database.programs(), database.accounts(), intervals);
        return new WebApp(new WebApp.Dependencies(Fixtures.VALLEY, database.programs(), database.accounts(),
                database.enrollments(), database.users(), database.sessions(), database.audit(), intervals, loads,
                new BasicServiceRates(List.of(EVERSOURCE_RATE, NATIONAL_GRID_RATE)),
                new ClassIStandard(Map.of(2024, Percent.of(24), 2025, Percent.of(27), 2026, Percent.of(30))),
                enrollment, proxies, clock));
    }

    static char[] password(String user) {
        return (user + PASSWORD_SUFFIX).toCharArray();
    }

    /** A new browser-like client without cookies. */
    WebClient client() {
        return new WebClient(base);
    }

    /** A client signed in as {@code user}. */
    WebClient signedIn(String user) {
        WebClient client = client();
        client.logIn(user, new String(password(user)));
        return client;
    }

    /** The kWh written for the accounts of {@code town} over the whole data. */
    double kwhWrittenIn(String town) {
        double sum = 0;
        for (Account a : Fixtures.valleyAccounts()) {
            if (a.town().equals(town)) {
                for (double v : kwhWritten.get(a.id())) {
                    sum += v;
                }
            }
        }
        return sum;
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            try {
                intervals.close();
            } finally {
                database.close();
            }
        }
    }

    /**
     * Writes {@link #DAYS} days of hourly reads for every fixture account: a daily shape that peaks in
     * the evening, scaled per account, so that towns and hours differ.
     */
    private static Map<AccountId, double[]> writeIntervals(IntervalStore intervals) {
        Instant start = LocalCalendar.startOfDay(FIRST_DAY);
        int hours = DAYS * 24;
        Map<AccountId, double[]> written = new HashMap<>();
        try (IntervalStore.IntervalWriter writer = intervals.writer()) {
            for (Account a : Fixtures.valleyAccounts()) {
                double[] kwh = new double[hours];
                for (int h = 0; h < hours; h++) {
                    int hourOfDay = h % 24;
                    double evening = hourOfDay >= 17 && hourOfDay <= 21 ? 0.8 : 0.0;
                    kwh[h] = Math.round((0.3 + 0.15 * a.id().value() + 0.02 * hourOfDay + evening) * 1000) / 1000.0;
                }
                writer.append(a.id(), IntervalSeries.valid(start, Duration.ofHours(1), kwh));
                written.put(a.id(), kwh);
            }
            writer.commit();
        }
        return written;
    }
}
