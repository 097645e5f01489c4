package org.opencce.formats.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.EnergyPrice;

/** The words of the notice, merged for the named fixture customers. */
class NoticeWordingTest {
    private static final NoticeLetter ALICE = NoticeFixtures.letter(NoticeFixtures.alice());
    /** Carol Chen, Northampton: a National Grid customer. */
    private static final NoticeLetter CAROL = NoticeFixtures.letter(Fixtures.valleyAccounts().get(2));

    @Test
    void pricesKeepThreeDecimalsOrMoreAndAreNeverRounded() {
        assertThat(NoticeWording.price(EnergyPrice.ofCentsPerKilowattHour("14.45"))).isEqualTo("14.450¢/kWh");
        assertThat(NoticeWording.price(EnergyPrice.ofCentsPerKilowattHour("14.4519"))).isEqualTo("14.4519¢/kWh");
        assertThat(NoticeWording.price(EnergyPrice.ofCentsPerKilowattHour("15"))).isEqualTo("15.000¢/kWh");
        assertThat(NoticeWording.price(EnergyPrice.ofCentsPerKilowattHour("20.00"))).isEqualTo("20.000¢/kWh");
    }

    @Test
    void percentagesAndDatesReadAsInTheUnitedStates() {
        assertThat(NoticeWording.percent(20)).isEqualTo("20%");
        assertThat(NoticeWording.percent(100)).isEqualTo("100%");
        assertThat(NoticeWording.percent(12.5)).isEqualTo("12.5%");
        assertThat(NoticeWording.percent(0)).isEqualTo("0%");
        assertThat(NoticeWording.longDate(LocalDate.of(2025, 4, 2))).isEqualTo("Wednesday, April 2, 2025");
        assertThat(NoticeWording.date(LocalDate.of(2025, 3, 3))).isEqualTo("March 3, 2025");
        assertThat(NoticeWording.term(ALICE.defaultOffer())).isEqualTo("Jan 2025 – Dec 2026");
        assertThat(NoticeWording.period(NoticeFixtures.EVERSOURCE_BASIC_SERVICE))
                .isEqualTo("Feb 1, 2025 – Jul 31, 2025");
    }

    @Test
    void theLetterSaysWhoIsEnrolledInWhatUnlessTheyOptOutByWhen() {
        assertThat(NoticeWording.headline(ALICE))
                .isEqualTo("Valley Green Energy will supply your electricity unless you opt out by Wednesday, April 2,"
                        + " 2025");
        assertThat(NoticeWording.greeting(NoticeFixtures.named(ALICE, " José Ortiz "))).isEqualTo("Dear José Ortiz,");
        assertThat(NoticeWording.introduction(ALICE)).containsExactly(
                "Your town has joined Valley Green Energy, a community electricity program (municipal aggregation)"
                        + " under Massachusetts law (G. L. c. 164, § 134). Unless you opt out by Wednesday, April 2,"
                        + " 2025, your account will be enrolled in Valley Standard at 14.450¢/kWh. You do not need to"
                        + " do anything to join.",
                "Eversource will still deliver your electricity, read your meter and send your bill. Only the supply"
                        + " part of your bill changes: the program's price takes the place of Eversource Basic"
                        + " Service.");
        assertThat(NoticeWording.mailed(ALICE)).isEqualTo("Mailed March 3, 2025");
    }

    @Test
    void theAccountIsNamedWithItsUtilityAndRateClass() {
        assertThat(NoticeWording.accountLines(ALICE)).containsExactly("Account number 54012345678",
                "Utility: Eversource", "Rate class R-1: residential");
        assertThat(NoticeWording.accountLines(CAROL)).containsExactly("Account number 8123456789",
                "Utility: National Grid", "Rate class R-1: residential");
        assertThat(NoticeWording.utilityName(Utility.NATIONAL_GRID_MA)).isEqualTo("National Grid");
        assertThat(NoticeWording.utilityName(Utility.EVERSOURCE_WMA)).isEqualTo("Eversource");
    }

    @Test
    void theProductsStandBesideBasicServiceForTheCustomersClass() {
        assertThat(NoticeWording.pricesHeading(NoticeFixtures.letter(NoticeFixtures.bob())))
                .isEqualTo("Supply prices for rate class R-2");
        assertThat(NoticeWording.pricesHeader()).containsExactly("Product", "Renewable energy", "Price", "Term");
        assertThat(NoticeWording.priceRows(CAROL)).containsExactly(
                List.of("Valley Basic", "state minimum", "13.950¢/kWh", "Jan 2025 – Dec 2026"),
                List.of("Valley Standard (default)", "state minimum + 20%", "14.450¢/kWh", "Jan 2025 – Dec 2026"),
                List.of("Valley 100% Green", "100%", "15.950¢/kWh", "Jan 2025 – Dec 2026"),
                List.of("Valley Local Green", "state minimum + 50%", "16.450¢/kWh", "Jan 2025 – Dec 2026"),
                List.of("National Grid Basic Service", "state minimum", "15.571¢/kWh", "Feb 1, 2025 – Jul 31, 2025"));
        assertThat(NoticeWording.priceNote(CAROL)).contains("National Grid's delivery charges are the same whichever"
                + " you choose", "The program cannot promise to cost less than Basic Service at all times.");
    }

    @Test
    void optingOutIsFreeByPhoneOnlineOrByMailBeforeTheLastDay() {
        assertThat(NoticeWording.optOutHeading(ALICE)).isEqualTo("How to opt out by Wednesday, April 2, 2025: it is free");
        assertThat(NoticeWording.optOutWays(ALICE)).containsExactly(
                "By phone: call (413) 555-0142.",
                "Online: go to valleygreen.example/opt-out and enter your account number and service ZIP code (the"
                        + " ZIP code where you use the electricity).",
                "By mail: sign the reply card below and mail it to the address on it. It must reach us by April 2,"
                        + " 2025.");
        assertThat(NoticeWording.optOutResult(CAROL)).isEqualTo("If you opt out, your account stays on National Grid"
                + " Basic Service.");
    }

    @Test
    void lowIncomeAndNetMeteredCustomersKeepWhatTheyHave() {
        assertThat(NoticeWording.goodToKnow(ALICE)).containsExactly(
                "If you receive a low-income discount on your electric bill, you keep it in the program. If you are"
                        + " net-metered (for example, with solar panels), you keep your net metering credits.",
                "You can leave the program at any time later, with no fee, or switch to another of its products. A"
                        + " change takes effect on your next meter-read date. Questions? Call (413) 555-0142.");
    }

    @Test
    void theReplyCardIsFilledInWithTheNameAndAccountAndSaysWhereToMailIt() {
        assertThat(NoticeWording.replyCardTitle(ALICE)).isEqualTo("Opt-out reply card: Valley Green Energy");
        assertThat(NoticeWording.replyCard(NoticeFixtures.letter(NoticeFixtures.bob()))).containsExactly(
                "I do not want my account to join Valley Green Energy. Keep it on Eversource Basic Service.",
                "Name: Bob Brennan     Account number: 54012345679",
                "Signature: ______________________________     Date: ______________",
                "Mail to: Valley Green Energy, Amherst Town Hall, 4 Boltwood Ave, Amherst MA 01002, by April 2,"
                        + " 2025.");
    }
}
