package org.opencce.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencce.app.Installation;
import org.opencce.app.load.LoadProfiles;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Program;
import org.opencce.domain.load.Grouping;
import org.opencce.domain.load.LoadProfile;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.formats.loadprofile.LoadProfileCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opencce load …}: community load from the interval data. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Community load from the interval data.",
        subcommands = LoadCommand.Profile.class)
final class LoadCommand extends GroupCommand {

    /** {@code opencce load profile --by town|class|product}. */
    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = {"Hourly load of the program's accounts, summed by town, rate class or product.",
                "Prints each group's energy and peak; --out writes every hour as CSV "
                        + "(docs/formats/load-profile-csv.md)."})
    static final class Profile implements Runnable {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Mixin
        ProgramChoice programChoice = new ProgramChoice();

        @Option(names = "--by", required = true, paramLabel = "town|class|product",
                description = "How to group the accounts: town, class (rate class) or product.")
        String by;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD",
                description = "First local day (default: the first day with data).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD",
                description = "Last local day, included (default: the last day with data).")
        LocalDate to;

        @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the hourly profile to this CSV file.")
        Path out;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Grouping grouping = Grouping.parse(by).orElseThrow(() -> new OpenCceException(
                    "--by must be town, class or product, was '" + by + "'"));
            try (Installation installation = global.openInstallation()) {
                Program program = programChoice.resolve(installation.database().programs());
                LoadProfiles.DataPeriod data = installation.loads().dataPeriod().orElseThrow(() -> new OpenCceException(
                        "there is no interval data yet; import usage or run 'opencce demo' first"));
                LocalDate first = from != null ? within("--from", from, data) : data.first();
                LocalDate last = to != null ? within("--to", to, data) : data.last();
                if (last.isBefore(first)) {
                    throw new OpenCceException("--to (" + last + ") is before --from (" + first + ")");
                }
                LoadProfile profile = installation.loads().profile(program.id(), grouping, first, last.plusDays(1));
                if (out != null) {
                    writeCsv(profile, out);
                }
                report(program, grouping, first, last, profile, spec.commandLine().getOut());
            }
        }

        /** {@code day} when the interval data has it; otherwise a message naming the days it has. */
        private static LocalDate within(String option, LocalDate day, LoadProfiles.DataPeriod data) {
            if (day.isBefore(data.first()) || day.isAfter(data.last())) {
                throw new OpenCceException(option + " " + day + " is outside the interval data, which covers "
                        + data + "; give a day in that range (or leave " + option + " out)");
            }
            return day;
        }

        private static void writeCsv(LoadProfile profile, Path file) {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                LoadProfileCsvWriter.write(profile, w);
            } catch (IOException e) {
                throw new OpenCceException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        private void report(Program program, Grouping grouping, LocalDate first, LocalDate last, LoadProfile profile,
                PrintWriter printer) {
            double totalKwh = 0;
            List<Map<String, Object>> groups = new ArrayList<>();
            for (int g = 0; g < profile.groups().size(); g++) {
                double[] kwh = profile.kwhByHour(g);
                int peak = 0;
                double sum = 0;
                for (int h = 0; h < kwh.length; h++) {
                    sum += kwh[h];
                    if (kwh[h] > kwh[peak]) {
                        peak = h;
                    }
                }
                totalKwh += sum;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("group", profile.groups().get(g));
                row.put("mwh", round(sum / 1000.0, 3));
                // An hour's kWh is its average kW.
                row.put("peakKw", kwh.length == 0 ? 0 : round(kwh[peak], 1));
                row.put("peakHourStart", kwh.length == 0 ? null : LocalCalendar.zoned(profile.hourStart(peak))
                        .toOffsetDateTime().toString());
                groups.add(row);
            }
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("program", program.id().value());
                result.put("by", grouping.name().toLowerCase(Locale.ROOT));
                result.put("from", first.toString());
                result.put("to", last.toString());
                result.put("hours", profile.hours());
                result.put("totalMwh", round(totalKwh / 1000.0, 3));
                result.put("groups", groups);
                result.put("csv", out == null ? null : out.toAbsolutePath().toString());
                Output.printJson(printer, result);
                return;
            }
            printer.printf("%s load by %s, %s to %s (%,d hours)%n", program.name(),
                    grouping.name().toLowerCase(Locale.ROOT).replace('_', ' '), first, last, profile.hours());
            printer.printf("%-32s %14s %7s %12s  %s%n", "group", "MWh", "share", "peak kW", "peak hour starts");
            for (Map<String, Object> row : groups) {
                double mwh = (Double) row.get("mwh");
                printer.printf(Locale.ROOT, "%-32s %,14.1f %6.1f%% %,12.0f  %s%n", row.get("group"), mwh,
                        totalKwh == 0 ? 0 : 100 * mwh * 1000 / totalKwh, row.get("peakKw"), row.get("peakHourStart"));
            }
            printer.printf(Locale.ROOT, "%-32s %,14.1f%n", "total", totalKwh / 1000.0);
            if (out != null) {
                printer.printf("Hourly profile written to %s%n", out.toAbsolutePath());
            }
            printer.flush();
        }

        private static double round(double value, int decimals) {
            double f = Math.pow(10, decimals);
            return Math.round(value * f) / f;
        }
    }
}
