package org.opencce.formats.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentState;

class CampaignCsvWriterTest {

    private static EnrollmentCounts.Tally amherst() {
        // Alice enrolled, Bob (low-income) opted out, Gus (net-metered) notified
        Map<EnrollmentState, Integer> byState = new EnumMap<>(EnrollmentState.class);
        byState.put(EnrollmentState.ENROLLED, 1);
        byState.put(EnrollmentState.OPTED_OUT, 1);
        byState.put(EnrollmentState.NOTIFIED, 1);
        return new EnrollmentCounts.Tally(byState, 1, 1, 0, 0);
    }

    @Test
    void aRowHasEveryStateAndTheRatesWithOneDecimal() {
        StringWriter out = new StringWriter();

        CampaignCsvWriter.write(List.of(new CampaignCsvWriter.Row("town", "Amherst", amherst()),
                new CampaignCsvWriter.Row("product", "(no product)", EnrollmentCounts.Tally.empty())), out);

        assertThat(out.toString()).isEqualTo("grouping,group,accounts,eligible,competitive,notified,opted_out,"
                + "returned_mail,enrolling,enrolled,rejected,dropping,dropped,ineligible,reached,opt_out_rate_percent,"
                + "eligible_low_income,enrolled_low_income,low_income_participation_percent,eligible_net_metered,"
                + "enrolled_net_metered,net_metered_participation_percent\n"
                + "town,Amherst,3,0,0,1,1,0,0,1,0,0,0,0,3,33.3,1,0,0.0,1,0,0.0\n"
                + "product,(no product),0,0,0,0,0,0,0,0,0,0,0,0,0,,0,0,,0,0,\n");
    }

    @Test
    void aNameASpreadsheetWouldRunIsWrittenAsTextAndACommaIsQuoted() {
        StringWriter out = new StringWriter();

        CampaignCsvWriter.write(List.of(new CampaignCsvWriter.Row("product", "=HYPERLINK(\"x\")", amherst()),
                new CampaignCsvWriter.Row("town", "Northampton, Ward 3", amherst()),
                new CampaignCsvWriter.Row("product", "-1 Special", amherst()),
                new CampaignCsvWriter.Row("product", "", amherst())), out);

        String[] lines = out.toString().split("\n");
        assertThat(lines[1]).startsWith("product,\"'=HYPERLINK(\"\"x\"\")\",3,");
        assertThat(lines[2]).startsWith("town,\"Northampton, Ward 3\",3,");
        assertThat(lines[3]).startsWith("product,'-1 Special,3,");
        assertThat(lines[4]).startsWith("product,,3,");
    }
}
