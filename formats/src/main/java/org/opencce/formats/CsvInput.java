package org.opencce.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How this module's readers open CSV text: UTF-8 decoded strictly (a byte that is not UTF-8 fails with
 * a {@link FormatException} instead of turning names into replacement characters), a leading byte-order
 * mark skipped, RFC 4180 quoting, CR LF or LF line ends, blank lines skipped. Records come with the
 * physical line they start on, counting from 1, so messages point where an editor shows the row.
 * Stateless and thread-safe.
 */
public final class CsvInput {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /**
     * The longest record read from a byte stream, in chars: far above any real row (a customer list's
     * fields are limited to a few hundred characters), low enough that an unclosed quote in a file of
     * hundreds of megabytes fails at once instead of filling memory.
     */
    static final long MAX_RECORD_CHARS = 16L << 20;
    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    private static final Pattern UNCLOSED_QUOTE = Pattern.compile("EOF reached before encapsulated token finished");
    private static final String NOT_UTF8 = "the text is not UTF-8; save the file as \"CSV UTF-8\" and try again";

    private CsvInput() {
    }

    /** A record and the 1-based line its first field is on. */
    public record Line(long number, CSVRecord record) {
        /** Field {@code i}, trimmed, or "" when the record is shorter. */
        public String field(int i) {
            return i < record.size() ? record.get(i).trim() : "";
        }

        public int size() {
            return record.size();
        }

        /** Whether every field is empty or white space (a row of commas a spreadsheet left behind). */
        public boolean isBlank() {
            for (String v : record) {
                if (!v.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Opens {@code file} as strict UTF-8 text without its byte-order mark. */
    public static Reader open(Path file) {
        try {
            return utf8(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new FormatException(file.toString(), "no such file; check the path", e);
        } catch (IOException e) {
            throw new FormatException(file.toString(), "cannot be opened (" + e.getMessage()
                    + "); check that it exists and is readable", e);
        }
    }

    /**
     * Decodes {@code in} as strict UTF-8 text ({@link StrictUtf8Reader}): a byte that is not UTF-8 fails
     * with its line and byte offset, a UTF-8 byte-order mark is skipped, a UTF-16 or UTF-32 one refused.
     */
    public static Reader utf8(InputStream in) {
        return new StrictUtf8Reader(in);
    }

    /**
     * Reads all non-blank records of {@code reader} (blank lines are skipped, rows of empty fields are
     * kept), each with its starting line. Closes the reader. For files of any size, use {@link #records}.
     */
    public static List<Line> readAll(Reader reader, String source) {
        List<Line> lines = new ArrayList<>();
        try (Records records = records(reader, source)) {
            while (records.hasNext()) {
                lines.add(records.next());
            }
        }
        return lines;
    }

    /**
     * The non-blank records of {@code reader} one at a time, each with its starting line, holding only
     * the current record in memory. Iterating throws {@link FormatException} when the text is not UTF-8
     * or not CSV (an unclosed quote). Close the result to close the reader.
     */
    public static Records records(Reader reader, String source) {
        return new Records(reader, source);
    }

    /**
     * The records of one CSV text, read on demand. Not thread-safe.
     */
    public static final class Records implements Iterator<Line>, AutoCloseable {
        private final Reader reader;
        private final StrictUtf8Reader decoder;
        private final String source;
        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        /** The line the last record returned ends on. */
        private long lastLine;

        private Records(Reader reader, String source) {
            this.reader = reader;
            this.decoder = reader instanceof StrictUtf8Reader ? (StrictUtf8Reader) reader : null;
            if (decoder != null) {
                decoder.limitRecordLength(MAX_RECORD_CHARS);
            }
            this.source = source;
            try {
                this.parser = CSVFormat.RFC4180.builder()
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(withoutByteOrderMark(reader, source));
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                closeQuietly(reader, e);
                throw unreadable(source, 0, e);
            } catch (RuntimeException e) {
                closeQuietly(reader, e);
                throw e;
            }
            this.iterator = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                return iterator.hasNext();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw unreadable(source, failingRecordLine(e), e);
            }
        }

        @Override
        public Line next() {
            CSVRecord record;
            try {
                record = iterator.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw unreadable(source, failingRecordLine(e), e);
            }
            // The parser's line counter stands on the record's last line; a quoted value can span lines.
            lastLine = parser.getCurrentLineNumber();
            if (decoder != null) {
                decoder.recordEnded();
            }
            return new Line(lastLine - lineBreaksIn(record), record);
        }

        @Override
        public void close() {
            try {
                parser.close();
                reader.close();
            } catch (IOException e) {
                throw new FormatException(source, "cannot be closed (" + e.getMessage() + ")", e);
            }
        }

        /**
         * The line the record that failed starts on: Commons CSV names it for an unclosed quote
         * ("(startline 3) EOF reached before encapsulated token finished"); otherwise the line after the
         * last good record.
         */
        private long failingRecordLine(RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                Matcher m = t.getMessage() == null ? null : START_LINE.matcher(t.getMessage());
                if (m != null && m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
            return lastLine + 1;
        }

        private static void closeQuietly(Reader reader, Exception failure) {
            try {
                reader.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static Reader withoutByteOrderMark(Reader in, String source) throws IOException {
        BufferedReader buffered = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
        buffered.mark(1);
        int first;
        try {
            first = buffered.read();
        } catch (CharacterCodingException e) {
            throw unreadable(source, 1, e);
        }
        if (first != BYTE_ORDER_MARK) {
            buffered.reset();
        }
        return buffered;
    }

    private static long lineBreaksIn(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private static FormatException unreadable(String source, long line, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8Reader.RecordTooLongException) {
                StrictUtf8Reader.RecordTooLongException tooLong = (StrictUtf8Reader.RecordTooLongException) t;
                return withCause(new FormatException(source, tooLong.line(), tooLong.getMessage()
                        + ", so it cannot be a row; check for an unclosed quote"), tooLong);
            }
            if (t instanceof StrictUtf8Reader.NotUtf8Exception) {
                // The decoder knows the exact line and byte; the parser's line may be a record behind.
                StrictUtf8Reader.NotUtf8Exception bad = (StrictUtf8Reader.NotUtf8Exception) t;
                return withCause(new FormatException(source, bad.line(), bad.detail()), bad);
            }
        }
        Throwable cause = e.getCause() != null && e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return line > 0 ? withCause(new FormatException(source, line, NOT_UTF8), cause)
                    : new FormatException(source, NOT_UTF8, cause);
        }
        String problem = cause.getMessage() != null && UNCLOSED_QUOTE.matcher(cause.getMessage()).find()
                ? "a quoted value starts on this line and is never closed; check for an unclosed quote"
                : "cannot be read as CSV (" + cause.getMessage() + "); check for an unclosed quote";
        return line > 0 ? withCause(new FormatException(source, line, problem), cause)
                : new FormatException(source, problem, cause);
    }

    private static FormatException withCause(FormatException e, Throwable cause) {
        e.initCause(cause);
        return e;
    }
}
