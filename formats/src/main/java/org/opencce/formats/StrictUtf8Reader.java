package org.opencce.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.Objects;

/**
 * Decodes a byte stream as UTF-8 and refuses anything else, saying where: the first byte that is not
 * part of a well-formed UTF-8 sequence fails the read with a {@link NotUtf8Exception} that carries its
 * line (1-based; LF, CR LF and a lone CR each end a line) and its byte offset from the start of the
 * stream (0-based, as hex editors show it). A leading UTF-8 byte-order mark is skipped; a UTF-16 or
 * UTF-32 byte-order mark is refused at once, since such text would otherwise reach the reader as
 * values full of NUL characters.
 *
 * <p>The JDK's decoder reports a malformed sequence too, but not where it is in the file: it only
 * knows its own buffer. Decoding here, one buffer of bytes at a time, keeps the position exact and
 * reads the stream in constant memory.
 *
 * <p>Well-formed sequences are those of the Unicode Standard, Table 3-7 (RFC 3629 § 4): no overlong
 * forms, no surrogates (U+D800–U+DFFF), nothing above U+10FFFF.
 *
 * <p>Not thread-safe: one reader, one thread. Closing it closes the stream.
 */
public final class StrictUtf8Reader extends Reader {
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final String SAVE_AS = "save the file as \"CSV UTF-8\" and try again";

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean endOfStream;
    private boolean started;
    /** Byte offset of {@code buffer[0]} in the stream. */
    private long bufferOffset;
    private long line = 1;
    private boolean afterCarriageReturn;
    /** The low surrogate of a supplementary character whose high surrogate was the last char returned. */
    private char pendingLowSurrogate;
    /** Most chars between two {@link #recordEnded()} calls, or 0 for no limit. */
    private long maxCharsPerRecord;
    private long charsSinceRecordEnded;
    private long lineOfRecordStart = 1;

    public StrictUtf8Reader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * Fails the read with a {@link RecordTooLongException} once more than {@code maxChars} chars are
     * decoded without a call to {@link #recordEnded()}: a quote that is never closed would otherwise
     * make a CSV parser gather the rest of the file, however large, into one value.
     */
    public void limitRecordLength(long maxChars) {
        this.maxCharsPerRecord = maxChars;
    }

    /** Tells the reader that its consumer finished a record; the next one starts at the current line. */
    public void recordEnded() {
        charsSinceRecordEnded = 0;
        lineOfRecordStart = line;
    }

    /** Bytes consumed so far (decoded or skipped), for progress reports. */
    public long bytesRead() {
        return bufferOffset + position;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, chars.length);
        if (length == 0) {
            return 0;
        }
        if (!started) {
            start();
        }
        int n = 0;
        if (pendingLowSurrogate != 0) {
            chars[offset] = pendingLowSurrogate;
            pendingLowSurrogate = 0;
            n = 1;
        }
        while (n < length) {
            if (limit - position < 4 && !endOfStream) {
                fill();
            }
            if (position == limit) {
                break;
            }
            int b = buffer[position] & 0xFF;
            if (b < 0x80) {
                countLine(b);
                chars[offset + n++] = (char) b;
                position++;
                continue;
            }
            afterCarriageReturn = false;
            int codePoint = decodeMultiByte(b);
            if (Character.isBmpCodePoint(codePoint)) {
                chars[offset + n++] = (char) codePoint;
            } else {
                chars[offset + n++] = Character.highSurrogate(codePoint);
                if (n < length) {
                    chars[offset + n++] = Character.lowSurrogate(codePoint);
                } else {
                    pendingLowSurrogate = Character.lowSurrogate(codePoint);
                }
            }
        }
        if (maxCharsPerRecord > 0) {
            charsSinceRecordEnded += n;
            if (charsSinceRecordEnded > maxCharsPerRecord) {
                throw new RecordTooLongException(lineOfRecordStart, maxCharsPerRecord);
            }
        }
        return n == 0 ? -1 : n;
    }

    private void countLine(int b) {
        if (b == '\r') {
            line++;
            afterCarriageReturn = true;
        } else {
            if (b == '\n' && !afterCarriageReturn) {
                line++;
            }
            afterCarriageReturn = false;
        }
    }

