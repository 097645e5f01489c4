package org.opencce.formats.notice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The text of each page of a PDF file, white space made single spaces. */
final class PdfTexts {
    private PdfTexts() {
    }

    static List<String> of(Path pdf) throws IOException {
        return NoticeLetterPdfWriterTest.pagesOf(Files.readAllBytes(pdf)).stream()
                .map(NoticeLetterPdfWriterTest::flat).toList();
    }
}
