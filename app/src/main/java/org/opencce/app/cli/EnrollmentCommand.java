package org.opencce.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.opencce.app.Installation;
import org.opencce.app.enrollment.EnrollmentService;
import org.opencce.domain.community.Program;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.report.BatchReport;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.formats.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce enrollment …}: the opt-out campaign and the enrollment run (issue 6; docs/enrollment.md). */
@Command(name = "enrollment", mixinStandardHelpOptions = true,
        description = "Run the enrollment campaign: notices, returned mail, opt-outs, the enrollment run, status,"
                + " renewal notices.",
        subcommands = {EnrollmentCommand.Notices.class, EnrollmentCommand.ReturnedMail.class, EnrollmentCommand.OptOut.class, EnrollmentCommand.Run.class,
                EnrollmentCommand.Status.class, EnrollmentCommand.RenewalNotices.class})
final class EnrollmentCommand extends GroupCommand {

    static EnrollmentService service(Installation installation) {
        return new EnrollmentService(installation.database(), ReferenceData.instance().basicServiceRates(),
                Clock.systemUTC());
    }

    /** The default actor of the audit log and the events: the operating-system user. */
    static String actor(String given) {
        return given != null ? given : "cli:" + System.getProperty("user.name");
    }

    /** {@code opencce enrollment notices --mailing-date D --out DIR}. */
    @Command(name = "notices", mixinStandardHelpOptions = true,
            description = {"Write the opt-out notice of every eligible account not yet notified (letters-0001.pdf, "
                    + "... of at most 1,000 letters, and manifest.csv in DIR) and record them as mailed.",
                "The opt-out window runs from the mailing date for the program's window days. Nothing is recorded"
                        + " and no file is left if writing fails; accounts whose notice came back, that opted out or"
                        + " that are with a competitive supplier get no letter."})
    static final class Notices implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--mailing-date", paramLabel = "DATE", required = true,
                description = "The day the letters are mailed (YYYY-MM-DD): the opt-out window runs from it.")
        LocalDate mailingDate;

        @Option(names = "--out", paramLabel = "DIR", required = true,
                description = "An empty (or new) folder for the letters and the manifest.")
        Path out;

        @Option(names = "--town", paramLabel = "TOWN", description = "Only the accounts of this town.")
        String town;

        @Option(names = "--limit", paramLabel = "N", description = "At most N letters (the first by account id).")
        Integer limit;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who mails them, for the history and the audit"
                + " log (default: the operating-system user).")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (limit != null && limit < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, was "
                        + limit);
            }
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                int eligible = installation.database().enrollments().counts(program.id()).total()
                        .count(EnrollmentState.ELIGIBLE);
                EnrollmentService.NoticeResult result;
                try (ProgressBar bar = new ProgressBar("Writing notices", Math.max(1, eligible))) {
                    result = service(installation).mailNotices(program.id(), mailingDate, out, Optional.ofNullable(town),
                            limit == null ? OptionalInt.empty() : OptionalInt.of(limit), actor(actor), bar::advance);
                }
                PrintWriter o = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("letters", result.letters());
                    j.put("files", result.files().stream().map(Path::toString).toList());
                    j.put("manifest", result.manifest().toString());
                    j.put("mailing_date", result.mailingDate().toString());
                    j.put("window_closes", result.windowCloses().toString());
                    j.put("skipped", result.skipped());
                    Output.printJson(o, j);
                    return;
                }
                o.printf("%,d notices mailed on %s; the opt-out window closes on %s.%n", result.letters(),
                        result.mailingDate(), result.windowCloses());
                for (Path file : result.files()) {
                    o.printf("  %s%n", file);
                }
                o.printf("  %s%n", result.manifest());
                o.printf("No letter: %s%n", result.skipped());
                o.flush();
            }
        }
    }

    /** {@code opencce enrollment renewal-notices --mailing-date D --effective E --out DIR}. */
    @Command(name = "renewal-notices", mixinStandardHelpOptions = true,
            description = {"At a new supply contract, write the renewal notice of every account enrolled or being"
                    + " enrolled (letters-0001.pdf, ... and manifest.csv in DIR) and record them as mailed.",
                "Each letter names the account's product with the price and term the program file now gives it,"
                        + " beside Basic Service, the effective date, that the customer stays enrolled unless they"
                        + " opt out, and how to opt out at no fee. No account changes state. Refused if the"
                        + " effective date is not after the mailing date or no account is enrolled."})
    static final class RenewalNotices implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--mailing-date", paramLabel = "DATE", required = true,
                description = "The day the letters are mailed (YYYY-MM-DD).")
        LocalDate mailingDate;

        @Option(names = "--effective", paramLabel = "DATE", required = true,
                description = "The day the new prices take effect (YYYY-MM-DD), after the mailing date: the utility"
                        + " applies them from the first meter read on or after it.")
        LocalDate effective;

        @Option(names = "--out", paramLabel = "DIR", required = true,
                description = "An empty (or new) folder for the letters and the manifest.")
        Path out;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who mails them, for the history and the audit"
                + " log (default: the operating-system user).")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                EnrollmentCounts counts = installation.database().enrollments().counts(program.id());
                int supplied = counts.total().count(EnrollmentState.ENROLLED)
                        + counts.total().count(EnrollmentState.ENROLLING);
                EnrollmentService.RenewalResult result;
                try (ProgressBar bar = new ProgressBar("Writing renewal notices", Math.max(1, supplied))) {
                    result = service(installation).mailRenewalNotices(program.id(), mailingDate, effective, out,
                            actor(actor), bar::advance);
                }
                PrintWriter o = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("letters", result.letters());
                    j.put("files", result.files().stream().map(Path::toString).toList());
                    j.put("manifest", result.manifest().toString());
                    j.put("mailing_date", result.mailingDate().toString());
                    j.put("effective", result.effective().toString());
                    Map<String, Object> byProduct = new LinkedHashMap<>();
                    result.byProduct().forEach((id, p) -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("letters", p.letters());
                        entry.put("price_cents_per_kwh", p.product().price().centsPerKilowattHour());
                        entry.put("term_start", p.product().termStart().toString());
                        entry.put("term_end", p.product().termEnd().toString());
                        byProduct.put(id, entry);
                    });
                    j.put("by_product", byProduct);
                    Output.printJson(o, j);
                    return;
                }
                o.printf("%,d renewal notices mailed on %s; the new prices take effect on %s.%n", result.letters(),
                        result.mailingDate(), result.effective());
                result.byProduct().forEach((id, p) -> o.printf("  %-14s %,6d letters  %s ¢/kWh, %s to %s%n", id,
                        p.letters(), p.product().price().centsPerKilowattHour().toPlainString(),
                        p.product().termStart(), p.product().termEnd()));
                for (Path file : result.files()) {
                    o.printf("  %s%n", file);
                }
                o.printf("  %s%n", result.manifest());
                o.flush();
            }
        }
    }

    /** What the bulk commands share: the file, the actor, the JSON switch. */
    abstract static class Bulk implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Parameters(paramLabel = "FILE", description = "CSV with an account_number column and an optional utility"
                + " column (docs/formats/enrollment-csv.md).")
        Path file;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who records it, for the history and the audit"
                + " log (default: the operating-system user).")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        abstract EnrollmentService.BulkAction action();

        abstract Channel channel();

        @Override
        public void run() {
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                EnrollmentService.BulkResult result = service(installation)
                        .applyFile(program.id(), file, action(), channel(), actor(actor));
                print(result, spec.commandLine().getOut());
            }
        }

        private void print(EnrollmentService.BulkResult result, PrintWriter out) {
            BatchReport report = result.report();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("source", report.source());
                o.put("read", report.read());
                o.put("accepted", report.accepted());
                o.put("applied", result.applied());
                o.put("unchanged", lines(result.unchanged()));
                o.put("rejected", report.rejected());
                o.put("alreadyImported", report.alreadyImported());
                o.put("rejections", lines(report.rejections()));
                Output.printJson(out, o);
                return;
            }
            if (report.alreadyImported()) {
                out.printf("%s was applied before (same contents); nothing changed.%n", report.source());
            }
            out.printf("%s: read %,d = accepted %,d + rejected %,d; %,d applied, %,d already so%n", report.source(),
                    report.read(), report.accepted(), report.rejected(), result.applied(), result.unchanged().size());
            for (BatchReport.Rejection r : result.unchanged()) {
                out.printf("  line %d: %s%n", r.line(), r.reason());
            }
            for (BatchReport.Rejection r : report.rejections()) {
                out.printf("  line %d refused: %s%n", r.line(), r.reason());
            }
            out.flush();
        }

        private static List<Map<String, Object>> lines(List<BatchReport.Rejection> rejections) {
            return rejections.stream().map(r -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("line", r.line());
                o.put("reason", r.reason());
                return o;
            }).toList();
        }
    }

    /** {@code opencce enrollment returned-mail FILE}. */
    @Command(name = "returned-mail", mixinStandardHelpOptions = true,
            description = {"Record opt-out notices that came back undeliverable: those accounts are not enrolled.",
                "Applied in one transaction; each row is applied or refused with its line and reason; the same file"
                        + " applied again changes nothing."})
    static final class ReturnedMail extends Bulk {
        @Override
        EnrollmentService.BulkAction action() {
            return EnrollmentService.BulkAction.RETURNED_MAIL;
        }

        @Override
        Channel channel() {
            return Channel.MAIL;
        }
    }

    /** {@code opencce enrollment opt-out FILE [--channel C]}. */
    @Command(name = "opt-out", mixinStandardHelpOptions = true,
            description = {"Record customers' opt-outs (at any time, with no fee; before enrollment an opt-out always"
                    + " wins).", "Applied in one transaction; each row is applied or refused with its line and reason;"
                    + " an account already opted out is reported and left as it is; the same file applied again"
                    + " changes nothing."})
    static final class OptOut extends Bulk {
        @Option(names = "--channel", paramLabel = "CHANNEL", defaultValue = "mail",
                description = "How the opt-outs arrived: phone, mail, web or reply_card (default: ${DEFAULT-VALUE}).")
        String channel;

        @Override
        EnrollmentService.BulkAction action() {
            return EnrollmentService.BulkAction.OPT_OUT;
        }

        @Override
        Channel channel() {
            Channel c = Channel.fromWireName(channel).orElse(Channel.SYSTEM);
            if (c != Channel.PHONE && c != Channel.MAIL && c != Channel.WEB && c != Channel.REPLY_CARD) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--channel must be phone, mail,"
                        + " web or reply_card, was '" + channel + "'");
            }
            return c;
        }
    }

    /** {@code opencce enrollment run --launch D [--today D]}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Queue the enrollment of every notified account whose opt-out window has closed (from the"
                    + " launch date on), with the product its customer chose or the default product.",
                "One transaction; running it again finds nothing more to do."})
    static final class Run implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--launch", paramLabel = "DATE", required = true, description = "The program's launch date"
                + " (YYYY-MM-DD): nothing is enrolled before it.")
        LocalDate launch;

        @Option(names = "--today", paramLabel = "DATE", description = "Run as on this day (YYYY-MM-DD), for tests"
                + " and the demo (default: today in Massachusetts).")
        LocalDate today;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the audit log.")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            // --today stands for noon of that day in Massachusetts: well inside the day whatever the offset.
            Instant now = today == null ? Instant.now()
                    : today.atTime(LocalTime.NOON).atZone(LocalCalendar.ZONE).toInstant();
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                EnrollmentService.RunResult result = service(installation)
                        .run(program.id(), launch, now, actor(actor));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("launch", result.launch().toString());
                    o.put("today", result.today().toString());
                    o.put("requested", result.requested());
                    o.put("by_town", result.byTown());
                    Output.printJson(out, o);
                    return;
                }
                if (result.today().isBefore(result.launch())) {
                    out.printf("Nothing to do before the launch on %s (today is %s).%n", result.launch(), result.today());
                }
                out.printf("%,d enrollment requests queued on %s.%n", result.requested(), result.today());
                result.byTown().forEach((town, n) -> out.printf("  %-20s %,d%n", town, n));
                out.flush();
            }
        }
    }

    /** {@code opencce enrollment status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Accounts by enrollment state, and the eligible low-income and net-metered accounts, for the"
                    + " program and each town.")
    static final class Status implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                EnrollmentCounts counts = service(installation)
                        .status(program.id());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> o = tally(counts.total());
                    Map<String, Object> towns = new LinkedHashMap<>();
                    counts.byTown().forEach((town, t) -> towns.put(town, tally(t)));
                    o.put("by_town", towns);
                    Output.printJson(out, o);
                    return;
                }
                out.printf("%s: %,d accounts with an enrollment history%n", program.name(), counts.total().accounts());
                print(out, "", counts.total());
                counts.byTown().forEach((town, t) -> {
                    out.printf("%s: %,d accounts%n", town, t.accounts());
                    print(out, "  ", t);
                });
                out.flush();
            }
        }

        private static Map<String, Object> tally(EnrollmentCounts.Tally t) {
            Map<String, Object> o = new LinkedHashMap<>();
            Map<String, Integer> byState = new LinkedHashMap<>();
            for (EnrollmentState state : EnrollmentState.values()) {
                byState.put(state.wireName(), t.count(state));
            }
            o.put("by_state", byState);
            o.put("eligible_low_income", t.eligibleLowIncome());
            o.put("eligible_net_metered", t.eligibleNetMetered());
            o.put("enrolled_low_income", t.enrolledLowIncome());
            o.put("enrolled_net_metered", t.enrolledNetMetered());
            return o;
        }

        private static void print(PrintWriter out, String indent, EnrollmentCounts.Tally t) {
            for (EnrollmentState state : EnrollmentState.values()) {
                if (t.count(state) > 0) {
                    out.printf("%s  %-24s %,d%n", indent, state.displayName(), t.count(state));
                }
            }
            out.printf("%s  eligible low-income %,d, net-metered %,d; enrolled low-income %,d, net-metered %,d%n", indent,
                    t.eligibleLowIncome(), t.eligibleNetMetered(), t.enrolledLowIncome(), t.enrolledNetMetered());
        }
    }
}
