package org.opencce.formats.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.units.EnergyPrice;

/** The letters as a customer reads them: text taken back out of the PDF, page by page. */
class NoticeLetterPdfWriterTest {
    private static final Instant CREATED = Instant.parse("2025-03-01T12:00:00Z");
    private static final String GOLDEN = "/org/opencce/formats/notice/golden-letters.pdf";

    @Test
    void eachLetterIsOnePageMergedWithItsCustomersFields() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> firstPages = new ArrayList<>();
        try (NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, CREATED)) {
            firstPages.add(pdf.write(NoticeFixtures.letter(NoticeFixtures.alice())));
            firstPages.add(pdf.write(NoticeFixtures.letter(NoticeFixtures.bob())));
            assertThat(pdf.letters()).isEqualTo(2);
            assertThat(pdf.pages()).isEqualTo(2);
        }

        List<String> pages = pagesOf(out.toByteArray());
        assertThat(firstPages).containsExactly(1, 2);
        assertThat(pages).hasSize(2);
        String alice = flat(pages.get(0));
        assertThat(alice).contains("Alice Abbott 12 Kellogg Ave Amherst MA 01002", "Account number 54012345678",
                "Utility: Eversource", "Rate class R-1: residential", "Dear Alice Abbott,",
                "Valley Green Energy will supply your electricity unless you opt out by Wednesday, April 2, 2025",
                "Mailed March 3, 2025", "Valley Standard (default)", "14.450¢/kWh", "Valley 100% Green", "100%",
                "Eversource Basic Service", "15.571¢/kWh", "Feb 1, 2025 – Jul 31, 2025", "Jan 2025 – Dec 2026",
                "call (413) 555-0142", "valleygreen.example/opt-out",
                "enter your account number and service ZIP code",
                "If you receive a low-income discount on your electric bill, you keep it in the program.",
                "you keep your net metering credits", "Opt-out reply card: Valley Green Energy",
                "Name: Alice Abbott Account number: 54012345678",
                "Amherst Town Hall 4 Boltwood Ave Amherst MA 01002", "hello@valleygreen.example");
        String bob = flat(pages.get(1));
        assertThat(bob).contains("Bob Brennan c/o Pioneer Property Mgmt, Suite 2 PO Box 112 Hadley MA 01035-0112",
                "Account number 54012345679", "Rate class R-2: residential low-income", "Dear Bob Brennan,",
                "Name: Bob Brennan Account number: 54012345679");
        // The letter goes to the landlord: the tenant's service address is not on it.
        assertThat(bob).doesNotContain("40 Triangle St", "Alice");
        assertThat(alice).doesNotContain("Bob", "Pioneer");
    }

    @Test
    void namesWithAccentsQuotesAndCommasArePrintedExactly() throws IOException {
        NoticeLetter alice = NoticeFixtures.letter(NoticeFixtures.alice());
        List<String> names = List.of("José \"Pepe\" O’Brien, Jr.", "Zoë Müller-Łukasiewicz", "Nguyễn Thị Ánh",
                "Ægir & Søren Ødegård");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, CREATED)) {
            for (String name : names) {
                pdf.write(NoticeFixtures.named(alice, name));
            }
            assertThat(pdf.substitutedCharacters()).isZero();
        }

        List<String> pages = pagesOf(out.toByteArray());
        assertThat(pages).hasSize(4);
        for (int i = 0; i < names.size(); i++) {
            assertThat(flat(pages.get(i))).contains(names.get(i) + " 12 Kellogg Ave", "Dear " + names.get(i) + ",",
                    "Name: " + names.get(i) + " Account number");
        }
    }

    @Test
    void aCharacterTheFontLacksBecomesItsBaseLetterOrAQuestionMarkAndIsCounted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, CREATED)) {
            assertThat(pdf.printable("Ann Lee")).isEqualTo("Ann Lee");
            assertThat(pdf.printable("Line 1\nLine 2\tx\r\n")).isEqualTo("Line 1\nLine 2\tx\r\n");
            assertThat(pdf.substitutedCharacters()).isZero();
            // U+2460 CIRCLED DIGIT ONE is the digit 1; U+738B (王) and U+1F600 (an emoji) have no base letter.
            assertThat(pdf.printable("Wang 王 ① 😀 Lee")).isEqualTo("Wang ? 1 ? Lee");
            assertThat(pdf.substitutedCharacters()).isEqualTo(3);
            // The angstrom sign U+212B is the letter Å; "≮" is "<" with an overlay the font has but should not
            // get alone; a lone Arabic mark U+0610 has no letter at all.
            assertThat(pdf.printable("\u212Bsa \u226E a\u0610b")).isEqualTo("Åsa < a?b");
            assertThat(pdf.substitutedCharacters()).isEqualTo(6);
            pdf.write(NoticeFixtures.named(NoticeFixtures.letter(NoticeFixtures.alice()), "王小明"));
            assertThat(pdf.substitutedCharacters()).as("the name, three times on the letter").isEqualTo(6 + 9);
        }
        assertThat(flat(pagesOf(out.toByteArray()).get(0))).contains("Dear ???,");
    }

    @Test
    void aLongLetterContinuesOnASecondPageAndTheNextLetterStartsOnANewOne() throws IOException {
        NoticeLetter alice = NoticeFixtures.letter(NoticeFixtures.alice());
        List<NoticeLetter.Offer> offers = new ArrayList<>(alice.offers());
        for (int i = 1; i <= 12; i++) {
            offers.add(new NoticeLetter.Offer("Community Solar Block " + i, "100%",
                    EnergyPrice.ofCentsPerKilowattHour("17.25"), YearMonth.of(2025, 1), YearMonth.of(2027, 12), false));
        }
        NoticeLetter many = new NoticeLetter(alice.program(), alice.mailingDate(), alice.lastDayToOptOut(),
                "Dana Whitfield", alice.mailingAddress(), alice.utility(), alice.accountNumber(), alice.rateClass(),
                offers, alice.basicService());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int danaPage;
        int bobPage;
        try (NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, CREATED)) {
            danaPage = pdf.write(many);
            bobPage = pdf.write(NoticeFixtures.letter(NoticeFixtures.bob()));
            assertThat(pdf.pages()).isEqualTo(3);
        }

        List<String> pages = pagesOf(out.toByteArray());
        assertThat(danaPage).isEqualTo(1);
        assertThat(bobPage).isEqualTo(3);
        assertThat(pages).hasSize(3);
        assertThat(flat(pages.get(1))).contains("Name: Dana Whitfield Account number: 54012345678")
                .doesNotContain("Bob");
        // The continuation page has no envelope header: the address block is on the first page only.
        assertThat(flat(pages.get(1))).doesNotContain("Mailed March 3, 2025");
        assertThat(flat(pages.get(2))).contains("Dear Bob Brennan,", "Mailed March 3, 2025");
    }

    @Test
    void anAddressTooLongForTheWindowIsSetSmallerSoThatEveryLineIsPrinted() throws IOException {
        NoticeLetter alice = NoticeFixtures.letter(NoticeFixtures.alice());
        String longLine = "Attn: Accounts Payable Department, Pioneer Valley Property Management Company";
        NoticeLetter crowded = new NoticeLetter(alice.program(), alice.mailingDate(), alice.lastDayToOptOut(),
                "Northampton Housing Cooperative Association of Tenants and Friends, Inc.", new MailingAddress(
                        longLine + "\n" + longLine + "\nSuite 1200, Building C\nPO Box 123456", "Northampton", "MA",
                        "01061-0123"), alice.utility(), alice.accountNumber(), alice.rateClass(), alice.offers(),
                alice.basicService());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, CREATED)) {
            pdf.write(crowded);
        }

        assertThat(flat(pagesOf(out.toByteArray()).get(0))).contains("Suite 1200, Building C PO Box 123456"
                + " Northampton MA 01061-0123");
    }

    @Test
    void theSameLettersAtTheSameInstantGiveTheSameBytes() throws IOException {
        byte[] first = write(CREATED, NoticeFixtures.letter(NoticeFixtures.alice()),
                NoticeFixtures.letter(NoticeFixtures.bob()));
        byte[] again = write(CREATED, NoticeFixtures.letter(NoticeFixtures.alice()),
                NoticeFixtures.letter(NoticeFixtures.bob()));
        byte[] later = write(CREATED.plusSeconds(1), NoticeFixtures.letter(NoticeFixtures.alice()),
                NoticeFixtures.letter(NoticeFixtures.bob()));
        byte[] otherLetters = write(CREATED, NoticeFixtures.letter(NoticeFixtures.bob()),
                NoticeFixtures.letter(NoticeFixtures.alice()));

        assertThat(again).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
        String text = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("/CreationDate(D:20250301120000Z)", "/ModDate(D:20250301120000Z)",
                "/Producer(OpenCCE)", "/Title(Opt-out notices)");
        assertThat(fileId(first)).isNotEqualTo(fileId(later)).isNotEqualTo(fileId(otherLetters))
                .isNotEqualTo("00000000000000000000000000000000");
        assertThat(new PdfReader(first).getPageSize(1).getWidth()).as("US Letter, 8.5 in").isEqualTo(612f);
        assertThat(new PdfReader(first).getPageSize(1).getHeight()).as("11 in").isEqualTo(792f);
    }

    /**
     * The golden file holds Alice's and Bob's letters as reviewed (open it to see the layout). The pages'
     * drawing instructions are compared after decompression, so that another zlib, which may compress the
     * same content to other bytes, does not fail the test. To accept a deliberate change of the layout,
     * copy {@code target/golden-letters.actual.pdf} over the golden file after looking at it.
     */
    @Test
    void theLettersAreLaidOutAsTheReviewedGoldenFile() throws IOException {
        byte[] actual = write(CREATED, NoticeFixtures.letter(NoticeFixtures.alice()),
                NoticeFixtures.letter(NoticeFixtures.bob()));
        Files.write(Path.of("target", "golden-letters.actual.pdf"), actual);
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            golden = in.readAllBytes();
        }

        PdfReader expected = new PdfReader(golden);
        PdfReader written = new PdfReader(actual);
        assertThat(written.getNumberOfPages()).isEqualTo(expected.getNumberOfPages()).isEqualTo(2);
        for (int page = 1; page <= 2; page++) {
            assertThat(new String(written.getPageContent(page), StandardCharsets.ISO_8859_1)).as("page %d", page)
                    .isEqualTo(new String(expected.getPageContent(page), StandardCharsets.ISO_8859_1));
            // Compressed, at whatever level: an uncompressed page is several times larger.
            assertThat(PdfReader.getPdfObject(written.getPageN(page).get(PdfName.CONTENTS))).satisfies(contents ->
                    assertThat(((PRStream) contents).get(PdfName.FILTER)).isEqualTo(PdfName.FLATEDECODE));
        }
        assertThat(written.getTrailer().get(PdfName.ID).toString())
                .isEqualTo(expected.getTrailer().get(PdfName.ID).toString());
        assertThat(written.getInfo()).isEqualTo(expected.getInfo());
    }

    @Test
    void pagesAreWrittenToTheStreamAsTheLettersComeAndTheStreamIsLeftOpen() {
        CountingStream out = new CountingStream();
        int beforeClose;
        try (NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, CREATED)) {
            NoticeLetter alice = NoticeFixtures.letter(NoticeFixtures.alice());
            for (int i = 0; i < 12; i++) {
                pdf.write(alice);
            }
            int afterTwelve = out.size();
            for (int i = 0; i < 12; i++) {
                pdf.write(alice);
            }
            beforeClose = out.size();
            // Starting a letter ends the page before it, which goes out through OpenPDF's 8 KB buffer: twelve
            // more letters have passed at least one buffer to the stream.
            assertThat(beforeClose).isGreaterThanOrEqualTo(afterTwelve + 8192);
        }
        assertThat(out.size()).as("the rest, with the font, at close").isGreaterThan(beforeClose);
        assertThat(out.closed).isFalse();
    }

    @Test
    void aFileWithoutLettersHasOnePageSayingSo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, CREATED);
        pdf.close();
        pdf.close();

        assertThat(pdf.letters()).isZero();
        assertThat(pdf.pages()).isZero();
        assertThat(pagesOf(out.toByteArray())).singleElement().satisfies(p ->
                assertThat(p).contains("This file holds no notice letters."));
        assertThatThrownBy(() -> pdf.write(NoticeFixtures.letter(NoticeFixtures.alice())))
                .isInstanceOf(IllegalStateException.class).hasMessage("the notice letters PDF is closed");
    }

    @Test
    void theFixtureCommunitysEligibleCustomersEachGetOnePage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int letters = 0;
        try (NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, CREATED)) {
            for (var account : Fixtures.valleyAccounts()) {
                assertThat(pdf.write(NoticeFixtures.letter(account))).isEqualTo(++letters);
            }
        }
        assertThat(new PdfReader(out.toByteArray()).getNumberOfPages()).isEqualTo(letters).isEqualTo(5);
    }

    static byte[] write(Instant created, NoticeLetter... letters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NoticeLetterPdfWriter pdf = new NoticeLetterPdfWriter(out, created)) {
            for (NoticeLetter l : letters) {
                pdf.write(l);
            }
        }
        return out.toByteArray();
    }

    static List<String> pagesOf(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        List<String> pages = new ArrayList<>();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            pages.add(extractor.getTextFromPage(p));
        }
        return pages;
    }

    /** The text with every run of white space made one space, so lines broken anywhere still match. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String fileId(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("/ID [<");
        return text.substring(at + 6, at + 38);
    }

    private static final class CountingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void theReplyCardIsNeverCutInTwoAndALongPriceTableRepeatsItsHeader() throws IOException {
        // With more products, the card falls further down: at some count it would straddle the page break.
        for (int extra = 1; extra <= 11; extra += 2) {
            List<String> pages = pagesOf(write(CREATED, withExtraProducts(extra)));
            for (String page : pages) {
                String text = flat(page);
                assertThat(text.contains("Opt-out reply card")).as("%d extra products", extra)
                        .isEqualTo(text.contains("Mail to: Valley Green Energy"));
            }
        }
        // A table longer than a page: every page with some of its rows starts them with the header row.
        List<String> pages = pagesOf(write(CREATED, withExtraProducts(80)));
        assertThat(pages.stream().filter(p -> p.contains("Community Solar Block"))).hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p).contains("Renewable energy"));
    }

    private static NoticeLetter withExtraProducts(int extra) {
        NoticeLetter alice = NoticeFixtures.letter(NoticeFixtures.alice());
        List<NoticeLetter.Offer> offers = new ArrayList<>(alice.offers());
        for (int i = 1; i <= extra; i++) {
            offers.add(new NoticeLetter.Offer("Community Solar Block " + i, "100%",
                    EnergyPrice.ofCentsPerKilowattHour("17.25"), YearMonth.of(2025, 1), YearMonth.of(2027, 12), false));
        }
        return new NoticeLetter(alice.program(), alice.mailingDate(), alice.lastDayToOptOut(), alice.recipientName(),
                alice.mailingAddress(), alice.utility(), alice.accountNumber(), alice.rateClass(), offers,
                alice.basicService());
    }
}
