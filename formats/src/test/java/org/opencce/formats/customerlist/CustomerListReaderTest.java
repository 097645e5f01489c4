package org.opencce.formats.customerlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

class CustomerListReaderTest {

    static CustomerList read(String name) {
        InputStream in = CustomerListReaderTest.class.getResourceAsStream("/org/opencce/formats/customerlist/" + name);
        assertThat(in).as(name).isNotNull();
        return CustomerListReader.read(CsvInput.utf8(in), name);
    }

    @Test
    void readsEveryColumnOfAGoodList() {
        CustomerList list = read("good.csv");

        assertThat(list.read()).isEqualTo(5);
        assertThat(list.rejections()).isEmpty();
        assertThat(list.rows().get(0)).isEqualTo(new CustomerListRow(2, new UtilityAccountNumber("54012345678"),
                Utility.EVERSOURCE_WMA, "Amherst", RateClass.R_1, "Alice Abbott",
                new ServiceAddress("12 Kellogg Ave", "Amherst", "01002"), SupplyStatus.BASIC_SERVICE, false, false,
                LoadZone.WCMA));
        assertThat(list.rows()).extracting(CustomerListRow::line).containsExactly(2L, 3L, 5L, 6L, 7L);
        assertThat(list.rows().get(3).customerName()).isEqualTo("Main Street Deli, Inc.");
        assertThat(list.rows().get(3).supplyStatus()).isEqualTo(SupplyStatus.COMPETITIVE);
        assertThat(list.rows().get(2).netMetered()).isTrue();
        assertThat(list.rows().get(4).serviceAddress().zip()).isEqualTo("01002-1234");
    }

    @Test
    void optionalColumnsLeftBlankTakeTheirDefaults() {
        CustomerList list = read("good.csv");
        CustomerListRow bob = list.rows().get(1);
        // R-2 is the low-income rate, so a blank low-income cell means yes.
        assertThat(bob.rateClass()).isEqualTo(RateClass.R_2);
        assertThat(bob.lowIncome()).isTrue();
        assertThat(bob.netMetered()).isFalse();
        assertThat(bob.loadZone()).isEqualTo(LoadZone.WCMA);
        assertThat(list.rows().get(4).lowIncome()).as("R-3 with a blank low-income cell").isFalse();
    }

    @Test
    void rejectsEachBadRowWithItsLineAndAReasonToActOn() {
        CustomerList list = read("bad-rows.csv");

        assertThat(list.rejections()).containsExactly(
                new BatchReport.Rejection(3, "rate class 'R-9' is not one of R-1, R-2, R-3, R-4, G-1, G-2, G-3"),
                new BatchReport.Rejection(4, "ZIP code '0100' must be 5 digits"),
                new BatchReport.Rejection(5, "account number is missing"),
                new BatchReport.Rejection(6, "utility 'Unitil' is not one of Eversource, National Grid"),
                new BatchReport.Rejection(7, "supply status is missing (write Basic Service, or Competitive or the"
                        + " supplier's name)"),
                new BatchReport.Rejection(8, "low income 'maybe' must be Y or N (or yes/no, true/false, 1/0)"),
                new BatchReport.Rejection(9, "load zone 'ZZ' is not one of WCMA, NEMA, SEMA"),
                new BatchReport.Rejection(10, "duplicate of line 2 (same utility and account number)"),
                new BatchReport.Rejection(11, "ZIP code '1002' must be 5 digits (a spreadsheet may have dropped its"
                        + " leading zero: 01002?)"),
                new BatchReport.Rejection(12, "account number '5.4E+10' was turned into a number in scientific"
                        + " notation by a spreadsheet; format the column as text and export the list again"),
                new BatchReport.Rejection(13, "the row has 13 fields but the header has 12 columns; put values that"
                        + " contain commas in double quotes"),
                new BatchReport.Rejection(14, "town is missing; customer name is missing; service street is missing"),
                new BatchReport.Rejection(18, "net metered 'sometimes' must be Y or N (or yes/no, true/false, 1/0)"),
                new BatchReport.Rejection(19, "service city is missing"),
                new BatchReport.Rejection(20, "supply status 'N/A' is not known (write Basic Service, or Competitive"
                        + " or the supplier's name)"));
    }

