package org.opencce.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencce.app.Installation;
import org.opencce.app.edi.EdiSetupChanges;
import org.opencce.app.enrollment.EnrollmentService;
import org.opencce.app.program.ProgramSetup;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramContact;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramDiff;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.ProgramUpdate;
import org.opencce.domain.community.Town;
import org.opencce.formats.program.ProgramFile;
import org.opencce.formats.program.ProgramFileReader;
import org.opencce.formats.program.ProgramFileWriter;
import org.opencce.store.ProgramStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code opencce program …}: a program defined by its program file (docs/formats/program.md), created,
 * changed and shown. A bad file is refused before anything is opened, with the line, field and reason
 * of every problem; a refused change names every reason; both exit with 1.
 */
@Command(name = "program", mixinStandardHelpOptions = true,
        description = "Define a program from its program file: name, contact, towns, products, launch, opt-out window;"
                + " end it.",
        subcommands = {ProgramCommand.Init.class, ProgramCommand.Update.class, ProgramCommand.Show.class,
                ProgramCommand.End.class})
final class ProgramCommand extends GroupCommand {

    /** {@code opencce program init FILE}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create a program from its program file (YAML; docs/formats/program.md), and the "
                    + "installation if there is none yet.",
                "Refused if a program with the file's id exists: change it with 'opencce program update FILE'."})
    static final class Init implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Parameters(paramLabel = "FILE", description = "The program file.")
        Path file;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who creates the program, for the audit log "
                + "(default: the operating-system user).")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            // Read first: a bad file must not leave a new, empty installation behind.
            ProgramFile read = ProgramFileReader.read(file).orElseThrow();
            try (Installation installation = global.createOrOpenInstallation()) {
                ProgramDefinition definition = read.definition();
                ProgramDiff created = new ProgramSetup(installation.database().programs())
                        .init(definition, actorOrUser(actor), read.source());
                List<String> edi = ediSetup(installation, definition.id(), read, actorOrUser(actor));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("program", definition.id().value());
                    result.put("source", read.source());
                    result.put("created", true);
                    List<String> changes = new ArrayList<>(created.lines());
                    changes.addAll(edi);
                    result.put("changes", changes);
                    Output.printJson(out, result);
                    return;
                }
                Program p = definition.program();
                out.printf("Created %s (%s) from %s: %d town%s, %d product%s, launch %s, opt-out window %d days.%n",
                        p.name(), p.id(), read.source(), p.towns().size(), p.towns().size() == 1 ? "" : "s",
                        definition.products().size(), definition.products().size() == 1 ? "" : "s", p.launchDate(),
                        p.optOutWindowDays());
                out.println(read.edi().map(e -> "EDI 814/997: the file's trading partners, " + e.usage().name()
                        .toLowerCase(Locale.ROOT) + " data, supplier " + e.supplier().qualifier() + " "
                        + e.supplier().id() + ".").orElse("EDI 814/997: the test defaults (fictitious ids, files marked"
                        + " test data); give the utilities' real ids in an edi: section (docs/formats/program.md)."));
                out.printf("Next: add a console user with 'opencce users add NAME --role admin --program %s', then"
                        + " import each utility's customer list with 'opencce accounts import FILE'.%n", p.id());
                out.flush();
            }
        }
    }

    /** {@code opencce program update FILE}. */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Change a program to what its program file now says, and show what changed.",
                "The change is applied whole or not at all and written to the audit log. Refused, changing nothing, "
                        + "when it would remove a town or product that has accounts, change a town's utility under "
                        + "its accounts, change the program's id, or leave it without exactly one default product.",
                "Adding a town is how a town joins: its customer list can then be imported."})
    static final class Update implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Parameters(paramLabel = "FILE", description = "The program file.")
        Path file;

        @Option(names = "--dry-run", description = "Only show what would change; change nothing.")
        boolean dryRun;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who changes the program, for the audit log "
                + "(default: the operating-system user).")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            ProgramFile read = ProgramFileReader.read(file).orElseThrow();
            try (Installation installation = global.openInstallation()) {
                ProgramStore programs = installation.database().programs();
                ProgramId target = target(programs, read.definition().id());
                ProgramSetup setup = new ProgramSetup(programs);
                ProgramUpdate.Decision decision = dryRun ? setup.preview(read.definition(), target)
                        : setup.update(read.definition(), target, actorOrUser(actor), read.source());
                if (decision instanceof ProgramUpdate.Refused) {
                    throw new OpenCceException(refusal(target, read.source(), (ProgramUpdate.Refused) decision));
                }
                List<String> changes = new ArrayList<>(decision.diff().lines());
                changes.addAll(dryRun
                        ? new EdiSetupChanges(installation.database().edi()).preview(target, read.edi())
                        : ediSetup(installation, target, read, actorOrUser(actor)));
                print(target, read.source(), changes);
            }
        }

        /**
         * The program to change: the one --program names, else the file's when it exists, else the only
         * program (so that a changed id is shown as refused rather than as an unknown program).
         */
        private ProgramId target(ProgramStore programs, ProgramId fileId) {
            if (programChoice.program == null && programs.find(fileId).isPresent()) {
                return fileId;
            }
            return programChoice.resolve(programs).id();
        }

        private static String refusal(ProgramId target, String source, ProgramUpdate.Refused refused) {
            StringBuilder s = new StringBuilder("the update of program " + target + " from " + source
                    + " is refused; nothing was changed:");
            refused.reasons().forEach(r -> s.append("\n  - ").append(r));
            if (!refused.diff().isEmpty()) {
                s.append("\nThe file would change:");
                refused.diff().lines().forEach(l -> s.append("\n  ").append(l));
            }
            return s.toString();
        }

        private void print(ProgramId target, String source, List<String> changes) {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("program", target.value());
                result.put("source", source);
                result.put("dryRun", dryRun);
                result.put("applied", !dryRun && !changes.isEmpty());
                result.put("changes", changes);
                Output.printJson(out, result);
                return;
            }
            if (changes.isEmpty()) {
                out.printf("%s changes nothing in program %s.%n", source, target);
            } else {
                out.printf(dryRun ? "%s would change program %s (dry run: nothing was changed):%n"
                        : "Updated program %s from %s:%n", dryRun ? source : target, dryRun ? target : source);
                changes.forEach(l -> out.printf("  %s%n", l));
            }
            out.flush();
        }
    }

    /** {@code opencce program show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show the program: contact, towns, products, launch and opt-out window.",
                "With --yaml, print it as a program file to edit and apply with 'opencce program update FILE'."})
    static final class Show implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Option(names = "--yaml", description = "Print the program as a program file (docs/formats/program.md).")
        boolean yaml;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (json && yaml) {
                throw new ParameterException(spec.commandLine(), "--json and --yaml exclude each other; choose one");
            }
            try (Installation installation = global.openInstallation()) {
                ProgramStore programs = installation.database().programs();
                ProgramDefinition definition = new ProgramSetup(programs).show(programChoice.resolve(programs).id());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Output.printJson(out, asJson(definition));
                } else if (yaml) {
                    // with the edi: section, so that an update from the written file keeps the trading partners
                    out.print(ProgramFileWriter.write(definition, installation.database().edi()
                            .setup(definition.id())));
                    out.flush();
                } else {
                    printText(definition, out);
                }
            }
        }

        static Map<String, Object> asJson(ProgramDefinition definition) {
            Program p = definition.program();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", p.id().value());
            result.put("name", p.name());
            result.put("leadTown", p.leadTown());
            result.put("launchDate", p.launchDate().toString());
            result.put("optOutWindowDays", p.optOutWindowDays());
            result.put("contact", p.contact().map(Show::contact).orElse(null));
            result.put("towns", p.towns().stream().map(Show::town).toList());
            result.put("products", definition.products().stream().map(Show::product).toList());
            return result;
        }

        private static Map<String, Object> contact(ProgramContact c) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("street", c.returnAddress().street());
            address.put("city", c.returnAddress().city());
            address.put("state", c.returnAddress().state());
            address.put("zip", c.returnAddress().zip());
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("phone", c.phone());
            contact.put("email", c.email());
            contact.put("web", c.web());
            contact.put("returnAddress", address);
            return contact;
        }

        private static Map<String, Object> town(Town t) {
            Map<String, Object> town = new LinkedHashMap<>();
            town.put("name", t.name());
            town.put("utility", t.utility().name());
            town.put("loadZone", t.loadZone().name());
            town.put("population", t.population());
            return town;
        }

        private static Map<String, Object> product(Product p) {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("id", p.id().value());
            product.put("name", p.name());
            product.put("greenContent", p.greenContent().describe());
            product.put("localSharePercent", p.localContent().value());
            // exact, as quoted: 14.450 stays 14.450
            product.put("priceCentsPerKwh", p.price().centsPerKilowattHour());
            product.put("termStart", p.termStart().toString());
            product.put("termEnd", p.termEnd().toString());
            product.put("default", p.isDefault());
            product.put("illustrative", p.illustrative());
            return product;
        }

        private static void printText(ProgramDefinition definition, PrintWriter out) {
            Program p = definition.program();
            out.printf("%s (%s)%n", p.name(), p.id());
            out.printf("  Launch %s, opt-out window %d days%n", p.launchDate(), p.optOutWindowDays());
            if (p.contact().isPresent()) {
                ProgramContact c = p.contact().get();
                out.printf("  Contact: %s, %s, %s%n", c.phone(), c.email(), c.web());
                out.printf("  Return mail: %s%n", c.returnAddress());
            } else {
                out.println("  Contact: none (add one with 'opencce program update FILE')");
            }
            out.printf("  Towns (lead: %s):%n", p.leadTown());
            for (Town t : p.towns()) {
                out.printf(Locale.ROOT, "    %-16s %-42s %-5s population %,d%n", t.name(), t.utility().displayName(),
                        t.loadZone().name(), t.population());
            }
            out.println("  Products (* the default):");
            List<Product> products = definition.products();
            for (Product x : products) {
                out.printf(Locale.ROOT, "    %-14s %-1s %-20s %-28s local %-6s %10s ¢/kWh  %s to %s%s%n", x.id(),
                        x.isDefault() ? "*" : "", x.name(), x.greenContent().describe(),
                        percent(x.localContent().value()), x.price().centsPerKilowattHour().toPlainString(),
                        x.termStart(), x.termEnd(), x.illustrative() ? "  (illustrative price)" : "");
            }
            out.flush();
        }

        private static String percent(double v) {
            return (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)) + " %";
        }
    }

    /**
     * {@code opencce program end --date D [--dry-run]}. A noun of the program, beside init and update: the
     * end is a decision about the program's life (its end date is kept with the program and outlives any
     * update), and its consequence for the accounts, the mass drop, follows from it.
     */
    @Command(name = "end", mixinStandardHelpOptions = true,
            description = {"End the program and return everyone to Basic Service (a mass drop).",
                "In one transaction the end is recorded (from then on no notice, enrollment run, opt-in or renewal"
                        + " notice is accepted) and every account enrolled, enrolling, or dropping after a refused"
                        + " drop is dropped; the drops go in the next 'opencce edi export'. Opted-out, notified and"
                        + " other accounts are left as they are. Running it again changes nothing."})
    static final class End implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--date", paramLabel = "DATE", required = true,
                description = "The day the program ends (YYYY-MM-DD).")
        LocalDate date;

        @Option(names = "--dry-run", description = "Only count, by state, the accounts that would be dropped; change"
                + " nothing.")
        boolean dryRun;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who ends the program, for the history and the"
                + " audit log (default: the operating-system user).")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                EnrollmentService.EndResult result = EnrollmentCommand
                        .service(installation).endProgram(program.id(), date, dryRun, actorOrUser(actor));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("program", program.id().value());
                    o.put("end_date", result.endDate().toString());
                    o.put("dry_run", result.dryRun());
                    o.put("recorded_now", result.recordedNow());
                    o.put("dropped", result.dropped());
                    o.put("dropped_by_state", result.droppedByState());
                    Output.printJson(out, o);
                    return;
                }
                if (result.dryRun()) {
                    out.printf("Dry run: ending %s on %s would drop %,d accounts; nothing was changed.%n",
                            program.name(), result.endDate(), result.dropped());
                } else if (result.recordedNow()) {
                    out.printf("%s ends on %s: %,d accounts dropped (mass drop); the drops go in the next"
                            + " 'opencce edi export'.%n", program.name(), result.endDate(), result.dropped());
                } else {
                    out.printf("%s already ended on %s; %,d more accounts dropped.%n", program.name(),
                            result.endDate(), result.dropped());
                }
                result.droppedByState().forEach((state, n) -> out.printf("  %-10s %,d%n", state, n));
                out.flush();
            }
        }
    }

    /**
     * Saves the file's {@code edi:} section (none: the test defaults) when it changes the program's EDI
     * setup, with an audit entry, and returns the changes. The section was checked whole with the rest of
     * the file, so this write follows the program's own.
     */
    static List<String> ediSetup(Installation installation, ProgramId program, ProgramFile file, String actor) {
        List<String> changes = new EdiSetupChanges(installation.database().edi()).apply(program, file.edi());
        if (!changes.isEmpty()) {
            installation.database().audit().append(program, actor, "program.edi", "from " + file.source() + ": "
                    + String.join("; ", changes));
        }
        return changes;
    }

    static String actorOrUser(String actor) {
        return actor != null ? actor : "cli:" + System.getProperty("user.name");
    }
}
