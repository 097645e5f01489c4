package org.opencce.formats.customerlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.FormatException;

/** The optional mailing-address columns of a customer list (issue 6, Notices). */
class MailingAddressColumnsTest {
    private static final String HEADER = "account_number,utility,town,rate_class,customer_name,service_street,"
            + "service_city,service_zip,supply_status,mailing_street,mailing_city,mailing_state,mailing_zip\n";

    private static CustomerList read(String text) {
        return CustomerListReader.read(new StringReader(text), "list.csv");
    }

    private static String row(String account, String mailing) {
        return account + ",Eversource,Amherst,R-1,Ann Able,1 Main St,Amherst,01002,BS," + mailing + "\n";
    }

    @Test
    void aRowWithAllFourColumnsHasAMailingAddressAndARowWithNoneHasNone() {
        CustomerList list = read(HEADER
                + row("54000000001", "\"c/o Pioneer Property Mgmt, PO Box 112\",Hadley,MA,01035-0112")
                + row("54000000002", ",,,")
                + row("54000000003", " 9 Summer St , Keene ,nh, 03431 "));

        assertThat(list.rejections()).isEmpty();
        assertThat(list.rows()).extracting(CustomerListRow::mailingAddress).containsExactly(
                Optional.of(new MailingAddress("c/o Pioneer Property Mgmt, PO Box 112", "Hadley", "MA", "01035-0112")),
                Optional.empty(),
                // Values are trimmed, and a state code in lower case is read in upper case.
                Optional.of(new MailingAddress("9 Summer St", "Keene", "NH", "03431")));
    }

    @Test
    void aListWithoutTheMailingColumnsIsStillValid() {
        CustomerList list = read("account_number,utility,town,rate_class,customer_name,service_street,service_city,"
                + "service_zip,supply_status\n54000000001,Eversource,Amherst,R-1,Ann,1 Main St,Amherst,01002,BS\n");

        assertThat(list.rejections()).isEmpty();
        assertThat(list.rows()).singleElement().extracting(CustomerListRow::mailingAddress)
                .isEqualTo(Optional.empty());
    }

    @Test
    void aRowWithSomeButNotAllOfTheFourIsRejectedWithTheOnesItLacks() {
        CustomerList list = read(HEADER
                + row("54000000001", "PO Box 112,,MA,")
                + row("54000000002", ",Hadley,,")
                + row("54000000003", "PO Box 112,Hadley,MA,")
                + row("54000000004", ",Hadley,MA,01035"));

        assertThat(list.rows()).isEmpty();
        assertThat(list.rejections()).containsExactly(
                new BatchReport.Rejection(2, "the mailing address lacks its mailing city, mailing ZIP code; fill in"
                        + " all four mailing columns or leave all four blank"),
                new BatchReport.Rejection(3, "the mailing address lacks its mailing street, mailing state, mailing"
                        + " ZIP code; fill in all four mailing columns or leave all four blank"),
                new BatchReport.Rejection(4, "the mailing address lacks its mailing ZIP code; fill in all four"
                        + " mailing columns or leave all four blank"),
                new BatchReport.Rejection(5, "the mailing address lacks its mailing street; fill in all four"
                        + " mailing columns or leave all four blank"));
    }

    @Test
    void aBadStateOrZipCodeRejectsItsRowNamingTheValue() {
        CustomerList list = read(HEADER
                + row("54000000001", "PO Box 112,Hadley,Mass,01035")
                + row("54000000002", "PO Box 112,Hadley,MA,1035")
                + row("54000000003", "PO Box 112,Hadley,M1,01035-12")
                + row("54000000004", "PO Box 112,Hadley,M,01035"));

        assertThat(list.rows()).isEmpty();
        assertThat(list.rejections()).containsExactly(
                new BatchReport.Rejection(2, "mailing state 'Mass' must be a two-letter state code such as MA"),
                new BatchReport.Rejection(3, "mailing ZIP code '1035' must be 5 digits (a spreadsheet may have"
                        + " dropped its leading zero: 01035?)"),
                new BatchReport.Rejection(4, "mailing state 'M1' must be a two-letter state code such as MA;"
                        + " mailing ZIP code '01035-12' must be 5 digits"),
                new BatchReport.Rejection(5, "mailing state 'M' must be a two-letter state code such as MA"));
    }

