package org.opencce.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencce.app.Installation;
import org.opencce.app.edi.EdiExport;
import org.opencce.app.edi.EdiImport;
import org.opencce.app.edi.UtilitySimulator;
import org.opencce.domain.community.Program;
import org.opencce.domain.enrollment.EdiPartner;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.enrollment.UtilityRequest;
import org.opencce.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opencce edi …}: the EDI 814/997 exchange with the utilities ({@code docs/formats/edi-814.md},
 * "Exchanging files").
 */
@Command(name = "edi", mixinStandardHelpOptions = true,
        description = "Exchange EDI 814 enrollment files and 997 acknowledgments with the utilities.",
        subcommands = {EdiCommand.Export.class, EdiCommand.Import.class, EdiCommand.Partners.class,
            EdiCommand.Respond.class})
final class EdiCommand extends GroupCommand {

    /**
     * A test seam: where {@code edi export} may be made to fail, so that tests of the command line can
     * check that a crash leaves nothing half done. Always {@link EdiExport.Checkpoints#NONE} outside tests.
     */
    static volatile EdiExport.Checkpoints exportCheckpoints = EdiExport.Checkpoints.NONE;

    /** {@code opencce edi export --out DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write one 814 file per utility with every queued enrollment, product change and drop.",
                "Each request gets a unique reference; the files are validated, the requests recorded as sent, then "
                        + "the files are moved into DIR. A file left undelivered by a crash is delivered first."})
    static final class Export implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The outbound folder.")
        Path out;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who exports, for the history and the audit log "
                + "(default: the operating-system user).")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Installation installation = global.openInstallation()) {
                Database db = installation.database();
                Program program = programChoice.resolve(db.programs());
                EdiExport.Result result = new EdiExport(db.enrollments(), db.edi(), Clock.systemUTC(),
                        exportCheckpoints).export(program.id(), out, actorOr(actor));
                print(result, spec.commandLine().getOut());
            }
        }

        private void print(EdiExport.Result result, PrintWriter out) {
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                List<Map<String, Object>> files = new ArrayList<>();
                for (EdiExport.SentFile f : result.files()) {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("file", f.file().toString());
                    file.put("utility", f.utility().name());
                    file.put("controlNumber", f.controlNumber());
                    file.put("requests", kinds(f.requests()));
                    files.add(file);
                }
                o.put("files", files);
                Map<String, Object> byUtility = new LinkedHashMap<>();
                result.byUtility().forEach((u, k) -> byUtility.put(u.name(), kinds(k)));
                o.put("requests", byUtility);
                o.put("total", result.total());
                List<Map<String, Object>> again = new ArrayList<>();
                for (EdiExport.Redelivered r : result.redelivered()) {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("file", r.file().toString());
                    file.put("utility", r.utility().name());
                    file.put("controlNumber", r.controlNumber());
                    file.put("wasAlreadyThere", r.wasAlreadyThere());
                    again.add(file);
                }
                o.put("redelivered", again);
                List<Map<String, Object>> held = new ArrayList<>();
                for (EdiExport.NotSent n : result.notSent()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("account", n.accountNumber());
                    row.put("kind", n.kind().wireName());
                    row.put("reason", n.reason());
                    held.add(row);
                }
                o.put("notSent", held);
                Output.printJson(out, o);
                return;
            }
            for (EdiExport.Redelivered r : result.redelivered()) {
                out.printf("%s: delivered again (control number %d, committed by an export that stopped before moving"
                        + " it)%s%n", r.file(), r.controlNumber(), r.wasAlreadyThere() ? "; it was already there" : "");
            }
            if (result.files().isEmpty()) {
                out.println("Nothing to send: no account has an enrollment, product change or drop queued.");
            }
            for (EdiExport.SentFile f : result.files()) {
                out.printf("%s: %s, %d request(s): %s (control number %d)%n", f.file(), f.utility().displayName(),
                        f.total(), describe(f.requests()), f.controlNumber());
            }
            for (EdiExport.NotSent n : result.notSent()) {
                out.printf("  not sent, still queued: account %s (%s): %s%n", n.accountNumber(), n.kind().wireName(),
                        n.reason());
            }
            out.flush();
        }
    }

    /** {@code opencce edi import FILE…}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Apply the utilities' 814 responses and 997 acknowledgments.",
                "Each file is checked whole and applied in one transaction, or refused whole with the reason; a file "
                        + "imported before changes nothing."})
    static final class Import implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files from the utilities.")
        List<Path> files;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who imports, for the import and audit logs "
                + "(default: the operating-system user).")
        String actor;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            List<Object> results = new ArrayList<>();
            int refused = 0;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Installation installation = global.openInstallation()) {
                Database db = installation.database();
                Program program = programChoice.resolve(db.programs());
                EdiImport importer = new EdiImport(db.imports(), db.edi(), Clock.systemUTC());
                for (Path file : files) {
                    try {
                        EdiImport.FileReport report = importer.importFile(program.id(), file, actorOr(actor));
                        results.add(report);
                        if (!json) {
                            print(report, out);
                        }
                    } catch (EdiImport.Refused e) {
                        refused++;
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("source", file.getFileName().toString());
                        r.put("refused", e.getMessage());
                        results.add(r);
                        if (!json) {
                            err.println("opencce: " + e.getMessage());
                        }
                    }
                }
            }
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("files", results.stream().map(Import::toJson).toList());
                o.put("refused", refused);
                Output.printJson(out, o);
            }
            out.flush();
            err.flush();
            if (refused > 0) {
                throw new ImportRefused(refused, files.size());
            }
        }

        private static Object toJson(Object result) {
            if (!(result instanceof EdiImport.FileReport)) {
                return result;
            }
            EdiImport.FileReport r = (EdiImport.FileReport) result;
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("source", r.source());
            o.put("kind", r.kind());
            o.put("alreadyImported", r.alreadyImported());
            o.put("read", r.read());
            o.put("accepted", r.accepted());
            o.put("rejected", r.rejected());
            List<Map<String, Object>> answers = new ArrayList<>();
            for (EdiImport.Answer a : r.answers()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("set", a.set());
                row.put("reference", a.reference());
                row.put("account", a.accountNumber());
                row.put("kind", a.kind().wireName());
                row.put("outcome", a.outcome().name().toLowerCase(java.util.Locale.ROOT));
                row.put("reason", a.reason().isEmpty() ? null : a.reason());
                row.put("effective", a.effective().map(Object::toString).orElse(null));
                row.put("note", a.note().orElse(null));
                answers.add(row);
            }
            o.put("answers", answers);
            return o;
        }

        private static void print(EdiImport.FileReport r, PrintWriter out) {
            if (r.alreadyImported()) {
                out.printf("%s was imported before (same contents); nothing changed.%n", r.source());
            }
            out.printf("%s (%s): read %d = accepted %d + rejected %d%n", r.source(), r.kind(), r.read(), r.accepted(),
                    r.rejected());
            for (EdiImport.Answer a : r.answers()) {
                if (a.outcome() == EdiImport.Outcome.REJECTED) {
                    out.printf("  rejected: account %s, %s %s: %s%n", a.accountNumber(), a.kind().wireName(),
                            a.reference(), a.reason());
                }
                if (a.note().isPresent()) {
                    out.printf("  account %s, %s %s: %s%n", a.accountNumber(), a.kind().wireName(), a.reference(),
                            a.note().get());
                }
            }
        }
    }

    /** Ends {@code edi import} with exit code 1 once every file was reported. */
    static final class ImportRefused extends org.opencce.domain.OpenCceException {
        private static final long serialVersionUID = 1L;

