package org.opencce.formats.notice;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.opencce.domain.OpenCceException;

/**
 * The files of one notice mailing in a folder: the letters in PDF files of at most
 * {@code lettersPerFile} letters each ({@code letters-0001.pdf}, {@code letters-0002.pdf}, …, so that a
 * print shop gets files of a size it can handle) and {@code manifest.csv}, one row per letter naming its
 * file and first page. Letters are written as they are added; nothing but the current page is held in
 * memory. Files of the same names are replaced. If writing fails half way, the files written so far
 * stay, incomplete: the caller must not count those letters as mailed. Not thread-safe.
 *
 * <p>A mailing may lay out only its first letters as PDF ({@link #create(Path, Instant, int, int)}): the
 * others are in the manifest only, with an empty {@code letter_file} and {@code page}. Only the enrollment
 * benchmark does so, to time a mailing of 100,000 accounts whose PDF part is 1,000 letters (issue 6,
 * "Performance"); the campaign always prints every letter.
 */
public final class NoticeMailing implements AutoCloseable {
    /** The manifest's file name in the folder. */
    public static final String MANIFEST = "manifest.csv";

    private final Path folder;
    private final Instant created;
    private final int lettersPerFile;
    private final int printedLetters;
    private final MailingManifestCsvWriter manifest;
    private final List<String> letterFiles = new ArrayList<>();
    private OutputStream pdfOut;
    private NoticeLetterPdfWriter pdf;
    private int letters;
    private int pages;
    private long substituted;
    private boolean closed;

    private NoticeMailing(Path folder, Instant created, int lettersPerFile, int printedLetters) {
        this.folder = folder;
        this.created = created;
        this.lettersPerFile = lettersPerFile;
        this.printedLetters = printedLetters;
        this.manifest = MailingManifestCsvWriter.create(folder.resolve(MANIFEST));
    }

    /**
     * Starts a mailing in {@code folder}, creating it if needed.
     *
     * @param created the creation date the PDF files record
     * @param lettersPerFile the most letters in one PDF file, at least 1
     */
    public static NoticeMailing create(Path folder, Instant created, int lettersPerFile) {
        return create(folder, created, lettersPerFile, Integer.MAX_VALUE);
    }

    /**
     * Starts a mailing in {@code folder} whose first {@code printedLetters} letters are laid out as PDF and
     * the others written to the manifest only (see the class comment: for the benchmark).
     *
     * @param printedLetters how many letters, from the first, go into PDF files; 0 or more
     */
    public static NoticeMailing create(Path folder, Instant created, int lettersPerFile, int printedLetters) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(created, "created");
        if (lettersPerFile < 1) {
            throw new IllegalArgumentException("letters per file must be at least 1, was " + lettersPerFile);
        }
        if (printedLetters < 0) {
            throw new IllegalArgumentException("printed letters must be 0 or more, was " + printedLetters);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new OpenCceException("cannot create the folder " + folder + " for the notices: " + e.getMessage()
                    + "; check the path and its permissions", e);
        }
        return new NoticeMailing(folder, created, lettersPerFile, printedLetters);
    }

    /** Adds {@code letter} to the current PDF file (starting a new one when it is full) and to the manifest. */
    public void add(NoticeLetter letter) {
        Objects.requireNonNull(letter, "letter");
        if (closed) {
            throw new IllegalStateException("the notice mailing in " + folder + " is finished");
        }
        if (letters >= printedLetters) {
            manifest.writeUnprinted(letter);
            letters++;
            return;
        }
        if (pdf == null || pdf.letters() == lettersPerFile) {
            finishFile();
            startFile();
        }
        int page = pdf.write(letter);
        manifest.write(letter, letterFiles.get(letterFiles.size() - 1), page);
        letters++;
    }

    /** Finishes the files and says what they hold. */
    public Summary finish() {
        close();
        return new Summary(letters, letterFiles, pages, substituted);
    }

    /** Finishes the files (the last PDF and the manifest). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            finishFile();
        } finally {
            manifest.close();
        }
    }

    /**
     * What a mailing wrote: {@code letters} letters (the manifest's rows), those laid out as PDF on
     * {@code pages} pages in {@code letterFiles} (file names in the folder, in order), and how many
     * characters the font lacked (printed as a base letter or {@code ?}).
     */
    public record Summary(int letters, List<String> letterFiles, int pages, long substitutedCharacters) {
        public Summary {
            letterFiles = List.copyOf(letterFiles);
        }
    }

    private void startFile() {
        String name = String.format(Locale.ROOT, "letters-%04d.pdf", letterFiles.size() + 1);
        Path file = folder.resolve(name);
        try {
            pdfOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new OpenCceException("cannot write the notice letters to " + file + ": " + e.getMessage(), e);
        }
        letterFiles.add(name);
        pdf = new NoticeLetterPdfWriter(pdfOut, created);
    }

    private void finishFile() {
        if (pdf == null) {
            return;
        }
        try (OutputStream out = pdfOut) {
            pdf.close();
            pages += pdf.pages();
            substituted += pdf.substitutedCharacters();
        } catch (IOException e) {
            throw new OpenCceException("cannot finish " + folder.resolve(letterFiles.get(letterFiles.size() - 1))
                    + ": " + e.getMessage(), e);
        } finally {
            pdf = null;
            pdfOut = null;
        }
    }
}