    @Test
    void aMailingProblemIsReportedBesideTheRowsOtherProblems() {
        CustomerList list = read(HEADER
                + "54000000001,Eversource,Amherst,R-9,Ann Able,1 Main St,Amherst,01002,BS,PO Box 1,,MA,01035\n");

        assertThat(list.rejections()).containsExactly(new BatchReport.Rejection(2, "rate class 'R-9' is not one of"
                + " R-1, R-2, R-3, R-4, G-1, G-2, G-3; the mailing address lacks its mailing city; fill in all four"
                + " mailing columns or leave all four blank"));
    }

    @Test
    void theMailingColumnsHaveLengthLimitsLikeTheOthers() {
        CustomerList list = read(HEADER
                + row("54000000001", "S".repeat(200) + "," + "C".repeat(100) + ",MA,01035")
                + row("54000000002", "S".repeat(201) + ",Hadley,MA,01035")
                + row("54000000003", "PO Box 1," + "C".repeat(101) + ",MA,01035")
                + row("54000000004", "PO Box 1,Hadley," + "M".repeat(11) + ",01035")
                + row("54000000005", "PO Box 1,Hadley,MA," + "0".repeat(11))
                + row("54000000006", "PO\u0000Box 1,Hadley,MA,01035"));

        assertThat(list.rows()).extracting(r -> r.accountNumber().value()).containsExactly("54000000001");
        assertThat(list.rejections()).extracting(BatchReport.Rejection::reason).containsExactly(
                "mailing street is 201 characters long; at most 200 are allowed",
                "mailing city is 101 characters long; at most 100 are allowed",
                "mailing state is 11 characters long; at most 10 are allowed",
                "mailing ZIP code is 11 characters long; at most 10 are allowed",
                "mailing street contains the control character U+0000 (NUL) at character 3; delete it (a file"
                        + " exported as \"CSV UTF-8\" has none)");
    }

    @Test
    void aHeaderWithSomeOfTheMailingColumnsIsRefusedWhole() {
        String text = "account_number,utility,town,rate_class,customer_name,service_street,service_city,service_zip,"
                + "supply_status,Mailing Street,Mailing ZIP\n"
                + "54000000001,Eversource,Amherst,R-1,Ann,1 Main St,Amherst,01002,BS,PO Box 1,01035\n";

        assertThatThrownBy(() -> read(text))
                .isInstanceOf(FormatException.class)
                .hasMessage("list.csv, line 1: a mailing address needs all four columns mailing_street, mailing_city,"
                        + " mailing_state, mailing_zip, but the header lacks mailing_city (or Mailing City, Mail City);"
                        + " mailing_state (or Mailing State, Mail State); add the missing columns or remove the"
                        + " mailing columns");
        assertThatThrownBy(() -> read(text.replace(",Mailing ZIP", ",Mailing ZIP,Mail City,Mail State")
                .replace("Mailing Street,", "")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("the header lacks mailing_street (or Mailing Street, Mail Street, Mailing"
                        + " Street Address); add the missing column or remove");
    }

    @Test
    void otherSpellingsOfTheMailingHeadersAreAcceptedButAOneLineMailingAddressIsIgnored() {
        CustomerList list = read("Account Number,Utility,Town,Rate,Name,Street,City,ZIP,Supply,Mail Street,"
                + "Mail City,Mail State,Mailing Zip Code,Mailing Address\n"
                + "54000000001,Eversource,Amherst,R-1,Ann,1 Main St,Amherst,01002,BS,PO Box 9,Amherst,MA,01004,"
                + "\"PO Box 9, Amherst MA 01004\"\n");

        assertThat(list.rejections()).isEmpty();
        assertThat(list.ignoredColumns()).containsExactly("Mailing Address");
        assertThat(list.rows().get(0).mailingAddress())
                .contains(new MailingAddress("PO Box 9", "Amherst", "MA", "01004"));
        assertThat(CustomerListColumn.forHeader("Mailing Postal Code")).contains(CustomerListColumn.MAILING_ZIP);
        assertThat(CustomerListColumn.forHeader("MAILING_STREET_ADDRESS")).contains(CustomerListColumn.MAILING_STREET);
        assertThat(CustomerListColumn.mailingAddress()).allSatisfy(c -> assertThat(c.isRequired()).isFalse());
    }
}