        ImportRefused(int refused, int files) {
            super(refused + " of " + files + " file(s) refused; nothing from them was applied");
        }
    }

    /** {@code opencce edi partners}: the trading partners the program's files name. */
    @Command(name = "partners", mixinStandardHelpOptions = true,
            description = "Show the program's EDI trading partners (the edi: section of its program file, or the test"
                    + " defaults) and the product codes.")
    static final class Partners implements Runnable {
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
                Optional<EdiSetup> stored = installation.database().edi().setup(program.id());
                EdiSetup setup = stored.orElse(EdiSetup.testDefaults());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("source", stored.isPresent() ? "program file" : "test defaults");
                    o.put("usage", setup.usage().name().toLowerCase(Locale.ROOT));
                    o.put("supplier", party(setup.supplier()));
                    Map<String, Object> utilities = new LinkedHashMap<>();
                    setup.utilities().forEach((u, p) -> utilities.put(u.name(), party(p)));
                    o.put("utilities", utilities);
                    Map<String, String> codes = new LinkedHashMap<>();
                    setup.productCodes().forEach((p, c) -> codes.put(p.value(), c));
                    o.put("productCodes", codes);
                    Output.printJson(out, o);
                    return;
                }
                out.printf("%s exchanges %s data with %s:%n", program.name(), setup.usage().name()
                        .toLowerCase(Locale.ROOT), stored.isPresent() ? "the trading partners of its program file"
                        : "the test defaults (fictitious ids; give the real ones in the program file's edi: section)");
                out.printf("  the program's supplier%n    %s%n", describe(setup.supplier()));
                setup.utilities().forEach((u, p) -> out.printf("  %s%n    %s%n", u.displayName(), describe(p)));
                out.printf("  product codes: %s%n", setup.productCodes().isEmpty() ? "the product ids"
                        : setup.productCodes().entrySet().stream().map(e -> e.getKey().value() + "=" + e.getValue())
                                .collect(java.util.stream.Collectors.joining(", ")));
                out.flush();
            }
        }

        private static Map<String, Object> party(EdiPartner p) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", p.name());
            o.put("qualifier", p.qualifier());
            o.put("id", p.id());
            o.put("interchangeQualifier", p.interchangeQualifier());
            o.put("interchangeId", p.interchangeId());
            o.put("applicationCode", p.applicationCode());
            return o;
        }

        private static String describe(EdiPartner p) {
            return p.name() + ": N1 " + p.qualifier() + " " + p.id() + ", ISA " + p.interchangeQualifier() + " "
                    + p.interchangeId() + ", GS " + p.applicationCode();
        }
    }

    /** {@code opencce edi respond --in FILE --out DIR}: the utility simulator. */
    @Command(name = "respond", mixinStandardHelpOptions = true,
            description = {"TEST TOOL: answer an exported 814 request file as the utility would, for tests and the "
                    + "walkthrough.",
                "Writes the utility's 997 (accepting every set) and its 814 responses (accepting each request, or "
                        + "rejecting every N-th with --reject-every N) into DIR. Not a model of any real utility."})
    static final class Respond implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "An 814 request file from "
                + "'opencce edi export'.")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the answers.")
        Path out;

        @Option(names = "--reject-every", paramLabel = "N", defaultValue = "0",
                description = "Reject every N-th request (default 0: accept all).")
        int rejectEvery;

        @Option(names = "--reason", paramLabel = "CODE", defaultValue = UtilitySimulator.DEFAULT_REASON,
                description = "REF*7G reason code of the rejections (default ${DEFAULT-VALUE}, account not found).")
        String reason;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            EdiSetup setup;
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                setup = installation.database().edi().setup(program.id()).orElse(EdiSetup.testDefaults());
            }
            UtilitySimulator.Result result = UtilitySimulator.respond(setup, in, out, rejectEvery, reason);
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("utility", result.utility().name());
                r.put("acknowledgment", result.acknowledgment().toString());
                r.put("responses", result.responses().toString());
                r.put("accepted", result.accepted());
                r.put("rejected", result.rejected());
                Output.printJson(o, r);
                return;
            }
            o.printf("%s answered as %s (a simulation):%n  %s (997)%n  %s (814 responses: %d accepted, %d rejected)%n",
                    in.getFileName(), result.utility().displayName(), result.acknowledgment(), result.responses(),
                    result.accepted(), result.rejected());
            o.flush();
        }
    }

    private static String actorOr(String actor) {
        return actor != null ? actor : "cli:" + System.getProperty("user.name");
    }

    private static Map<String, Integer> kinds(Map<UtilityRequest, Integer> counts) {
        Map<String, Integer> o = new LinkedHashMap<>();
        for (UtilityRequest k : UtilityRequest.values()) {
            o.put(k.wireName(), counts.getOrDefault(k, 0));
        }
        return o;
    }

    private static String describe(Map<UtilityRequest, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (UtilityRequest k : UtilityRequest.values()) {
            if (counts.getOrDefault(k, 0) > 0) {
                parts.add(counts.get(k) + " " + k.wireName());
            }
        }
        return String.join(", ", parts);
    }
}
