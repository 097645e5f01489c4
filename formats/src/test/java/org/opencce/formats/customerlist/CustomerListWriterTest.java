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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

class CustomerListWriterTest {
    private static final String GOLDEN = "/org/opencce/formats/customerlist/golden-valley-customer-list.csv";
    /** The golden file as the writer wrote it before the mailing columns (kept: lists like it must still read). */
    private static final String GOLDEN_BEFORE_MAILING =
            "/org/opencce/formats/customerlist/golden-valley-customer-list-before-mailing.csv";

    /**
     * The fixture community's accounts as the utilities would list them before launch: everyone not with a
     * competitive supplier is on Basic Service. A customer with a comma and quotes in the name shows quoting;
     * its mail goes to a PO box in another town, with a comma in the street.
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
                        "01062-1234"), SupplyStatus.BASIC_SERVICE, false, false, LoadZone.WCMA,
                Optional.of(new MailingAddress("Attn: Flo, PO Box 60", "Easthampton", "MA", "01027"))));
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
    void aListWrittenBeforeTheMailingColumnsStillReadsToTheSameRowsWithoutMailingAddresses() throws IOException {
        String before;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN_BEFORE_MAILING)) {
            before = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<CustomerListRow> withoutMailing = new ArrayList<>();
        for (CustomerListRow r : valleyList()) {
            withoutMailing.add(new CustomerListRow(0, r.accountNumber(), r.utility(), r.town(), r.rateClass(),
                    r.customerName(), r.serviceAddress(), r.supplyStatus(), r.lowIncome(), r.netMetered(),
                    r.loadZone()));
        }

        CustomerList back = CustomerListReader.read(new StringReader(before), "before.csv");

        assertThat(back.rejections()).isEmpty();
        assertThat(back.rows()).extracting(CustomerListRow::withoutLine).isEqualTo(withoutMailing);
        assertThat(write(back.rows())).isEqualTo(write(withoutMailing)).startsWith(HEADER_WITH_MAILING);
    }

    private static final String HEADER_WITH_MAILING = "account_number,utility,town,rate_class,customer_name,"
            + "service_street,service_city,service_zip,supply_status,low_income,net_metered,load_zone,mailing_street,"
            + "mailing_city,mailing_state,mailing_zip\r\n";

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
