package org.opencce.formats.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentState;

/**
 * Writes the campaign dashboard's table as CSV (docs/formats/campaign-csv.md): one row per group (the
 * program, each town, rate class and product) with its accounts in every enrollment state, the opt-out rate
 * and the low-income and net-metered participation. The caller chooses the groups and their names, so a
 * role that may not tell R-1 from R-2 gets the rows it sees on the page. Stateless and thread-safe.
 */
public final class CampaignCsvWriter {
    /**
     * A cell that a spreadsheet would take for a formula (OWASP, "CSV Injection") starts with one of these;
     * such a name is written with a leading apostrophe, which Excel shows as text.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CampaignCsvWriter() {
    }

    /** One row: {@code grouping} ({@code program}, {@code town}, {@code rate_class}, {@code product}), the group's name and its counts. */
    public record Row(String grouping, String group, EnrollmentCounts.Tally counts) {
        public Row {
            Objects.requireNonNull(grouping, "grouping");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(counts, "counts");
        }
    }

    /** The header: the group, then the accounts, one column per state (wire names) and the rates. */
    public static List<String> header() {
        List<String> header = new ArrayList<>(List.of("grouping", "group", "accounts"));
        for (EnrollmentState state : EnrollmentState.values()) {
            header.add(state.wireName());
        }
        header.addAll(List.of("reached", "opt_out_rate_percent", "eligible_low_income", "enrolled_low_income",
                "low_income_participation_percent", "eligible_net_metered", "enrolled_net_metered",
                "net_metered_participation_percent"));
        return header;
    }

    public static void write(List<Row> rows, Writer out) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try {
            CSVPrinter csv = new CSVPrinter(out, format);
            csv.printRecord(header());
            for (Row row : rows) {
                EnrollmentCounts.Tally t = row.counts();
                List<String> cells = new ArrayList<>();
                cells.add(text(row.grouping()));
                cells.add(text(row.group()));
                cells.add(Integer.toString(t.accounts()));
                for (EnrollmentState state : EnrollmentState.values()) {
                    cells.add(Integer.toString(t.count(state)));
                }
                cells.add(Integer.toString(t.reached()));
                cells.add(percent(t.optOutRate()));
                cells.add(Integer.toString(t.eligibleLowIncome()));
                cells.add(Integer.toString(t.enrolledLowIncome()));
                cells.add(percent(t.lowIncomeParticipation()));
                cells.add(Integer.toString(t.eligibleNetMetered()));
                cells.add(Integer.toString(t.enrolledNetMetered()));
                cells.add(percent(t.netMeteredParticipation()));
                csv.printRecord(cells);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the campaign CSV: " + e.getMessage(), e);
        }
    }

    /** One decimal, empty when there is no one to count. */
    private static String percent(EnrollmentCounts.Share share) {
        OptionalDouble p = share.percent();
        return p.isPresent() ? String.format(Locale.ROOT, "%.1f", p.getAsDouble()) : "";
    }

    private static String text(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
