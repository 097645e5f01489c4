package org.opencce.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.report.BatchReport;

class RejectionsCsvTest {

    @Test
    void rejectionsAreWrittenAsQuotedCsvAndReadBackTheSame(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("list.csv.rejections.csv");
        List<BatchReport.Rejection> rejections = List.of(
                new BatchReport.Rejection(3, "duplicate of line 2 (same utility and account number)"),
                new BatchReport.Rejection(5, "rate class 'R-9' is not one of R-1, R-2, R-3, R-4, G-1, G-2, G-3"),
                new BatchReport.Rejection(7, "customer name 'Vic \"Sully\"' is odd; ZIP code is missing"),
                new BatchReport.Rejection(12, "an address\non two lines"));

        try (RejectionsCsv.Sink sink = RejectionsCsv.create(file)) {
            rejections.forEach(sink::write);
        }

        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).isEqualTo("line,reason\r\n"
                + "3,duplicate of line 2 (same utility and account number)\r\n"
                + "5,\"rate class 'R-9' is not one of R-1, R-2, R-3, R-4, G-1, G-2, G-3\"\r\n"
                + "7,\"customer name 'Vic \"\"Sully\"\"' is odd; ZIP code is missing\"\r\n"
                + "12,\"an address\non two lines\"\r\n");
        List<BatchReport.Rejection> back = new ArrayList<>();
        RejectionsCsv.forEach(file, back::add);
        assertThat(back).isEqualTo(rejections);
    }

    @Test
    void aFileThatIsNotARejectionsFileIsRefused(@TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("other.csv"), "account,name\r\n1,Ann\r\n");
        assertThatThrownBy(() -> RejectionsCsv.forEach(other, r -> { }))
                .isInstanceOf(FormatException.class)
                .hasMessage("other.csv, line 1: a rejections file starts with line,reason");
        Path badLine = Files.writeString(dir.resolve("bad.csv"), "line,reason\r\nx,why\r\n");
        assertThatThrownBy(() -> RejectionsCsv.forEach(badLine, r -> { }))
                .hasMessage("bad.csv, line 2: line 'x' is not a number");
    }
}
