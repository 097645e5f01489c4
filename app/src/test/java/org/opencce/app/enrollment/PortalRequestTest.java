package org.opencce.app.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.app.enrollment.PortalRequest.Channel;
import org.opencce.app.enrollment.PortalRequest.Kind;
import org.opencce.domain.Fixtures;

/** The request's rules: how numbers and ZIP codes are compared, and which combinations are refused. */
class PortalRequestTest {
    private static final String CLIENT = "203.0.113.5";

    @Test
    void accountNumbersCompareWithoutSpacesAndDashesAndIgnoreCase() {
        PortalRequest typed = optOut("540-1234 5678", "01002");

        assertThat(typed.accountNumberKey()).isEqualTo("54012345678");
        assertThat(PortalRequest.keyOf(" ab-12 cd ")).isEqualTo("AB12CD");
        assertThat(PortalRequest.keyOf(null)).isEmpty();
    }

    @Test
    void leadingZerosAreKept() {
        assertThat(PortalRequest.keyOf("0012-0034")).isEqualTo("00120034");
    }

    @Test
    void theZipCodeComparesOnItsFirstFiveDigits() {
        assertThat(optOut("54012345678", "01002-1234").serviceZip5()).isEqualTo("01002");
        assertThat(optOut("54012345678", "010021234").serviceZip5()).isEqualTo("01002");
        assertThat(optOut("54012345678", "01060").serviceZip5()).isEqualTo("01060");
    }

    @Test
    void aZipCodeIsFiveDigitsOrZipPlusFour() {
        assertThat(PortalRequest.isZip("01002")).isTrue();
        assertThat(PortalRequest.isZip("01002-1234")).isTrue();
        assertThat(PortalRequest.isZip("010021234")).isTrue();
        assertThat(PortalRequest.isZip("1002")).isFalse();
        assertThat(PortalRequest.isZip("O1002")).isFalse();
        assertThat(PortalRequest.isZip("01002-12")).isFalse();
        assertThat(PortalRequest.isZip("010021")).isFalse();
        assertThat(PortalRequest.isZip(null)).isFalse();
    }

    @Test
    void theFormAcceptsFourToThirtyLettersOrDigitsBesidesSpacesAndDashes() {
        assertThat(PortalRequest.isAccountNumber("1234")).isTrue();
        assertThat(PortalRequest.isAccountNumber("12-3")).as("three digits once the dash is gone").isFalse();
        assertThat(PortalRequest.isAccountNumber("1".repeat(30))).isTrue();
        assertThat(PortalRequest.isAccountNumber("1".repeat(31))).isFalse();
        assertThat(PortalRequest.isAccountNumber("1-2-3-4-5-6-7-8-9-0-1-2-3-4-5-6-7-8-9-0-1-2-3-4-5-6-7-8-9-0-1"))
                .as("61 characters typed").isFalse();
        assertThat(PortalRequest.isAccountNumber("5401 2345 678")).isTrue();
        assertThat(PortalRequest.isAccountNumber("5401.2345")).isFalse();
        assertThat(PortalRequest.isAccountNumber("")).isFalse();
        assertThat(PortalRequest.isAccountNumber(null)).isFalse();
    }

    @Test
    void aShortNumberTheUtilityGaveIsStillARequest() {
        // The console fills in the account's own number, which the utility may write with dashes.
        PortalRequest staff = new PortalRequest(Kind.OPT_OUT, "1-2-3", "01002", Optional.empty(), Channel.PHONE, CLIENT);

        assertThat(staff.accountNumberKey()).isEqualTo("123");
    }

    @Test
    void anOptOutNamesNoProductAndAChangeNamesOne() {
        assertThatThrownBy(() -> new PortalRequest(Kind.OPT_OUT, "54012345678", "01002",
                Optional.of(Fixtures.BASIC), Channel.WEB, CLIENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an opt-out names no product, was basic");
        assertThatThrownBy(() -> new PortalRequest(Kind.CHANGE_PRODUCT, "54012345678", "01002", Optional.empty(),
                Channel.WEB, CLIENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a product change must name the product wanted");
        assertThat(new PortalRequest(Kind.OPT_IN, "8123456790", "01060", Optional.empty(), Channel.MAIL, CLIENT)
                .product()).as("an opt-in without a product takes the default").isEmpty();
    }

    @Test
    void malformedFieldsAreRefusedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> optOut("12.34", "01002")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("accountNumber must have 1 to 30 letters or digits").hasMessageEndingWith("'12.34'");
        assertThatThrownBy(() -> optOut("54012345678", "1002")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serviceZip must be 5 digits or ZIP+4, was '1002'");
        assertThatThrownBy(() -> new PortalRequest(Kind.OPT_OUT, "54012345678", "01002", Optional.empty(),
                Channel.WEB, "")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("clientAddress");
        assertThatThrownBy(() -> new PortalRequest(Kind.OPT_OUT, "54012345678", "01002", Optional.empty(),
                Channel.WEB, "x".repeat(101))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("clientAddress must have 1 to 100 characters");
    }

    @Test
    void channelsHaveTheCodesOfFormsAndFiles() {
        assertThat(Channel.REPLY_CARD.code()).isEqualTo("reply_card");
        assertThat(Channel.ofCode("phone")).contains(Channel.PHONE);
        assertThat(Channel.ofCode("web")).contains(Channel.WEB);
        assertThat(Channel.ofCode("mail")).contains(Channel.MAIL);
        assertThat(Channel.ofCode("PHONE")).isEmpty();
        assertThat(Channel.ofCode("fax")).isEmpty();
    }

    @Test
    void outcomesRefuseBlankTexts() {
        assertThatThrownBy(() -> new PortalOutcome.Confirmed(" ", "Back to Basic Service.", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("confirmationNumber");
        assertThatThrownBy(() -> new PortalOutcome.Confirmed("VGE-1", "", Optional.of(LocalDate.of(2025, 4, 4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("whatHappens");
        assertThatThrownBy(() -> new PortalOutcome.Refused(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason");
    }

    private static PortalRequest optOut(String number, String zip) {
        return new PortalRequest(Kind.OPT_OUT, number, zip, Optional.empty(), Channel.WEB, CLIENT);
    }
}
