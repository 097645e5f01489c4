package org.opencce.formats.customerlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

class CustomerListWriterTest {
    private static final String GOLDEN = "/org/opencce/formats/customerlist/golden-valley-customer-list.csv";

    /**
     * The fixture community's accounts as the utilities would list them before launch: everyone not with a
     * competitive supplier is on Basic Service. A customer with a comma and quotes in the name shows quoting.
     */
    static List<CustomerListRow> valleyList() {
        List<CustomerListRow> rows = new ArrayList<>();
        for (Account a : Fixtures.valleyAccounts()) {
            SupplyStatus status = a.supplyStatus() == SupplyStatus.COMPETITIVE ? SupplyStatus.COMPETITIVE
                    : SupplyStatus.BASIC_SERVICE;
            rows.add(new CustomerListRow(0, a.number(), a.utility(), a.town(), a.rateClass(), a.customerName(),
                    a.serviceAddress(), status, a.lowIncome(), a.netMetered(), a.loadZone()));
        }
        rows.add(new CustomerListRow(0, new UtilityAccountNumber("8123456791"), Utility.NATIONAL_GRID_MA, "Northampton",
                RateClass.G_2, "Florence \"Flo\" Fix-It, LLC", new ServiceAddress("1 Pine St, Unit 4", "Florence",
                        "01062-1234"), SupplyStatus.BASIC_SERVICE, false, false, LoadZone.WCMA));
        return rows;
    }

    @Test
    void writesTheGoldenFileReadsItBackAndWritesItAgainByteForByte() throws IOException {
        String written = write(valleyList());

        String golden;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(written).isEqualTo(golden);

        CustomerList back = CustomerListReader.read(new StringReader(golden), "golden.csv");
        assertThat(back.rejections()).isEmpty();
        assertThat(back.rows()).extracting(CustomerListRow::withoutLine).isEqualTo(valleyList());
        assertThat(back.rows()).extracting(CustomerListRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);

        assertThat(write(back.rows())).isEqualTo(golden);
    }

    @Test
    void writesAFileWithoutAByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("list.csv");
        CustomerListWriter.write(valleyList(), file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(write(valleyList()));
        assertThat(bytes[0]).isEqualTo((byte) 'a');
        assertThat(CustomerListReader.read(file).rows()).hasSize(6);
    }

    static String write(List<CustomerListRow> rows) {
        StringBuilder out = new StringBuilder();
        CustomerListWriter.write(rows, out);
        return out.toString();
    }
}
