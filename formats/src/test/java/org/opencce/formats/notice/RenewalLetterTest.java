package org.opencce.formats.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.Product;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

/**
 * The renewal variant of the notice (issue 6, section 2): Alice Abbott, enrolled in Valley Standard,
 * is told on November 1, 2026 that from January 1, 2027 she stays in it at 13.990¢/kWh for 2027 to 2029
 * unless she opts out, at no fee, beside Eversource's Basic Service.
 */
class RenewalLetterTest {
    private static final LocalDate MAILED = LocalDate.of(2026, 11, 1);
    private static final LocalDate EFFECTIVE = LocalDate.of(2027, 1, 1);
    private static final Instant CREATED = Instant.parse("2026-11-01T14:00:00Z");
    /** Valley Standard at the price of its next contract. */
    private static final Product RENEWED = new Product(Fixtures.STANDARD, Fixtures.VALLEY, "Valley Standard",
            new GreenContent.MinimumPlus(20), Percent.of(5), EnergyPrice.ofCentsPerKilowattHour("13.990"),
            YearMonth.of(2027, 1), YearMonth.of(2029, 12), true, true);

    private static NoticeLetter alice() {
        return NoticeLetter.forRenewal(NoticeFixtures.valleyContact(), MAILED, EFFECTIVE, NoticeFixtures.alice(),
                RENEWED, NoticeFixtures.EVERSOURCE_BASIC_SERVICE);
    }

    @Test
    void theLetterNamesTheProductItsNewPriceAndTermBesideBasicServiceAndHowToOptOutAtNoFee() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, CREATED)) {
            pdf.write(alice());
        }
        List<String> pages = NoticeLetterPdfWriterTest.pagesOf(out.toByteArray());
        assertThat(pages).hasSize(1);
        String text = NoticeLetterPdfWriterTest.flat(pages.get(0));
        assertThat(text).contains("Alice Abbott 12 Kellogg Ave Amherst MA 01002", "Account number 54012345678",
                "Your Valley Green Energy price changes on Friday, January 1, 2027: you stay in Valley Standard"
                        + " unless you opt out",
                "your account stays in Valley Standard at 13.990¢/kWh for the term Jan 2027 – Dec 2029",
                "You do not need to do anything to stay in the program.",
                "Valley Standard (your product)", "13.990¢/kWh", "Eversource Basic Service", "15.571¢/kWh",
                "How to opt out: it is free, at any time", "call (413) 555-0142", "valleygreen.example/opt-out",
                "To leave before the new price applies, opt out before January 1, 2027.",
                "with no fee", "Opt-out reply card: leave Valley Green Energy", "Mailed November 1, 2026");
        assertThat(text).as("no opt-out window: the customer is already in the program")
                .doesNotContain("will supply your electricity unless", "(default)", "14.450¢/kWh");
    }

    @Test
    void theManifestOfRenewalLettersHasTheSameColumnsAsTheNoticesManifest() {
        StringWriter csv = new StringWriter();
        try (MailingManifestCsvWriter manifest = MailingManifestCsvWriter.to(csv)) {
            manifest.write(alice(), "letters-0001.pdf", 1);
        }
        assertThat(csv.toString()).isEqualTo("\uFEFFaccount_number,utility,name,mailing_street,mailing_city,"
                + "mailing_state,mailing_zip,letter_file,page\r\n"
                + "54012345678,EVERSOURCE_WMA,Alice Abbott,12 Kellogg Ave,Amherst,MA,01002,letters-0001.pdf,1\r\n");
    }

    @Test
    void theNewPriceMustTakeEffectAfterTheMailing() {
        assertThatThrownBy(() -> NoticeLetter.forRenewal(NoticeFixtures.valleyContact(), MAILED, MAILED,
                NoticeFixtures.alice(), RENEWED, NoticeFixtures.EVERSOURCE_BASIC_SERVICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("renewal notice to account 54012345678: the new price's effective date (2026-11-01) must"
                        + " come after the mailing date (2026-11-01)");
        assertThat(alice().isRenewal()).isTrue();
        assertThat(NoticeFixtures.letter(NoticeFixtures.alice()).isRenewal()).isFalse();
    }
}
