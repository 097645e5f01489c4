package org.opencce.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencce.domain.Fixtures;

class ProgramContactTest {
    private static final PostalAddress PO_BOX = new PostalAddress("PO Box 555", "Amherst", "MA", "01004");

    @ParameterizedTest
    @ValueSource(strings = {"413-555-0142", "(413) 555-0142", "413.555.0142", "4135550142", "+1 413 555 0142",
        "1-413-555-0142", "(413)555-0142"})
    void northAmericanNumbersAreAcceptedAsWritten(String phone) {
        assertThat(new ProgramContact(phone, "info@example.org", "https://example.org", PO_BOX).phone())
                .isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"555-0142", "413-555-014", "413-555-01422", "013-555-0142", "413-155-0142",
        "413 555 0142 x12", "+44 20 7946 0958", "", "phone"})
    void otherPhoneNumbersAreRefusedWithTheRule(String phone) {
        assertThat(ProgramContact.problemWithPhone(phone)).contains(
                "must be a 10-digit North American number such as 413-555-0142, was '" + phone + "'");
        assertThatThrownBy(() -> new ProgramContact(phone, "info@example.org", "https://example.org", PO_BOX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contact phone must be a 10-digit North American number such as 413-555-0142, was '"
                        + phone + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"info@example.org", "opt.out+vge@mail.valleygreen.example.org", "A_B%c@x-y.co"})
    void emailAddressesAreAccepted(String email) {
        assertThat(ProgramContact.problemWithEmail(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "info@example", "@example.org", "info@@example.org", "in fo@example.org",
        "info@example.org ", "info@.org", "info@example.o"})
    void otherEmailAddressesAreRefused(String email) {
        assertThat(ProgramContact.problemWithEmail(email))
                .contains("must be an e-mail address such as info@example.org, was '" + email + "'");
        assertThatThrownBy(() -> new ProgramContact("413-555-0142", email, "https://example.org", PO_BOX))
                .hasMessageStartingWith("contact email must be an e-mail address");
    }

    @Test
    void anEmailAddressLongerThanAnSmtpPathIsRefused() {
        String local = "a".repeat(ProgramContact.MAX_ADDRESS - "@example.org".length());
        assertThat(ProgramContact.problemWithEmail(local + "@example.org")).isEmpty();
        assertThat(ProgramContact.problemWithEmail(local + "a@example.org")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org", "http://valleygreen.example.org/opt-out?town=amherst",
        "https://www.example.org:8443/", "https://example.org/"})
    void webAddressesAreAccepted(String web) {
        assertThat(ProgramContact.problemWithWeb(web)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "ftp://example.org", "https://", "https://example", "https://example.org/a b",
        "https:/example.org", "javascript:alert(1)"})
    void otherWebAddressesAreRefused(String web) {
        assertThat(ProgramContact.problemWithWeb(web)).contains("must be a web address starting with https:// or"
                + " http://, such as https://example.org, was '" + web + "'");
        assertThatThrownBy(() -> new ProgramContact("413-555-0142", "info@example.org", web, PO_BOX))
                .hasMessageStartingWith("contact web must be a web address");
    }

    @Test
    void aWebAddressLongerThanTheLimitIsRefused() {
        String site = "https://example.org/";
        assertThat(ProgramContact.problemWithWeb(site + "a".repeat(ProgramContact.MAX_ADDRESS - site.length())))
                .isEmpty();
        assertThat(ProgramContact.problemWithWeb(site + "a".repeat(ProgramContact.MAX_ADDRESS - site.length() + 1)))
                .isPresent();
    }

    @Test
    void aContactNeedsEveryPart() {
        assertThatThrownBy(() -> new ProgramContact(null, "info@example.org", "https://example.org", PO_BOX))
                .hasMessage("phone");
        assertThatThrownBy(() -> new ProgramContact("413-555-0142", null, "https://example.org", PO_BOX))
                .hasMessage("email");
        assertThatThrownBy(() -> new ProgramContact("413-555-0142", "info@example.org", null, PO_BOX))
                .hasMessage("web");
        assertThatThrownBy(() -> new ProgramContact("413-555-0142", "info@example.org", "https://example.org", null))
                .hasMessage("returnAddress");
    }

    @Test
    void theValleyContactIsPlainlyFictitious() {
        ProgramContact valley = Fixtures.valleyContact();
        assertThat(valley.phone()).contains("555-01");
        assertThat(valley.email()).endsWith("example.org");
        assertThat(valley.returnAddress().toString()).isEqualTo("PO Box 555, Amherst, MA 01004");
    }

    // ---------------------------------------------------------------- postal address

    @Test
    void aNineDigitZipIsKeptAsZipPlusFour() {
        assertThat(new PostalAddress("1 Main St", "Amherst", "MA", "010021234").zip()).isEqualTo("01002-1234");
        assertThat(new PostalAddress("1 Main St", "Amherst", "MA", "01002-1234").zip()).isEqualTo("01002-1234");
        assertThat(new PostalAddress("1 Main St", "Amherst", "MA", "01002").zip()).isEqualTo("01002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100", "010021", "01002-12", "01002 1234", "O1002", "", "01002-12345"})
    void otherZipCodesAreRefused(String zip) {
        assertThat(PostalAddress.problemWithZip(zip))
                .contains("must be 5 digits or a ZIP+4 (01002 or 01002-1234), was '" + zip + "'");
        assertThatThrownBy(() -> new PostalAddress("1 Main St", "Amherst", "MA", zip))
                .hasMessageStartingWith("postal address ZIP code must be 5 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ma", "Ma", "M", "MAS", "M1", ""})
    void theStateIsTheTwoLetterAbbreviationInCapitals(String state) {
        assertThat(PostalAddress.problemWithState(state)).contains(
                "must be the two-letter postal abbreviation in capitals, such as MA, was '" + state + "'");
        assertThatThrownBy(() -> new PostalAddress("1 Main St", "Amherst", state, "01002"))
                .hasMessageStartingWith("postal address state must be");
        assertThat(PostalAddress.problemWithState("NH")).isEmpty();
    }

    @Test
    void streetAndCityMustBeGivenAndNotTooLong() {
        assertThat(PostalAddress.problemWithStreet(" ")).contains("must not be empty");
        assertThat(PostalAddress.problemWithCity("")).contains("must not be empty");
        assertThat(PostalAddress.problemWithStreet("a".repeat(PostalAddress.MAX_STREET))).isEmpty();
        assertThat(PostalAddress.problemWithStreet("a".repeat(PostalAddress.MAX_STREET + 1)))
                .contains("must be at most 200 characters, was 201");
        assertThat(PostalAddress.problemWithCity("a".repeat(PostalAddress.MAX_CITY))).isEmpty();
        assertThat(PostalAddress.problemWithCity("a".repeat(PostalAddress.MAX_CITY + 1)))
                .contains("must be at most 100 characters, was 101");
        assertThatThrownBy(() -> new PostalAddress("", "Amherst", "MA", "01002"))
                .hasMessage("postal address street must not be empty");
        assertThatThrownBy(() -> new PostalAddress("1 Main St", " ", "MA", "01002"))
                .hasMessage("postal address city must not be empty");
        assertThatThrownBy(() -> new PostalAddress(null, "Amherst", "MA", "01002")).hasMessage("street");
        assertThatThrownBy(() -> new PostalAddress("1 Main St", null, "MA", "01002")).hasMessage("city");
        assertThatThrownBy(() -> new PostalAddress("1 Main St", "Amherst", null, "01002")).hasMessage("state");
        assertThatThrownBy(() -> new PostalAddress("1 Main St", "Amherst", "MA", null)).hasMessage("zip");
    }
}
