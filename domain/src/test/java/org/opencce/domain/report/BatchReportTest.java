package org.opencce.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchReportTest {

    @Test
    void everyRecordReadIsAcceptedOrRejected() {
        BatchReport report = new BatchReport("customers.csv", 5, 3,
                List.of(new BatchReport.Rejection(4, "ZIP code '0100' is not 5 digits"),
                        new BatchReport.Rejection(6, "rate class 'R-9' is unknown")), false);
        assertThat(report.rejected()).isEqualTo(2);
        assertThatThrownBy(() -> new BatchReport("customers.csv", 6, 3, report.rejections(), false))
                .hasMessageContaining("customers.csv").hasMessageContaining("read 6")
                .hasMessageContaining("accepted 3").hasMessageContaining("rejected 2");
        assertThatThrownBy(() -> new BatchReport.Rejection(3, null)).isInstanceOf(NullPointerException.class);
    }
}
