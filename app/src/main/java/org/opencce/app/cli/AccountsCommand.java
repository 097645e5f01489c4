package org.opencce.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opencce.app.Installation;
import org.opencce.app.accounts.CustomerListImport;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Program;
import org.opencce.domain.enrollment.ListReconciliation;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.RejectionsCsv;
import org.opencce.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce accounts …}: the program's utility accounts. */
@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Manage the program's accounts.",
        subcommands = AccountsCommand.Import.class)
final class AccountsCommand extends GroupCommand {

    /** {@code opencce accounts import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a utility customer list (CSV, UTF-8; columns in docs/formats/customer-list.md).",
                "Every row is accepted or rejected with its line and reason; the file is applied entirely or not at "
                        + "all, and importing the same file again changes nothing. Each utility's list is "
                        + "reconciled with its earlier ones in the towns it covers (new, changed, closed, moved to "
                        + "competitive supply, returned to Basic Service), and the accounts' listing events are "
                        + "recorded in the same transaction. The first "
                        + AccountsCommand.Import.PRINTED + " rejections are printed; all of them are written to "
                        + "FILE.rejections.csv (or --rejections) and listed by --json."})
    static final class Import implements Runnable {
        /** Rejections printed as text; the rest are counted and left to the rejections file. */
        static final int PRINTED = 20;

        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Parameters(paramLabel = "FILE", description = "The customer list CSV file.")
        Path file;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who imports, for the audit log "
                + "(default: the operating-system user).")
        String actor;

        @Option(names = "--rejections", paramLabel = "CSV", description = "Where to write every rejected row's line "
                + "and reason (default: FILE.rejections.csv next to FILE; written only when a row is rejected).")
        Path rejections;

        @Option(names = "--json", description = "Print one JSON object, with every rejection, instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Installation installation = global.openInstallation()) {
                Database db = installation.database();
                Program program = programChoice.resolve(db.programs());
                String who = actor != null ? actor : "cli:" + System.getProperty("user.name");
                Path target = rejections != null ? rejections : CustomerListImport.defaultRejectionsFile(file);
                CustomerListImport.Result result;
                try (ProgressBar bar = new ProgressBar("Importing " + file.getFileName(), size(file))) {
                    result = new CustomerListImport(db.programs(), db.accounts(), db.imports())
                            .importFile(program.id(), file, who, target, bar::advance);
                }
                installation.loads().invalidate();
                print(result, spec.commandLine().getOut(), json);
            }
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 1; // The import itself reports the missing or unreadable file.
            }
        }

        static void print(CustomerListImport.Result result, PrintWriter out, boolean json) {
            BatchReport report = result.report();
            if (json) {
                printJson(result, out);
                return;
            }
            if (report.alreadyImported()) {
                out.printf("%s was imported before (same contents); nothing changed.%n", report.source());
            }
            out.printf("%s: read %,d = accepted %,d + rejected %,d%n", report.source(), report.read(),
                    report.accepted(), report.rejected());
            if (!report.alreadyImported()) {
                Map<ListReconciliation.ChangeKind, Integer> r = result.reconciliation();
                out.printf("Reconciled with the utility's earlier lists: %,d new, %,d unchanged, %,d changed, %,d closed,"
                        + " %,d moved to competitive supply, %,d returned to Basic Service%n",
                        r.get(ListReconciliation.ChangeKind.NEW), r.get(ListReconciliation.ChangeKind.UNCHANGED),
                        r.get(ListReconciliation.ChangeKind.CHANGED), r.get(ListReconciliation.ChangeKind.CLOSED),
                        r.get(ListReconciliation.ChangeKind.MOVED_TO_COMPETITIVE),
                        r.get(ListReconciliation.ChangeKind.RETURNED_TO_BASIC_SERVICE));
            }
            List<BatchReport.Rejection> shown = report.rejections().subList(0,
                    Math.min(PRINTED, report.rejections().size()));
            for (BatchReport.Rejection r : shown) {
                out.printf("  line %d: %s%n", r.line(), r.reason());
            }
            if (result.rejectionsFile().isPresent()) {
                Path where = result.rejectionsFile().get();
                if (report.rejected() > shown.size()) {
                    out.printf("  … and %,d more; all %,d are in %s%n", report.rejected() - shown.size(),
                            report.rejected(), where);
                } else {
                    out.printf("  (also in %s)%n", where);
                }
            }
            out.flush();
        }

        /**
         * The report as one JSON object with every rejection: those the report lists, or when it lists
         * only the first ones, all of them read back from the rejections file one at a time, so that a
         * million rejections never sit in memory.
         */
        private static void printJson(CustomerListImport.Result result, PrintWriter out) {
            BatchReport report = result.report();
            try {
                JsonGenerator json = Output.JSON.getFactory().createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeStringField("source", report.source());
                json.writeNumberField("read", report.read());
                json.writeNumberField("accepted", report.accepted());
                json.writeNumberField("rejected", report.rejected());
                json.writeBooleanField("alreadyImported", report.alreadyImported());
                json.writeStringField("rejectionsFile", result.rejectionsFile().map(Path::toString).orElse(null));
                // wire names: new, unchanged, changed, closed, moved_to_competitive, returned_to_basic_service
                json.writeObjectFieldStart("reconciliation");
                for (Map.Entry<ListReconciliation.ChangeKind, Integer> e : result.reconciliation().entrySet()) {
                    json.writeNumberField(e.getKey().wireName(), e.getValue());
                }
                json.writeEndObject();
                json.writeArrayFieldStart("rejections");
                if (!report.listsEveryRejection() && result.rejectionsFile().isPresent()) {
                    RejectionsCsv.forEach(result.rejectionsFile().get(), r -> writeRejection(json, r));
                } else {
                    for (BatchReport.Rejection r : report.rejections()) {
                        writeRejection(json, r);
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
                json.close();
            } catch (IOException e) {
                throw new OpenCceException("could not write the result as JSON: " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new OpenCceException("could not write the result as JSON: " + e.getCause().getMessage(), e);
            }
            out.println();
            out.flush();
        }

        private static void writeRejection(JsonGenerator json, BatchReport.Rejection r) {
            try {
                json.writeStartObject();
                json.writeNumberField("line", r.line());
                json.writeStringField("reason", r.reason());
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
