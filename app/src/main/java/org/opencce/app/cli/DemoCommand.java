package org.opencce.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.opencce.app.Installation;
import org.opencce.app.demo.DemoBuilder;
import org.opencce.app.demo.DemoEnrollment;
import org.opencce.app.demo.OneTimePassword;
import org.opencce.app.program.ProgramSetup;
import org.opencce.app.security.Passwords;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramUpdate;
import org.opencce.formats.reference.ReferenceData;
import org.opencce.store.Database;
import org.opencce.store.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code opencce demo}: builds the demo program (or reuses the one already built with the same
 * settings), gives the admin user a new one-time password and serves the web app.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Build the demo program Valley Green Energy (Amherst, Northampton, Pelham) with a synthetic "
                + "population and one year of hourly usage, then serve it.",
            "A second run reuses the demo already built with the same --seed, --scale and --launch "
                    + "(fast start) unless --fresh is given."})
final class DemoCommand implements Runnable {
    private static final String MARKER = "demo.properties";
    private static final String STATE_BUILDING = "building";
    private static final String STATE_BUILT = "built";
    private static final String ACTOR = "cli:demo";

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Random seed; the same seed builds the same demo (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1.0", paramLabel = "X",
            description = "Size relative to the real towns (about 28,000 accounts at 1.0; 0.1 builds a small "
                    + "demo in seconds) (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--launch", defaultValue = "2025-01-01", paramLabel = "YYYY-MM-DD",
            description = "Launch date of the program; usage covers the year from it (default: ${DEFAULT-VALUE}).")
    LocalDate launch;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "TCP port of the web app (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--fresh", description = "Throw away the demo already built and build it again.")
    boolean fresh;

    @Option(names = "--no-serve", description = "Build (or check) the demo and exit without serving it.")
    boolean noServe;

    @Option(names = "--json", description = "Print one JSON object describing the demo before serving.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Path dataDir = global.dataDir();
        long started = System.nanoTime();
        Installation installation = global.createOrOpenInstallation();
        try {
            DemoBuilder builder = new DemoBuilder(ReferenceData.instance());
            Database db = installation.database();
            Properties built = readMarker(dataDir);
            boolean exists = db.programs().find(DemoBuilder.PROGRAM_ID).isPresent();
            // A build that was killed left its marker saying so: what it built is incomplete and is
            // the demo's own, so building again is safe and is what this run asks for.
            boolean unfinished = built != null && STATE_BUILDING.equals(built.getProperty("state"));
            boolean same = exists && built != null && !unfinished
                    && String.valueOf(seed).equals(built.getProperty("seed"))
                    && String.valueOf(scale).equals(built.getProperty("scale"))
                    && launch.toString().equals(built.getProperty("launch"));
            if (exists && !same && !fresh && !unfinished) {
                throw new OpenCceException(built == null
                        ? "the demo program in " + dataDir + " has no record of a finished build (" + MARKER + " is"
                                + " missing); add --fresh to rebuild it with seed " + seed + ", scale " + scale
                                + ", launch " + launch
                        : "the demo in " + dataDir + " was built with seed " + built.getProperty("seed") + ", scale "
                                + built.getProperty("scale") + ", launch " + built.getProperty("launch")
                                + "; add --fresh to rebuild it with seed " + seed + ", scale " + scale + ", launch "
                                + launch);
            }
            if (unfinished && !fresh) {
                err("The last demo build in %s did not finish; building it again.", dataDir);
            }
            boolean rebuilt = !same || fresh;
            if (rebuilt) {
                build(builder, installation, dataDir);
            } else {
                err("Reusing the demo already built in %s (add --fresh to rebuild it).", dataDir);
            }
            Program program = db.programs().find(DemoBuilder.PROGRAM_ID).orElseThrow();
            String adminPassword = oneTimePassword(db.users(), "admin", UserStore.Role.ADMIN, program);
            String viewerPassword = oneTimePassword(db.users(), "viewer", UserStore.Role.VIEWER, program);
            db.audit().append(program.id(), "cli:demo", "users.passwords", "new one-time passwords for admin, viewer");
            long accounts = db.accounts().count(program.id());
            double seconds = (System.nanoTime() - started) / 1e9;
            if (noServe) {
                report(program, accounts, installation.intervals().countReads(), rebuilt, seconds, null, adminPassword,
                        viewerPassword);
                installation.close();
                return;
            }
            ServeCommand.serveUntilStoppedAfter(installation, program, network, port, spec, url ->
                    report(program, accounts, installation.intervals().countReads(), rebuilt, seconds, url,
                            adminPassword, viewerPassword));
        } catch (RuntimeException e) {
            installation.close();
            throw e;
        }
    }

    private void build(DemoBuilder builder, Installation installation, Path dataDir) {
        Database db = installation.database();
        writeMarker(dataDir, STATE_BUILDING);
        if (fresh || db.programs().find(DemoBuilder.PROGRAM_ID).isPresent()) {
            err("Removing the demo built before...");
            installation.intervals().deleteAccounts(db.accounts().all(DemoBuilder.PROGRAM_ID).stream()
                    .map(Account::id).toList());
            db.programs().deleteAccountsAndProducts(DemoBuilder.PROGRAM_ID);
        }
        // The demo defines its program as a program file does, through the same setup and rules.
        ProgramDefinition definition = builder.definition(launch);
        Program program = definition.program();
        List<Product> products = definition.products();
        List<Account> accounts = builder.accounts(program, products, seed, scale);
        ProgramSetup setup = new ProgramSetup(db.programs());
        if (db.programs().find(DemoBuilder.PROGRAM_ID).isPresent()) {
            ProgramUpdate.Decision decision = setup.update(definition, DemoBuilder.PROGRAM_ID, ACTOR, "demo");
            if (decision instanceof ProgramUpdate.Refused) {
                throw new OpenCceException("the demo program cannot be rebuilt: "
                        + String.join("; ", ((ProgramUpdate.Refused) decision).reasons()));
            }
        } else {
            setup.init(definition, ACTOR, "demo");
        }
        db.accounts().upsert(accounts);
        DemoEnrollment.record(db.enrollments(), db.programs().find(program.id()).orElseThrow(),
                products.stream().filter(Product::isDefault).map(Product::id).findFirst(), accounts);
        err("Created %s: %d towns, %d products, %,d accounts.", program.name(), program.towns().size(),
                products.size(), accounts.size());
        try (ProgressBar bar = new ProgressBar("Generating hourly usage", accounts.size())) {
            builder.writeUsage(accounts, builder.weather(program), seed, installation.intervals(), bar::advance);
        }
        installation.loads().invalidate();
        db.audit().append(program.id(), "cli:demo", "demo.build", "seed " + seed + ", scale " + scale + ", launch "
                + launch + ", " + accounts.size() + " accounts");
        writeMarker(dataDir, STATE_BUILT);
    }

    private static String oneTimePassword(UserStore users, String username, UserStore.Role role, Program program) {
        String password = OneTimePassword.next();
        users.saveUser(username, Passwords.hash(password.toCharArray()), true);
        users.grant(username, program.id(), role);
        return password;
    }

    private void report(Program program, long accounts, long reads, boolean rebuilt, double seconds, String url,
            String adminPassword, String viewerPassword) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("program", program.id().value());
            result.put("accounts", accounts);
            result.put("reads", reads);
            result.put("rebuilt", rebuilt);
            result.put("seconds", Math.round(seconds * 10) / 10.0);
            result.put("url", url);
            result.put("adminUser", "admin");
            result.put("adminPassword", adminPassword);
            result.put("viewerUser", "viewer");
            result.put("viewerPassword", viewerPassword);
            Output.printJson(out, result);
            return;
        }
        out.printf("%n%s is ready: %,d accounts, %,d hourly reads (%s in %.1f s).%n", program.name(), accounts, reads,
                rebuilt ? "built" : "reused", seconds);
        if (url != null) {
            out.printf("  Public site:    %s%n", url);
            out.printf("  Staff console:  %sconsole%n", url);
        }
        out.printf("  Sign in as admin  with one-time password  %s%n", adminPassword);
        out.printf("  Sign in as viewer with one-time password  %s  (no personal information)%n", viewerPassword);
        out.println("  (New passwords are made each time the demo starts; the console asks for a password of");
        out.println("   your own at the first sign-in.)");
        if (url != null) {
            out.println("Press Ctrl-C to stop.");
        }
        out.flush();
    }

    private Properties readMarker(Path dataDir) {
        Path file = dataDir.resolve(MARKER);
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new OpenCceException("cannot read " + file + ": " + e.getMessage() + "; delete it and run again", e);
        }
        return p;
    }

    /** Writes the marker whole or not at all (a temporary file renamed over it), so a kill cannot cut it short. */
    private void writeMarker(Path dataDir, String state) {
        Properties p = new Properties();
        p.setProperty("state", state);
        p.setProperty("seed", String.valueOf(seed));
        p.setProperty("scale", String.valueOf(scale));
        p.setProperty("launch", launch.toString());
        Path file = dataDir.resolve(MARKER);
        Path temp = dataDir.resolve(MARKER + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(w, "settings of the demo built in this data directory; state " + STATE_BUILDING
                        + " while a build runs");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new OpenCceException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void err(String format, Object... args) {
        if (!json) {
            spec.commandLine().getErr().printf(format + "%n", args);
            spec.commandLine().getErr().flush();
        }
    }
}
