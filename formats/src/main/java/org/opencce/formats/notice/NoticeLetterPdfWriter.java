package org.opencce.formats.notice;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.zip.Deflater;
import org.opencce.domain.OpenCceException;

/**
 * Writes opt-out notices into one PDF, one letter after another, each starting on a new US Letter page
 * (8.5 × 11 in). A letter normally fills one page; a long one (many products, long names) flows onto a
 * second. Letters are written as they come, page by page, to the output stream: only the current page
 * is held in memory (OpenPDF passes finished pages on through an 8 KB buffer), so a campaign of any size
 * is written in constant memory. The layout is in
 * {@code docs/formats/notice-letters.md}.
 *
 * <p>The page is laid out for a #10 double-window envelope with the sheet folded in three: the return
 * address in the upper-left window, the recipient's address block 2 in from the top and 7/8 in from the
 * left edge, in a box 4 × 1 in. A block that does not fit is set in smaller type, down to 7 pt.
 *
 * <p>The text is set in Liberation Sans (shipped inside OpenPDF, embedded as a subset), which covers
 * Latin, Greek and Cyrillic letters with their accents. A character it lacks is printed in another form
 * when there is one (the angstrom sign as Å, a letter without an accent it cannot print), otherwise as
 * {@code ?}; {@link #substitutedCharacters()} counts those, so that the caller can tell the administrator.
 *
 * <p>The same letters with the same {@code created} instant give the same bytes: the creation date,
 * the producer, the file identifier (a hash of the letters) and the font-subset tag are all fixed.
 * Not thread-safe: one writer per file.
 */
