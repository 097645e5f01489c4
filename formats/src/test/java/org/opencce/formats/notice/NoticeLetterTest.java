package org.opencce.formats.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.Utility;
import org.opencce.domain.rates.BasicServiceRate;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

class NoticeLetterTest {
    private static final NoticeLetter ALICE = NoticeFixtures.letter(NoticeFixtures.alice());
    private static final NoticeLetter BOB = NoticeFixtures.letter(NoticeFixtures.bob());

    @Test
    void aLetterGoesToTheMailingAddressWhenThereIsOneAndToTheServiceAddressOtherwise() {
        assertThat(ALICE.addressLines()).containsExactly("Alice Abbott", "12 Kellogg Ave", "Amherst MA 01002");
        assertThat(BOB.addressLines()).containsExactly("Bob Brennan", "c/o Pioneer Property Mgmt, Suite 2",
                "PO Box 112", "Hadley MA 01035-0112");
        assertThat(BOB.mailingAddress()).isEqualTo(NoticeFixtures.BOBS_LANDLORD);
        assertThat(BOB.accountNumber().value()).isEqualTo("54012345679");
        assertThat(BOB.rateClass()).isEqualTo(RateClass.R_2);
        assertThat(BOB.utility()).isEqualTo(Utility.EVERSOURCE_WMA);
        assertThat(BOB.recipientName()).isEqualTo("Bob Brennan");
    }

