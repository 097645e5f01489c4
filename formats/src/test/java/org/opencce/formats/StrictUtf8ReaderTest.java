package org.opencce.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strict UTF-8 decoding with the line and byte offset of the first bad byte, and the record lines of
 * {@link CsvInput}. Every expected offset is counted by hand in the comment next to it.
 */
class StrictUtf8ReaderTest {

    private static final String SAVE_AS = "save the file as \"CSV UTF-8\" and try again";

    private static List<CsvInput.Line> csv(byte[] bytes) {
        return CsvInput.readAll(CsvInput.utf8(new ByteArrayInputStream(bytes)), "list.csv");
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String) {
                out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aLatin1NameIsRefusedWithItsLineAndByteOffset() {
        // "a,b\r\n" is bytes 0-4; "Jos" 5-7; Latin-1 é (0xE9) is byte 8, followed by a comma.
        byte[] latin1 = bytes("a,b\r\nJos", 0xE9, ",1\r\n");

        assertThatThrownBy(() -> csv(latin1))
                .isInstanceOf(FormatException.class)
                .hasMessage("list.csv, line 2: the text is not UTF-8; " + SAVE_AS + " (byte 0xE9 at byte offset 8,"
                        + " counting from 0, is not followed by the bytes a UTF-8 character needs)")
                .satisfies(e -> assertThat(((FormatException) e).line()).isEqualTo(2));
    }

    @Test
    void oneBadByteInAUtf8FileIsFoundOnItsLine() {
        // x(0) \n(1) \n(2) y(3) ,(4) é = C3 A9 (5, 6) ,(7) FF(8): line 3, the blank line counts.
        byte[] text = bytes("x\n\ny,é,", 0xFF, "\n");

        assertThatThrownBy(() -> csv(text))
                .hasMessage("list.csv, line 3: the text is not UTF-8; " + SAVE_AS + " (byte 0xFF at byte offset 8,"
                        + " counting from 0, never occurs in UTF-8)");
    }

    @Test
    void aStrayContinuationByteAndACutShortCharacterAreNamed() {
        // CR alone ends a line too: a(0) \r(1) b(2) 0x80(3) on line 2.
        assertThatThrownBy(() -> csv(bytes("a\rb", 0x80)))
                .hasMessageEndingWith("(byte 0x80 at byte offset 3, counting from 0, continues a character that"
                        + " never started)")
                .hasMessageStartingWith("list.csv, line 2: ");
        // € is E2 82 AC; the file ends after E2 82: the lead byte is at offset 2.
        assertThatThrownBy(() -> csv(bytes("ab", 0xE2, 0x82)))
                .hasMessageEndingWith("(byte 0xE2 at byte offset 2, counting from 0, starts a character that the end"
                        + " of the file cuts short)");
    }

    @Test
    void overlongFormsSurrogatesAndCodePointsBeyondUnicodeAreRefused() {
        int[][] illFormed = {
            {0xC0, 0x80}, // overlong NUL
            {0xC1, 0xBF}, // overlong '?'
            {0xE0, 0x80, 0x80}, // overlong
            {0xED, 0xA0, 0x80}, // the surrogate U+D800
            {0xF0, 0x80, 0x80, 0x80}, // overlong
            {0xF4, 0x90, 0x80, 0x80}, // U+110000
            {0xF5, 0x80, 0x80, 0x80}, // never a lead byte
            {0xE2, 0x82, 0x41}, // a third byte that is not a continuation
        };
        for (int[] sequence : illFormed) {
            Object[] parts = new Object[sequence.length + 1];
            parts[0] = "ok,";
            for (int i = 0; i < sequence.length; i++) {
                parts[i + 1] = sequence[i];
            }
            assertThatThrownBy(() -> csv(bytes(parts)))
                    .as("%02X…", sequence[0])
                    .isInstanceOf(FormatException.class)
                    .hasMessageContaining(String.format("byte 0x%02X at byte offset 3,", sequence[0]));
        }
    }

    @Test
    void wellFormedCharactersOfEveryLengthDecode() throws IOException {
        // The largest code point of each length and the smallest above the surrogates, read one char
        // at a time so that a supplementary character is handed out in two calls.
        String text = "\u007F\u07FF\uFFFD\uE000\uD7FF" + new String(Character.toChars(0x10FFFF))
                + new String(Character.toChars(0x1F600)) + "José";
        Reader reader = CsvInput.utf8(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        StringBuilder back = new StringBuilder();
        char[] one = new char[1];
        while (reader.read(one, 0, 1) == 1) {
            back.append(one[0]);
        }
        assertThat(back.toString()).isEqualTo(text);
    }

    @Test
    void positionsStayExactPastTheFirstBufferOfBytes() {
        // 17,500 lines of "abc\n" are 70,000 bytes, more than one 64 KiB buffer; the bad byte follows
        // on line 17,501.
        byte[] text = bytes("abc\n".repeat(17_500), 0xE9);

        assertThatThrownBy(() -> csv(text))
                .hasMessageStartingWith("list.csv, line 17501: ")
                .hasMessageContaining("byte 0xE9 at byte offset 70,000,");
    }

    @Test
    void aCharacterAcrossTheBufferBoundaryDecodes() {
        // 65,535 ASCII bytes, then é (C3 A9) across the 65,536-byte boundary.
        String text = "a".repeat(65_535) + "é,x\n";

        assertThat(csv(text.getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(line -> assertThat(line.field(0)).endsWith("aé").hasSize(65_536));
    }

    @Test
    void utf16AndUtf32AreRefusedByTheirByteOrderMark() {
        byte[] le = bytes(0xFF, 0xFE, "a", 0, ",", 0, "b", 0);
        byte[] be = bytes(0xFE, 0xFF, 0, "a", 0, ",", 0, "b");
        byte[] utf32le = bytes(0xFF, 0xFE, 0, 0, "a", 0, 0, 0);
        byte[] utf32be = bytes(0, 0, 0xFE, 0xFF, 0, 0, 0, "a");

        assertThatThrownBy(() -> csv(le)).hasMessage("list.csv, line 1: the text is UTF-16 (little-endian: it starts"
                + " with the byte-order mark FF FE), not UTF-8; " + SAVE_AS);
        assertThatThrownBy(() -> csv(be)).hasMessage("list.csv, line 1: the text is UTF-16 (big-endian: it starts"
                + " with the byte-order mark FE FF), not UTF-8; " + SAVE_AS);
        assertThatThrownBy(() -> csv(utf32le)).hasMessageContaining("the text is UTF-32 (little-endian");
        assertThatThrownBy(() -> csv(utf32be)).hasMessageContaining("the text is UTF-32 (big-endian");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        List<CsvInput.Line> lines = csv(bytes(0xEF, 0xBB, 0xBF, "name\r\nAnn\r\n"));
        assertThat(lines).extracting(l -> l.field(0)).containsExactly("name", "Ann");
    }

    @Test
    void recordsStartOnTheLineAnEditorShows() {
        // Line 2 is blank; the quoted value on line 4 runs into line 5 (CR LF inside it) and line 6 (LF).
        String text = "h1,h2\r\n\r\na,1\r\n\"b\r\nb\nb\",2\r\nc,3\r\n";

        assertThat(csv(text.getBytes(StandardCharsets.UTF_8))).extracting(CsvInput.Line::number, l -> l.field(0))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "h1"),
                        org.assertj.core.groups.Tuple.tuple(3L, "a"),
                        org.assertj.core.groups.Tuple.tuple(4L, "b\r\nb\nb"),
                        org.assertj.core.groups.Tuple.tuple(7L, "c"));
    }

    @Test
    void aBadByteAfterAMultiLineValueIsOnItsOwnLine() {
        // "h\n" lines 1; "\"x\ny\",z\n" lines 2-3; the bad byte starts line 4 at offset 2 + 8 = 10.
        byte[] text = bytes("h\n\"x\ny\",z\n", 0xFF);
        assertThatThrownBy(() -> csv(text))
                .hasMessageStartingWith("list.csv, line 4: ")
                .hasMessageContaining("byte offset 10,");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOn() {
        // Line 2 is blank and not a record; the quote opens on line 4 and runs to the end of the file.
        String text = "h1,h2\n\nok,1\n\"never closed,2\nmore\n";
        assertThatThrownBy(() -> csv(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormatException.class)
                .hasMessage("list.csv, line 4: a quoted value starts on this line and is never closed; check for an"
                        + " unclosed quote")
                .satisfies(e -> assertThat(((FormatException) e).line()).isEqualTo(4));
    }

    @Test
    void anUnclosedQuoteInAHugeFileStopsAtTheRecordLimitInsteadOfFillingMemory() {
        // 20 MiB of text after a quote that never closes, opened on line 3.
        byte[] text = bytes("h1,h2\nok,1\n\"open,", "x".repeat(20 << 20));

        assertThatThrownBy(() -> csv(text))
                .isInstanceOf(FormatException.class)
                .hasMessage("list.csv, line 3: a record starting near line 3 runs over 16,777,216 characters, so it"
                        + " cannot be a row; check for an unclosed quote");
    }

    @Test
    void countsTheBytesItHasConsumedForProgressBars() throws IOException {
        // "é" is two bytes in UTF-8 (C3 A9), so "héllo\n" is 7 bytes and 6 chars.
        try (StrictUtf8Reader reader = new StrictUtf8Reader(
                new ByteArrayInputStream("héllo\n".getBytes(StandardCharsets.UTF_8)))) {
            char[] chars = new char[16];
            int n = 0;
            for (int r = reader.read(chars, n, chars.length - n); r > 0; r = reader.read(chars, n, chars.length - n)) {
                n += r;
            }
            assertThat(new String(chars, 0, n)).isEqualTo("héllo\n");
            assertThat(reader.bytesRead()).isEqualTo(7);
        }
    }

    @Test
    void closingTheReaderClosesTheFileUnderIt() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream file = new ByteArrayInputStream(new byte[] {'a'}) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new StrictUtf8Reader(file).close();
        assertThat(closed[0]).as("the input stream was closed").isTrue();
    }
}
