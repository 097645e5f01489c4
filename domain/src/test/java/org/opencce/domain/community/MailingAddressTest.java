package org.opencce.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;

class MailingAddressTest {
    /** Bob Brennan rents 40 Triangle St; his landlord's office in Hadley gets his mail. */
    private static final MailingAddress LANDLORD = new MailingAddress("c/o Pioneer Property Mgmt\nPO Box 112",
            "Hadley", "MA", "01035-0112");

    @Test
    void anAddressIsPrintedAsAnEnvelopeShowsIt() {
        assertThat(LANDLORD.lines()).containsExactly("c/o Pioneer Property Mgmt", "PO Box 112",
                "Hadley MA 01035-0112");
        assertThat(LANDLORD.toString()).isEqualTo("c/o Pioneer Property Mgmt, PO Box 112, Hadley MA 01035-0112");
        assertThat(new MailingAddress("  9 Summer St \r\n\n Apt 2 ", " Keene ", "NH", "03431").lines())
                .containsExactly("9 Summer St", "Apt 2", "Keene NH 03431");
    }

    @Test
    void eachFieldIsCheckedAndTheMessageNamesItAndItsValue() {
        assertThatThrownBy(() -> new MailingAddress(" ", "Hadley", "MA", "01035"))
                .hasMessage("mailing address street must not be blank, was ' '");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", "", "MA", "01035"))
                .hasMessage("mailing address city must not be blank, was ''");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", "Hadley", "ma", "01035"))
                .hasMessage("mailing address state must be a two-letter code in upper case (MA), was 'ma'");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", "Hadley", "MAS", "01035"))
                .hasMessageContaining("'MAS'");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", "Hadley", "M", "01035"))
                .hasMessageContaining("'M'");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", "Hadley", "MA", "1035"))
                .hasMessage("mailing address ZIP code must be 5 digits (or ZIP+4), was '1035'");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", "Hadley", "MA", "01035-12"))
                .hasMessageContaining("'01035-12'");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", "Hadley", "MA", "01035 "))
                .hasMessageContaining("'01035 '");
        assertThatThrownBy(() -> new MailingAddress(null, "Hadley", "MA", "01035")).hasMessage("street");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", null, "MA", "01035")).hasMessage("city");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", "Hadley", null, "01035")).hasMessage("state");
        assertThatThrownBy(() -> new MailingAddress("PO Box 1", "Hadley", "MA", null)).hasMessage("zip");
    }

    @Test
    void theNoticeGoesToTheMailingAddressWhenThereIsOne() {
        Account bob = Fixtures.valleyAccounts().get(1);
        assertThat(bob.mailingAddress()).isEmpty();
        assertThat(bob.noticeAddress()).isEqualTo(new MailingAddress("40 Triangle St", "Amherst", "MA", "01002"));

        Account rented = bob.withMailingAddress(Optional.of(LANDLORD));
        assertThat(rented.noticeAddress()).isEqualTo(LANDLORD);
        assertThat(rented.serviceAddress()).isEqualTo(bob.serviceAddress());
        assertThat(rented.withMailingAddress(Optional.empty())).isEqualTo(bob);
        assertThatThrownBy(() -> bob.withMailingAddress(null)).hasMessage("mailingAddress");
    }
}