    @Test
    void everyRecordReadIsAcceptedOrRejectedAndBlankLinesAreNotRecords() {
        CustomerList list = read("bad-rows.csv");

        // 20 lines after the header, of which one is empty and one holds only commas.
        assertThat(list.read()).isEqualTo(18);
        assertThat(list.accepted()).isEqualTo(3);
        assertThat(list.rejected()).isEqualTo(15);
        assertThat(list.read()).isEqualTo(list.accepted() + list.rejected());
        BatchReport report = list.report();
        assertThat(report.read()).isEqualTo(18);
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.source()).isEqualTo("bad-rows.csv");
    }

    @Test
    void acceptedRowsAmongBadOnesKeepTheirValues() {
        CustomerList list = read("bad-rows.csv");

        assertThat(list.rows()).extracting(CustomerListRow::line, r -> r.accountNumber().value(), CustomerListRow::rateClass,
                CustomerListRow::supplyStatus, CustomerListRow::lowIncome, CustomerListRow::netMetered)
                .containsExactly(
                        tuple(2L, "54000000001", RateClass.R_1, SupplyStatus.BASIC_SERVICE, false, false),
                        tuple(17L, "8100000017", RateClass.R_4, SupplyStatus.BASIC_SERVICE, true, false),
                        tuple(21L, "8100000021", RateClass.R_1, SupplyStatus.BASIC_SERVICE, false, true));
    }

    @Test
    void theSameAccountNumberAtAnotherUtilityIsNotADuplicate() {
        String text = "account_number,utility,town,rate_class,customer_name,service_street,service_city,service_zip,"
                + "supply_status\n"
                + "12345678,Eversource,Amherst,R-1,A,1 Main St,Amherst,01002,BS\n"
                + "12345678,National Grid,Northampton,R-1,B,1 Main St,Northampton,01060,BS\n"
                + "12345678,WMECO,Amherst,R-1,C,1 Main St,Amherst,01002,BS\n";
        CustomerList list = CustomerListReader.read(new StringReader(text), "dup.csv");

        assertThat(list.accepted()).isEqualTo(2);
        assertThat(list.rejections()).containsExactly(
                new BatchReport.Rejection(4, "duplicate of line 2 (same utility and account number)"));
    }

    @Test
    void acceptsTheHeadersUtilitiesUse() {
        CustomerList list = read("aliases.csv");

        assertThat(list.rejections()).isEmpty();
        assertThat(list.ignoredColumns()).containsExactly("Meter Number");
        assertThat(list.rows()).extracting(CustomerListRow::utility, CustomerListRow::rateClass,
                CustomerListRow::supplyStatus, CustomerListRow::lowIncome, CustomerListRow::netMetered,
                CustomerListRow::loadZone)
                .containsExactly(
                        tuple(Utility.EVERSOURCE_WMA, RateClass.R_1, SupplyStatus.BASIC_SERVICE, true, false, LoadZone.WCMA),
                        tuple(Utility.EVERSOURCE_WMA, RateClass.R_2, SupplyStatus.COMPETITIVE, true, true, LoadZone.WCMA),
                        tuple(Utility.NATIONAL_GRID_MA, RateClass.G_2, SupplyStatus.COMPETITIVE, false, true, LoadZone.WCMA),
                        tuple(Utility.NATIONAL_GRID_MA, RateClass.R_1, SupplyStatus.BASIC_SERVICE, false, false,
                                LoadZone.WCMA));
        assertThat(list.rows().get(2).customerName()).isEqualTo("Sam's Pizza");
        assertThat(list.rows().get(0).serviceAddress())
                .isEqualTo(new ServiceAddress("9 North Pleasant St", "Amherst", "01002"));
    }

    @Test
    void acceptsOtherSpellingsOfTheHeaders() {
        CustomerList list = read("aliases-2.csv");
        assertThat(list.rejections()).isEmpty();
        assertThat(list.rows()).singleElement().satisfies(r -> {
            assertThat(r.accountNumber().value()).isEqualTo("54011115555");
            assertThat(r.serviceAddress().street()).isEqualTo("1 Pray St");
        });
    }

    @Test
    void noHeaderMeansTwoColumns() {
        Map<String, CustomerListColumn> byKey = new HashMap<>();
        for (CustomerListColumn c : CustomerListColumn.values()) {
            for (String header : c.aliases()) {
                CustomerListColumn earlier = byKey.put(CustomerListColumn.key(header), c);
                assertThat(earlier).as("header '%s'", header).isIn(null, c);
                assertThat(CustomerListColumn.forHeader(header)).contains(c);
            }
            assertThat(CustomerListColumn.forHeader(c.canonical())).contains(c);
            assertThat(CustomerListColumn.forHeader(c.canonical().toUpperCase())).contains(c);
        }
        assertThat(CustomerListColumn.forHeader("Meter Number")).isEmpty();
        assertThat(CustomerListColumn.forHeader("acct no")).contains(CustomerListColumn.ACCOUNT_NUMBER);
    }

    @Test
    void handlesAByteOrderMarkCrLfAndQuotedFields() {
        CustomerList list = read("bom-crlf-quoted.csv");

        assertThat(list.read()).isEqualTo(3);
        assertThat(list.rows()).hasSize(2);
        assertThat(list.rows().get(0).accountNumber().value()).isEqualTo("54012345678");
        assertThat(list.rows().get(0).customerName()).isEqualTo("Abbott, Alice");
        assertThat(list.rows().get(0).serviceAddress().street()).isEqualTo("12 Kellogg Ave, Apt 3");
        assertThat(list.rows().get(1).customerName()).isEqualTo("Vic \"Sully\" Sullivan");
        assertThat(list.rows().get(1).serviceAddress().street()).isEqualTo("Unit 2\r\n30 Lincoln Ave");
        // The quoted street spans lines 3 and 4, so the next record starts on line 5.
        assertThat(list.rows()).extracting(CustomerListRow::line).containsExactly(2L, 3L);
        assertThat(list.rejections()).extracting(BatchReport.Rejection::line).containsExactly(5L);
    }

    @Test
    void aListWithoutRequiredColumnsNamesThemAndTheHeadersAccepted() {
        assertThatThrownBy(() -> read("missing-columns.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("missing-columns.csv, line 1: the customer list lacks the required columns town (or"
                        + " Municipality, Community); supply_status (or Supplier, Supply Status, Generation Service,"
                        + " Supply); its header has [Account Number, Utility, Rate Class, Customer Name, Service Address,"
                        + " City, ZIP]");
    }

    @Test
    void anEmptyFileNamesTheColumnsAListNeeds() {
        assertThatThrownBy(() -> read("empty.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("empty.csv: the file is empty; a customer list needs a header row with the"
                        + " columns account_number (or Account Number,")
                .hasMessageContaining("supply_status (or Supplier,");
    }

    @Test
    void twoHeadersForTheSameColumnAreRefused() {
        String text = "Account Number,Acct #,utility,town,rate_class,customer_name,service_street,service_city,"
                + "service_zip,supply_status\n";
        assertThatThrownBy(() -> CustomerListReader.read(new StringReader(text), "two.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("two.csv, line 1: columns 'Account Number' and 'Acct #' both mean account_number; keep one"
                        + " of them");
    }

    @Test
    void aHeaderWithoutRowsIsAnEmptyList() {
        String text = "account_number,utility,town,rate_class,customer_name,service_street,service_city,service_zip,"
                + "supply_status\r\n\r\n";
        CustomerList list = CustomerListReader.read(new StringReader(text), "none.csv");
        assertThat(list.read()).isZero();
        assertThat(list.rows()).isEmpty();
    }

    @Test
    void textThatIsNotUtf8IsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> read("windows-1252.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("windows-1252.csv")
                .hasMessageContaining("the text is not UTF-8; save the file as \"CSV UTF-8\" and try again");
    }

    @Test
    void anUnclosedQuoteStopsTheReadAtItsLine() {
        String text = "account_number,utility,town,rate_class,customer_name,service_street,service_city,service_zip,"
                + "supply_status\n"
                + "12345678,Eversource,Amherst,R-1,\"Ann,1 Main St,Amherst,01002,BS\n";
        assertThatThrownBy(() -> CustomerListReader.read(new StringReader(text), "quote.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("quote.csv")
                .hasMessageContaining("check for an unclosed quote");
    }

    private static final String HEADER = "account_number,utility,town,rate_class,customer_name,service_street,"
            + "service_city,service_zip,supply_status,low_income,net_metered,load_zone\n";

    private static CustomerList readText(String rows) {
        return CustomerListReader.read(new StringReader(HEADER + rows), "list.csv");
    }

    private static String row(String account, String name, String street, String city, String zone) {
        return account + ",Eversource,Amherst,R-1," + name + "," + street + "," + city + ",01002,BS,N,N," + zone + "\n";
    }

    @Test
    void aNulInAFieldRejectsItsRowWithTheLineAndNotTheFile() {
        CustomerList list = readText(row("54000000001", "Ann Able", "1 Main St", "Amherst", "")
                + row("54000000002", "Jo\u0000e", "2 Main St", "Amherst", "")
                + row("54000000003", "Cy Crane", "3 Main St", "Am\u001Bherst", ""));

        assertThat(list.accepted()).isEqualTo(1);
        assertThat(list.rejections()).containsExactly(
                new BatchReport.Rejection(3, "customer name contains the control character U+0000 (NUL) at"
                        + " character 3; delete it (a file exported as \"CSV UTF-8\" has none)"),
                new BatchReport.Rejection(4, "service city contains the control character U+001B at character 3;"
                        + " delete it (a file exported as \"CSV UTF-8\" has none)"));
    }

    @Test
    void c1ControlsAndDeleteAreControlCharactersButTabsAndLineBreaksAreNot() {
        CustomerList list = readText(row("54000000001", "\"Ann\tAble\"", "\"Unit 1\r\n1 Main St\"", "Amherst", "")
                + row("54000000002", "Bo\u0085b", "2 Main St", "Amherst", "")
                + row("54000000003", "Cy", "3 Main\u007F St", "Amherst", "")
                + row("54000000004", "Di\u009F", "4 Main St", "Amherst", "")
                + row("54000000005", "Ed\u00A0Eddy", "5 Main St", "Amherst", ""));

        // U+00A0 (no-break space) is the first character after the C1 block: an ordinary character.
        assertThat(list.rows()).extracting(r -> r.accountNumber().value()).containsExactly("54000000001",
                "54000000005");
        assertThat(list.rejections()).extracting(BatchReport.Rejection::line, BatchReport.Rejection::reason)
                .containsExactly(
                        tuple(4L, "customer name contains the control character U+0085 at character 3; delete it"
                                + " (a file exported as \"CSV UTF-8\" has none)"),
                        tuple(5L, "service street contains the control character U+007F at character 7; delete it"
                                + " (a file exported as \"CSV UTF-8\" has none)"),
                        tuple(6L, "customer name contains the control character U+009F at character 3; delete it"
                                + " (a file exported as \"CSV UTF-8\" has none)"));
    }

    @Test
    void aMillionCharacterNameIsRejectedWithItsLength() {
        CustomerList list = readText(row("54000000001", "N".repeat(1_000_000), "1 Main St", "Amherst", ""));

        assertThat(list.rows()).isEmpty();
        assertThat(list.rejections()).containsExactly(new BatchReport.Rejection(2,
                "customer name is 1,000,000 characters long; at most 200 are allowed"));
    }

    @Test
    void everyTextFieldHasItsDocumentedLimit() {
        // At the limit a value is accepted; one character more rejects the row.
        CustomerList list = readText(row("54000000001", "N".repeat(200), "S".repeat(200), "C".repeat(100), "")
                + row("54000000002", "N".repeat(201), "2 Main St", "Amherst", "")
                + row("54000000003", "Ann", "S".repeat(201), "Amherst", "")
                + row("54000000004", "Ann", "4 Main St", "C".repeat(101), "")
                + row("5".repeat(31), "Ann", "5 Main St", "Amherst", "")
                + "54000000006,Eversource," + "T".repeat(101) + ",R-1,Ann,6 Main St,Amherst,01002,BS,N,N,\n"
                + "54000000007,Eversource,Amherst,R-1,Ann,7 Main St,Amherst,01002," + "S".repeat(101) + ",N,N,\n");

        assertThat(list.rows()).extracting(r -> r.accountNumber().value()).containsExactly("54000000001");
        assertThat(list.rejections()).extracting(BatchReport.Rejection::reason).containsExactly(
                "customer name is 201 characters long; at most 200 are allowed",
                "service street is 201 characters long; at most 200 are allowed",
                "service city is 101 characters long; at most 100 are allowed",
                "account number is 31 characters long; at most 30 are allowed",
                "town is 101 characters long; at most 100 are allowed",
                "supply status is 101 characters long; at most 100 are allowed");
        assertThat(CustomerListColumn.CUSTOMER_NAME.maxLength()).isEqualTo(200);
    }

    @Test
    void loadZonesAreReadByCodeByIsoNeSheetNameAndByFullName() {
        String[] zones = {"WCMASS", "NEMASSBOST", "SEMASS", "Northeast Massachusetts and Boston",
            "Southeast Massachusetts", "Western/Central Massachusetts", "nema", "Sema", "", "NEMASS"};
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < zones.length; i++) {
            rows.append(row("5400000000" + i, "Ann", i + " Main St", "Amherst", "\"" + zones[i] + "\""));
        }
        CustomerList list = readText(rows.toString());

        assertThat(list.rows()).extracting(CustomerListRow::loadZone).containsExactly(LoadZone.WCMA, LoadZone.NEMA,
                LoadZone.SEMA, LoadZone.NEMA, LoadZone.SEMA, LoadZone.WCMA, LoadZone.NEMA, LoadZone.SEMA,
                LoadZone.WCMA);
        assertThat(list.rejections()).containsExactly(
                new BatchReport.Rejection(11, "load zone 'NEMASS' is not one of WCMA, NEMA, SEMA"));
    }

    @Test
    void eachMissingOrMalformedValueHasItsOwnMessage() {
        CustomerList list = readText(
                ",,Amherst,,Ann,1 Main St,Amherst,,BS,N,N,\n"
                + "A 1,Eversource,Amherst,R-1,Ann,1 Main St,Amherst,01002,unknown,N,N,\n"
                + "54000000003,Eversource,Amherst,R-1,Ann,,Amherst,1002-12,Basic,N,N,\n"
                + "1.2e5,Eversource,Amherst,R-1,Ann,1 Main St,Amherst,01002,Basic Service Fixed,Y,N,\n");

        assertThat(list.rejections()).containsExactly(
                new BatchReport.Rejection(2, "account number is missing; utility is missing; rate class is missing;"
                        + " ZIP code is missing"),
                new BatchReport.Rejection(3, "account number 'A 1' must be 4 to 30 letters, digits or dashes;"
                        + " supply status 'unknown' is not known (write Basic Service, or Competitive or the"
                        + " supplier's name)"),
                new BatchReport.Rejection(4, "service street is missing; ZIP code '1002-12' must be 5 digits"),
                new BatchReport.Rejection(5, "account number '1.2e5' was turned into a number in scientific"
                        + " notation by a spreadsheet; format the column as text and export the list again"));
    }

    @Test
    void duplicatesIgnoreTheCaseOfTheAccountNumber() {
        CustomerList list = readText(row("ab-1234", "Ann", "1 Main St", "Amherst", "")
                + row("AB-1234", "Ann", "1 Main St", "Amherst", ""));

        assertThat(list.rejections()).containsExactly(
                new BatchReport.Rejection(3, "duplicate of line 2 (same utility and account number)"));
    }

    @Test
    void aChunkedReadHandsOverConsecutiveRecordsInLineOrder() {
        String text = HEADER + row("54000000001", "Ann", "1 Main St", "Amherst", "")
                + row("54000000002", "Bo", "2 Main St", "Amherst", "ZZ")
                + "\n"
                + row("54000000003", "Cy", "3 Main St", "Amherst", "")
                + row("54000000001", "Ann", "1 Main St", "Amherst", "")
                + row("54000000005", "Ed", "5 Main St", "Amherst", "");
        java.util.List<String> chunks = new java.util.ArrayList<>();

        CustomerListReader.Summary summary = CustomerListReader.read(new StringReader(text), "list.csv", 2,
                (rows, rejections) -> chunks.add(rows.stream().map(r -> "+" + r.line()).toList() + " "
                        + rejections.stream().map(r -> "-" + r.line()).toList()));

        // Line 4 is blank; two records per chunk.
        assertThat(chunks).containsExactly("[+2] [-3]", "[+5] [-6]", "[+7] []");
        assertThat(summary).isEqualTo(new CustomerListReader.Summary("list.csv", 5, 3, 2, java.util.List.of()));
    }

    @Test
    void aChunkSizeBelowOneIsAProgrammingError() {
        assertThatThrownBy(() -> CustomerListReader.read(new StringReader(HEADER), "list.csv", 0, (r, j) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk size must be positive, was 0");
    }
}