    /** Decodes the sequence led by {@code lead} at {@code position} and moves past it. */
    private int decodeMultiByte(int lead) throws NotUtf8Exception {
        int size;
        int secondMin = 0x80;
        int secondMax = 0xBF;
        int codePoint;
        if (lead >= 0xC2 && lead <= 0xDF) {
            size = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            size = 3;
            codePoint = lead & 0x0F;
            if (lead == 0xE0) {
                secondMin = 0xA0; // below is an overlong form
            } else if (lead == 0xED) {
                secondMax = 0x9F; // above are the surrogates U+D800–U+DFFF
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            size = 4;
            codePoint = lead & 0x07;
            if (lead == 0xF0) {
                secondMin = 0x90; // below is an overlong form
            } else if (lead == 0xF4) {
                secondMax = 0x8F; // above is beyond U+10FFFF
            }
        } else {
            throw malformed(lead, lead >= 0x80 && lead <= 0xBF ? "continues a character that never started"
                    : "never occurs in UTF-8");
        }
        if (limit - position < size) {
            throw malformed(lead, "starts a character that the end of the file cuts short");
        }
        for (int i = 1; i < size; i++) {
            int next = buffer[position + i] & 0xFF;
            int min = i == 1 ? secondMin : 0x80;
            int max = i == 1 ? secondMax : 0xBF;
            if (next < min || next > max) {
                throw malformed(lead, "is not followed by the bytes a UTF-8 character needs");
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        position += size;
        return codePoint;
    }

    private NotUtf8Exception malformed(int b, String why) {
        return new NotUtf8Exception(line, bufferOffset + position, String.format(Locale.ROOT,
                "the text is not UTF-8; %s (byte 0x%02X at byte offset %,d, counting from 0, %s)", SAVE_AS, b,
                bufferOffset + position, why));
    }

    /** Skips a UTF-8 byte-order mark and refuses the UTF-16 and UTF-32 ones. */
    private void start() throws IOException {
        started = true;
        fill();
        if (startsWith(0x00, 0x00, 0xFE, 0xFF)) {
            throw otherEncoding("UTF-32 (big-endian: it starts with the byte-order mark 00 00 FE FF)");
        }
        if (startsWith(0xFF, 0xFE, 0x00, 0x00)) {
            throw otherEncoding("UTF-32 (little-endian: it starts with the byte-order mark FF FE 00 00)");
        }
        if (startsWith(0xFE, 0xFF)) {
            throw otherEncoding("UTF-16 (big-endian: it starts with the byte-order mark FE FF)");
        }
        if (startsWith(0xFF, 0xFE)) {
            throw otherEncoding("UTF-16 (little-endian: it starts with the byte-order mark FF FE)");
        }
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            position = 3;
        }
    }

    private boolean startsWith(int... bytes) {
        if (limit - position < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((buffer[position + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private NotUtf8Exception otherEncoding(String encoding) {
        return new NotUtf8Exception(1, 0, "the text is " + encoding + ", not UTF-8; " + SAVE_AS);
    }

    /** Moves the unread bytes to the front and reads until at least 4 are available or the stream ends. */
    private void fill() throws IOException {
        int remaining = limit - position;
        System.arraycopy(buffer, position, buffer, 0, remaining);
        bufferOffset += position;
        position = 0;
        limit = remaining;
        while (limit < 4 && !endOfStream) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfStream = true;
            } else {
                limit += read;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Bytes that are not UTF-8, with where they are. A {@link CharacterCodingException}, so code that
     * handles the JDK decoder's errors handles this one too.
     */
    public static final class NotUtf8Exception extends CharacterCodingException {
        private static final long serialVersionUID = 1L;

        private final long line;
        private final long byteOffset;
        private final String detail;

        NotUtf8Exception(long line, long byteOffset, String detail) {
            this.line = line;
            this.byteOffset = byteOffset;
            this.detail = detail;
        }

        /** The 1-based line the bad byte is on. */
        public long line() {
            return line;
        }

        /** The 0-based offset of the bad byte from the start of the stream. */
        public long byteOffset() {
            return byteOffset;
        }

        /** What is wrong and what to do, for a message after the file's name and line. */
        public String detail() {
            return detail;
        }

        @Override
        public String getMessage() {
            return "line " + line + ": " + detail;
        }
    }

    /** More text without the end of a record than {@link #limitRecordLength} allows. */
    public static final class RecordTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        RecordTooLongException(long line, long maxChars) {
            super(String.format(Locale.ROOT, "a record starting near line %d runs over %,d characters", line,
                    maxChars));
            this.line = line;
        }

        /** About where the record started (the parser may have read a little ahead). */
        public long line() {
            return line;
        }
    }
}
