package org.opencce.formats.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.Product;
import org.opencce.domain.units.EnergyPrice;

/**
 * Named notices of the fixture community: Valley Green Energy mails on March 3, 2025, and the 30-day
 * window's last day is April 2, 2025. Alice Abbott gets hers at her service address; Bob Brennan rents,
 * and his goes to his landlord's office in Hadley.
 */
final class NoticeFixtures {
    static final LocalDate MAILING = LocalDate.of(2025, 3, 3);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 4, 2);
    static final MailingAddress BOBS_LANDLORD = new MailingAddress("c/o Pioneer Property Mgmt, Suite 2\nPO Box 112",
            "Hadley", "MA", "01035-0112");
    /** Eversource's residential Basic Service, February to July 2025 (illustrative figure). */
    static final NoticeLetter.BasicServicePrice EVERSOURCE_BASIC_SERVICE = new NoticeLetter.BasicServicePrice(
            EnergyPrice.ofCentsPerKilowattHour("15.571"), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 7, 31));

    private NoticeFixtures() {
    }

    static NoticeLetter.ProgramContact valleyContact() {
        return new NoticeLetter.ProgramContact("Valley Green Energy", "(413) 555-0142", "hello@valleygreen.example",
                "valleygreen.example", "valleygreen.example/opt-out", List.of("Amherst Town Hall",
                        "4 Boltwood Ave", "Amherst MA 01002"));
    }

    static Account alice() {
        return Fixtures.valleyAccounts().get(0);
    }

    static Account bob() {
        return Fixtures.valleyAccounts().get(1).withMailingAddress(Optional.of(BOBS_LANDLORD));
    }

    static List<Product> products() {
        return Fixtures.valleyProducts();
    }

    static NoticeLetter letter(Account account) {
        return NoticeLetter.forAccount(valleyContact(), MAILING, LAST_DAY, account, products(),
                EVERSOURCE_BASIC_SERVICE);
    }

    /** The same letter with another recipient name. */
    static NoticeLetter named(NoticeLetter l, String name) {
        return new NoticeLetter(l.program(), l.mailingDate(), l.lastDayToOptOut(), name, l.mailingAddress(),
                l.utility(), l.accountNumber(), l.rateClass(), l.offers(), l.basicService());
    }
}