public final class NoticeLetterPdfWriter implements AutoCloseable {
    private static final float INCH = 72f;
    private static final Rectangle PAGE = PageSize.LETTER;
    private static final float LEFT = 0.75f * INCH;
    private static final float RIGHT = 0.75f * INCH;
    private static final float BOTTOM = 0.5f * INCH;
    /** The first page's text starts below the envelope windows; later pages use the usual margin. */
    private static final float FIRST_PAGE_TOP = 3.1f * INCH;
    private static final float TOP = 0.75f * INCH;
    /** The recipient's window of a #10 double-window envelope, on the unfolded sheet. */
    private static final Rectangle ADDRESS_WINDOW = new Rectangle(0.875f * INCH, PAGE.getHeight() - 3.0f * INCH,
            4.875f * INCH, PAGE.getHeight() - 2.0f * INCH);
    private static final float ADDRESS_SIZE = 10.5f;
    private static final float SMALLEST_ADDRESS_SIZE = 7f;
    /** Body text: 10 pt on 12 pt, so that a letter with up to five products fits one page. */
    private static final float BODY = 10f;
    private static final float BODY_LEADING = 12f;
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);

    private final Document document;
    private final PdfWriter writer;
    private final BaseFont font;
    private final MessageDigest digest;
    private final Instant created;
    private int letters;
    private int lastPage;
    private long substituted;
    private boolean closed;

    /**
     * Starts a PDF on {@code out}, which the caller closes after {@link #close()}.
     *
     * @param created the creation date the file records (the same instant gives the same bytes)
     */
    public NoticeLetterPdfWriter(OutputStream out, Instant created) {
        Objects.requireNonNull(out, "out");
        this.created = Objects.requireNonNull(created, "created");
        this.digest = sha256();
        this.document = new Document(PAGE, LEFT, RIGHT, FIRST_PAGE_TOP, BOTTOM);
        try {
            this.writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            // Deflate took a sixth of the time at the default level; the fastest level writes a thousand
            // letters a second or so sooner for files about 15 % larger (3.2 MB per thousand letters).
            writer.setCompressionLevel(Deflater.BEST_SPEED);
            this.font = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
        } catch (DocumentException | IOException e) {
            throw new OpenCceException("cannot start the notice letters PDF: " + e.getMessage(), e);
        }
        // The subset tag (six letters before the font's name) is random in OpenPDF; a seeded generator
        // makes it, and so the file, the same on every run.
        font.setSecureRandom(seededRandom());
        document.addTitle("Opt-out notices");
        document.addProducer("OpenCCE");
        document.open();
    }

    /**
     * Adds {@code letter}, starting on a new page.
     *
     * @return the 1-based page of this file the letter starts on, for the mailing manifest
     */
    public int write(NoticeLetter letter) {
        Objects.requireNonNull(letter, "letter");
        if (closed) {
            throw new IllegalStateException("the notice letters PDF is closed");
        }
        try {
            if (letters > 0) {
                document.setMargins(LEFT, RIGHT, FIRST_PAGE_TOP, BOTTOM);
                document.newPage();
            }
            int firstPage = writer.getPageNumber();
            // Pages the letter runs onto start at the usual margin (takes effect from the next page).
            document.setMargins(LEFT, RIGHT, TOP, BOTTOM);
            drawHeader(letter);
            drawAddress(letter);
            drawAccount(letter);
            addBody(letter);
            lastPage = writer.getPageNumber();
            letters++;
            remember(letter);
            return firstPage;
        } catch (DocumentException e) {
            throw new OpenCceException("cannot write the notice to account " + letter.accountNumber() + ": "
                    + e.getMessage(), e);
        }
    }

    /** How many letters have been written. */
    public int letters() {
        return letters;
    }

    /** How many pages the letters take so far (the page the last letter ends on). */
    public int pages() {
        return lastPage;
    }

    /** How many characters the font lacked and were printed in another form or as {@code ?}. */
    public long substitutedCharacters() {
        return substituted;
    }

    /**
     * Finishes the PDF and flushes the stream (without closing it). A file without letters gets one page
     * saying so, as a PDF must have a page.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (letters == 0) {
                document.add(new Paragraph("This file holds no notice letters.", font(11, Font.NORMAL)));
            }
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            when.setTimeInMillis(created.toEpochMilli());
            // Set on the writer's own information dictionary: Document.addCreationDate is overwritten with
            // the clock at close. A FileID entry there becomes the trailer's /ID instead of a time-based one.
            writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(when));
            writer.getInfo().put(PdfName.MODDATE, new PdfDate(when));
            digest.update(Long.toString(created.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
            byte[] id = Arrays.copyOf(digest.digest(), 16);
            writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            document.close();
        } catch (DocumentException e) {
            throw new OpenCceException("cannot finish the notice letters PDF: " + e.getMessage(), e);
        }
    }

    /**
     * The program's name and return address (in the envelope's upper window) on the left; its contact and
     * the mailing date on the right. Each in a column of its own, so that long lines wrap instead of
     * running into each other.
     */
    private void drawHeader(NoticeLetter l) throws DocumentException {
        float top = PAGE.getHeight() - 0.45f * INCH;
        float bottom = PAGE.getHeight() - 1.6f * INCH;
        float middle = LEFT + 3.6f * INCH;
        ColumnText from = column(LEFT, bottom, middle, top, Element.ALIGN_LEFT);
        from.addText(phrase(l.program().name() + "\n", font(11, Font.BOLD)));
        for (String line : l.program().returnAddress()) {
            from.addText(phrase(line + "\n", font(9.5f, Font.NORMAL)));
        }
        from.go();
        ColumnText contact = column(middle + 0.25f * INCH, bottom, PAGE.getWidth() - RIGHT, top, Element.ALIGN_RIGHT);
        for (String line : new String[] {"Questions? " + l.program().phone(), l.program().email(),
            l.program().website(), NoticeWording.mailed(l)}) {
            contact.addText(phrase(line + "\n", font(9.5f, Font.NORMAL)));
        }
        contact.go();
    }

    /**
     * The account, beside the address window and clear of it, so that the envelope does not show it; a long
     * line wraps within the space instead of running into the window.
     */
    private void drawAccount(NoticeLetter l) throws DocumentException {
        ColumnText account = column(ADDRESS_WINDOW.getRight() + 0.25f * INCH, ADDRESS_WINDOW.getBottom(),
                PAGE.getWidth() - RIGHT, ADDRESS_WINDOW.getTop(), Element.ALIGN_RIGHT);
        for (String line : NoticeWording.accountLines(l)) {
            account.addText(phrase(line + "\n", font(9.5f, Font.NORMAL, GREY)));
        }
        account.go();
    }

    private ColumnText column(float left, float bottom, float right, float top, int alignment) {
        ColumnText column = new ColumnText(writer.getDirectContent());
        column.setSimpleColumn(left, bottom, right, top);
        column.setAlignment(alignment);
        column.setLeading(11.5f);
        return column;
    }

    /** The recipient's block in the envelope window, in smaller type if it does not fit at first. */
    private void drawAddress(NoticeLetter l) throws DocumentException {
        List<String> lines = l.addressLines().stream().map(this::printable).toList();
        float size = ADDRESS_SIZE;
        while (size > SMALLEST_ADDRESS_SIZE && ColumnText.hasMoreText(addressColumn(lines, size).go(true))) {
            size -= 0.5f;
        }
        addressColumn(lines, size).go();
    }

    private ColumnText addressColumn(List<String> lines, float size) {
        ColumnText column = column(ADDRESS_WINDOW.getLeft(), ADDRESS_WINDOW.getBottom(), ADDRESS_WINDOW.getRight(),
                ADDRESS_WINDOW.getTop(), Element.ALIGN_LEFT);
        column.setLeading(size * 1.2f);
        for (String line : lines) {
            // Already made printable: each character is counted once, however often the block is tried.
            column.addText(new Phrase(line + "\n", font(size, Font.NORMAL)));
        }
        return column;
    }

    private void addBody(NoticeLetter l) throws DocumentException {
        Paragraph headline = new Paragraph(phrase(NoticeWording.headline(l), font(13.5f, Font.BOLD)));
        headline.setLeading(16.5f);
        headline.setSpacingAfter(6);
        document.add(headline);
        document.add(paragraph(NoticeWording.greeting(l), 3));
        for (String text : NoticeWording.introduction(l)) {
            document.add(paragraph(text, 3));
        }

        document.add(heading(NoticeWording.pricesHeading(l)));
        document.add(pricesTable(l));
        Paragraph note = new Paragraph(phrase(NoticeWording.priceNote(l), font(8, Font.NORMAL, GREY)));
        note.setLeading(9.5f);
        note.setSpacingBefore(2);
        document.add(note);

        document.add(heading(NoticeWording.optOutHeading(l)));
        document.add(bullets(NoticeWording.optOutWays(l)));
        document.add(paragraph(NoticeWording.optOutResult(l), 0));

        document.add(heading("Good to know"));
        document.add(bullets(NoticeWording.goodToKnow(l)));
        document.add(replyCard(l));
    }

    private PdfPTable pricesTable(NoticeLetter l) throws DocumentException {
        PdfPTable table = new PdfPTable(4);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {33, 24, 15, 28});
        table.setSpacingBefore(2);
        table.setHeaderRows(1);
        for (String header : NoticeWording.pricesHeader()) {
            table.addCell(cell(header, font(9, Font.BOLD), SHADE));
        }
        List<List<String>> rows = NoticeWording.priceRows(l);
        for (int r = 0; r < rows.size(); r++) {
            boolean basicService = r == rows.size() - 1;
            boolean isDefault = !basicService && l.offers().get(r).isDefault();
            for (String value : rows.get(r)) {
                PdfPCell cell = cell(value, font(9.5f, isDefault ? Font.BOLD : Font.NORMAL), basicService ? SHADE : null);
                cell.setBorder(Rectangle.BOTTOM);
                cell.setBorderColor(Color.LIGHT_GRAY);
                table.addCell(cell);
            }
        }
        return table;
    }

    private PdfPTable replyCard(NoticeLetter l) {
        PdfPTable card = new PdfPTable(1);
        card.setWidthPercentage(100);
        card.setSpacingBefore(8);
        card.setKeepTogether(true);
        PdfPCell cell = new PdfPCell();
        cell.setBorderWidth(0.75f);
        cell.setPadding(6);
        cell.setPaddingTop(2);
        Paragraph title = new Paragraph(phrase(NoticeWording.replyCardTitle(l), font(10, Font.BOLD)));
        title.setSpacingAfter(1);
        cell.addElement(title);
        for (String line : NoticeWording.replyCard(l)) {
            Paragraph p = new Paragraph(phrase(line, font(BODY, Font.NORMAL)));
            p.setLeading(BODY_LEADING + 1);
            cell.addElement(p);
        }
        card.addCell(cell);
        return card;
    }

    private Paragraph heading(String text) {
        Paragraph heading = new Paragraph(phrase(text, font(10.5f, Font.BOLD)));
        heading.setSpacingBefore(6);
        heading.setSpacingAfter(1);
        return heading;
    }

    private Paragraph paragraph(String text, float spacingAfter) {
        Paragraph p = new Paragraph(phrase(text, font(BODY, Font.NORMAL)));
        p.setLeading(BODY_LEADING);
        p.setSpacingAfter(spacingAfter);
        return p;
    }

    private com.lowagie.text.List bullets(List<String> items) {
        // OpenPDF's List is a bulleted list of the document, not a collection.
        com.lowagie.text.List list = new com.lowagie.text.List(com.lowagie.text.List.UNORDERED, 10);
        list.setListSymbol(new Chunk("•", font(BODY, Font.NORMAL)));
        for (String item : items) {
            ListItem li = new ListItem(phrase(item, font(BODY, Font.NORMAL)));
            li.setLeading(BODY_LEADING);
            list.add(li);
        }
        return list;
    }

    private PdfPCell cell(String text, Font cellFont, Color background) {
        PdfPCell cell = new PdfPCell(phrase(text, cellFont));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingTop(1.5f);
        cell.setPaddingBottom(3f);
        cell.setPaddingLeft(3);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    /** Bold is the regular face drawn with a stroke: the fallback font OpenPDF ships has no bold face. */
    private Font font(float size, int style) {
        return new Font(font, size, style);
    }

    private Font font(float size, int style, Color color) {
        return new Font(font, size, style, color);
    }

    private Phrase phrase(String text, Font phraseFont) {
        return new Phrase(printable(text), phraseFont);
    }

    /** {@code text} with each character the font lacks replaced by its base letter or {@code ?}. */
    String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!isPrintable(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(substitute(c));
                substituted++;
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private boolean isPrintable(int c) {
        // Line breaks and tabs are layout, not glyphs.
        return c == '\n' || c == '\r' || c == '\t' || font.charExists(c);
    }

    /**
     * What to print for a character the font lacks: its compatibility form when the font has that (the
     * angstrom sign as Å, a circled digit as the digit), else its letters without their accents, else
     * {@code ?} (a Chinese name has no such letters).
     */
    private String substitute(int c) {
        String character = new String(Character.toChars(c));
        String composed = Normalizer.normalize(character, Normalizer.Form.NFKC);
        if (composed.codePoints().allMatch(font::charExists)) {
            return composed;
        }
        StringBuilder base = new StringBuilder();
        Normalizer.normalize(character, Normalizer.Form.NFKD).codePoints()
                .filter(p -> Character.getType(p) != Character.NON_SPACING_MARK).forEach(base::appendCodePoint);
        if (base.length() > 0 && base.codePoints().allMatch(font::charExists)) {
            return base.toString();
        }
        return "?";
    }

    /** Feeds the letter's merge fields to the hash that becomes the file's identifier. */
    private void remember(NoticeLetter l) {
        for (String line : l.addressLines()) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        digest.update(l.accountNumber().value().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static SecureRandom seededRandom() {
        try {
            // SHA1PRNG seeded before its first use is a deterministic generator, as wanted here.
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed("OpenCCE notice letters".getBytes(StandardCharsets.US_ASCII));
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA1PRNG", e);
        }
    }
}