    @Test
    void theProductsBecomeOffersWithTheirRenewableContentInWords() {
        assertThat(ALICE.offers()).extracting(NoticeLetter.Offer::name, NoticeLetter.Offer::greenContent,
                NoticeLetter.Offer::isDefault).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Valley Basic", "state minimum", false),
                        org.assertj.core.groups.Tuple.tuple("Valley Standard", "state minimum + 20%", true),
                        org.assertj.core.groups.Tuple.tuple("Valley 100% Green", "100%", false),
                        org.assertj.core.groups.Tuple.tuple("Valley Local Green", "state minimum + 50%", false));
        assertThat(ALICE.defaultOffer().price()).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("14.450"));
        assertThat(ALICE.defaultOffer().termStart()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(ALICE.defaultOffer().termEnd()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(NoticeLetter.Offer.inWords(new GreenContent.MinimumPlus(12.5))).isEqualTo("state minimum + 12.5%");
        assertThat(NoticeLetter.Offer.inWords(new GreenContent.Absolute(Percent.of(138)))).isEqualTo("138%");
    }

    @Test
    void theBasicServicePriceKeepsItsPeriod() {
        BasicServiceRate rate = new BasicServiceRate(Utility.NATIONAL_GRID_MA, "R-1/R-2", LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 7, 31), EnergyPrice.ofCentsPerKilowattHour("14.115"), "National Grid filing");
        assertThat(NoticeLetter.BasicServicePrice.of(rate)).isEqualTo(new NoticeLetter.BasicServicePrice(
                EnergyPrice.ofCentsPerKilowattHour("14.115"), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 7, 31)));
        assertThatThrownBy(() -> new NoticeLetter.BasicServicePrice(rate.price(), LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 1, 31)))
                .hasMessage("Basic Service price period ends (2025-01-31) before it starts (2025-02-01)");
        assertThat(new NoticeLetter.BasicServicePrice(rate.price(), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 1))
                .end()).as("a one-day period").isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void theWindowMustCloseAfterTheMailingDate() {
        assertThatThrownBy(() -> new NoticeLetter(ALICE.program(), NoticeFixtures.MAILING, NoticeFixtures.MAILING,
                ALICE.recipientName(), ALICE.mailingAddress(), ALICE.utility(), ALICE.accountNumber(),
                ALICE.rateClass(), ALICE.offers(), ALICE.basicService()))
                .hasMessage("notice to account 54012345678: the last day to opt out (2025-03-03) must come after the"
                        + " mailing date (2025-03-03)");
        assertThat(new NoticeLetter(ALICE.program(), NoticeFixtures.MAILING, NoticeFixtures.MAILING.plusDays(1),
                ALICE.recipientName(), ALICE.mailingAddress(), ALICE.utility(), ALICE.accountNumber(),
                ALICE.rateClass(), ALICE.offers(), ALICE.basicService()).lastDayToOptOut())
                .isEqualTo(LocalDate.of(2025, 3, 4));
    }

    @Test
    void exactlyOneProductIsTheDefault() {
        NoticeLetter.Offer basic = ALICE.offers().get(0);
        NoticeLetter.Offer standard = ALICE.offers().get(1);
        assertThatThrownBy(() -> withOffers(List.of(basic)))
                .hasMessage("notice to account 54012345678: exactly one product must be the default a customer who"
                        + " does not opt out is enrolled in; 0 of 1 are");
        assertThatThrownBy(() -> withOffers(List.of(standard, standard)))
                .hasMessageEndingWith("; 2 of 2 are");
        assertThat(withOffers(List.of(standard)).defaultOffer()).isEqualTo(standard);
    }

    @Test
    void theNameMustNotBeBlankAndTheAddressMustFitTheWindow() {
        assertThatThrownBy(() -> NoticeFixtures.named(ALICE, "  "))
                .hasMessage("notice to account 54012345678: the recipient's name must not be blank");
        MailingAddress fiveLines = new MailingAddress("Line 1\nLine 2\nLine 3\nLine 4", "Hadley", "MA", "01035");
        MailingAddress sixLines = new MailingAddress("Line 1\nLine 2\nLine 3\nLine 4\nLine 5", "Hadley", "MA",
                "01035");
        assertThat(withAddress(fiveLines).addressLines()).hasSize(NoticeLetter.MAX_ADDRESS_LINES);
        assertThatThrownBy(() -> withAddress(sixLines))
                .hasMessage("notice to account 54012345678: the address block has 7 lines (the name and 6 of address);"
                        + " an envelope window holds at most 6");
    }

    @Test
    void theProgramsContactIsComplete() {
        NoticeLetter.ProgramContact valley = NoticeFixtures.valleyContact();
        assertThat(valley.returnAddress()).containsExactly("Amherst Town Hall", "4 Boltwood Ave", "Amherst MA 01002");
        assertThatThrownBy(() -> new NoticeLetter.ProgramContact(" ", valley.phone(), valley.email(),
                valley.website(), valley.optOutUrl(), valley.returnAddress()))
                .hasMessage("program name must not be blank, was ' '");
        assertThatThrownBy(() -> new NoticeLetter.ProgramContact(valley.name(), null, valley.email(),
                valley.website(), valley.optOutUrl(), valley.returnAddress()))
                .hasMessage("program phone must not be blank, was null");
        assertThatThrownBy(() -> new NoticeLetter.ProgramContact(valley.name(), valley.phone(), " ",
                valley.website(), valley.optOutUrl(), valley.returnAddress()))
                .hasMessage("program email must not be blank, was ' '");
        assertThatThrownBy(() -> new NoticeLetter.ProgramContact(valley.name(), valley.phone(), "valleygreen",
                valley.website(), valley.optOutUrl(), valley.returnAddress()))
                .hasMessage("program email must be an email address, was 'valleygreen'");
        assertThatThrownBy(() -> new NoticeLetter.ProgramContact(valley.name(), valley.phone(), valley.email(),
                "", valley.optOutUrl(), valley.returnAddress()))
                .hasMessage("program web site must not be blank, was ''");
        assertThatThrownBy(() -> new NoticeLetter.ProgramContact(valley.name(), valley.phone(), valley.email(),
                valley.website(), "", valley.returnAddress()))
                .hasMessage("opt-out page must not be blank, was ''");
        assertThatThrownBy(() -> new NoticeLetter.ProgramContact(valley.name(), valley.phone(), valley.email(),
                valley.website(), valley.optOutUrl(), List.of()))
                .hasMessage("the return address must have 1 to 4 lines, has 0: []");
        assertThatThrownBy(() -> new NoticeLetter.ProgramContact(valley.name(), valley.phone(), valley.email(),
                valley.website(), valley.optOutUrl(), List.of("a", "b", "c", "d", "e")))
                .hasMessageStartingWith("the return address must have 1 to 4 lines, has 5");
        assertThatThrownBy(() -> new NoticeLetter.ProgramContact(valley.name(), valley.phone(), valley.email(),
                valley.website(), valley.optOutUrl(), List.of("Town Hall", " ")))
                .hasMessage("return address line must not be blank, was ' '");
        assertThat(new NoticeLetter.ProgramContact(valley.name(), valley.phone(), valley.email(), valley.website(),
                valley.optOutUrl(), List.of("1", "2", "3", "4")).returnAddress()).hasSize(4);
    }

    @Test
    void anOfferNeedsANameWordsAndATermInOrder() {
        EnergyPrice price = EnergyPrice.ofCentsPerKilowattHour("14.450");
        assertThatThrownBy(() -> new NoticeLetter.Offer("", "100%", price, YearMonth.of(2025, 1),
                YearMonth.of(2025, 12), true)).hasMessage("product name must not be blank, was ''");
        assertThatThrownBy(() -> new NoticeLetter.Offer("Green", " ", price, YearMonth.of(2025, 1),
                YearMonth.of(2025, 12), true)).hasMessage("renewable content of Green must not be blank, was ' '");
        assertThatThrownBy(() -> new NoticeLetter.Offer("Green", "100%", price, YearMonth.of(2025, 2),
                YearMonth.of(2025, 1), true)).hasMessage("product Green: term ends (2025-01) before it starts (2025-02)");
        assertThat(new NoticeLetter.Offer("Green", "100%", price, YearMonth.of(2025, 1), YearMonth.of(2025, 1), true)
                .termEnd()).as("a one-month term").isEqualTo(YearMonth.of(2025, 1));
    }

    @Test
    void anAccountWithoutAMailingAddressIsMailedAtItsServiceAddressInMassachusetts() {
        NoticeLetter alice = NoticeFixtures.letter(NoticeFixtures.alice().withMailingAddress(Optional.empty()));
        assertThat(alice.mailingAddress()).isEqualTo(new MailingAddress("12 Kellogg Ave", "Amherst", "MA", "01002"));
    }

    private static NoticeLetter withOffers(List<NoticeLetter.Offer> offers) {
        return new NoticeLetter(ALICE.program(), ALICE.mailingDate(), ALICE.lastDayToOptOut(), ALICE.recipientName(),
                ALICE.mailingAddress(), ALICE.utility(), ALICE.accountNumber(), ALICE.rateClass(), offers,
                ALICE.basicService());
    }

    private static NoticeLetter withAddress(MailingAddress address) {
        return new NoticeLetter(ALICE.program(), ALICE.mailingDate(), ALICE.lastDayToOptOut(), ALICE.recipientName(),
                address, ALICE.utility(), ALICE.accountNumber(), ALICE.rateClass(), ALICE.offers(),
                ALICE.basicService());
    }
}
