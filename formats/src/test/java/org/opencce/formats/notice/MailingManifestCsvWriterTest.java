package org.opencce.formats.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.OpenCceException;
import org.opencce.formats.CsvInput;

class MailingManifestCsvWriterTest {
    private static final String GOLDEN = "/org/opencce/formats/notice/golden-manifest.csv";

    /**
     * Alice at her service address, Bob at his landlord's (a comma and a line break in the street), and
     * Carol renamed with an accent, quotes, an apostrophe and a comma, in a second file.
     */
    private static void writeGoldenRows(MailingManifestCsvWriter manifest) {
        manifest.write(NoticeFixtures.letter(NoticeFixtures.alice()), "letters-0001.pdf", 1);
        manifest.write(NoticeFixtures.letter(NoticeFixtures.bob()), "letters-0001.pdf", 2);
        manifest.write(NoticeFixtures.named(NoticeFixtures.letter(Fixtures.valleyAccounts().get(2)),
                "José \"Pepe\" O’Brien, Jr."), "letters-0002.pdf", 1);
    }

    @Test
    void writesTheGoldenManifest() throws IOException {
        StringBuilder out = new StringBuilder();
        try (MailingManifestCsvWriter manifest = MailingManifestCsvWriter.to(out)) {
            writeGoldenRows(manifest);
            assertThat(manifest.rows()).isEqualTo(3);
        }

        assertThat(out.toString()).isEqualTo(golden());
    }

    @Test
    void theManifestReadsBackToTheLettersFields() throws IOException {
        List<CsvInput.Line> lines = CsvInput.readAll(new StringReader(golden()), "manifest.csv");

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).record().toList()).isEqualTo(MailingManifestCsvWriter.HEADER);
        assertThat(lines.get(2).record().toList()).containsExactly("54012345679", "EVERSOURCE_WMA", "Bob Brennan",
                "c/o Pioneer Property Mgmt, Suite 2\nPO Box 112", "Hadley", "MA", "01035-0112", "letters-0001.pdf", "2");
        assertThat(lines.get(3).record().get(2)).isEqualTo("José \"Pepe\" O’Brien, Jr.");
        assertThat(lines.get(3).number()).as("Bob's street spans two lines").isEqualTo(5);
    }

    @Test
    void aFileStartsWithAByteOrderMarkForExcelAndIsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("manifest.csv");
        try (MailingManifestCsvWriter manifest = MailingManifestCsvWriter.create(file)) {
            writeGoldenRows(manifest);
        }

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF, 'a');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(golden());
        // The file was closed: it can be deleted and written again at once.
        Files.delete(file);
        MailingManifestCsvWriter.create(file).close();
        assertThat(Files.readString(file)).isEqualTo("\uFEFF" + String.join(",", MailingManifestCsvWriter.HEADER)
                + "\r\n");
    }

    @Test
    void closingFlushesTheOutputAndClosesTheFileItOpened(@TempDir Path dir) throws IOException {
        StringWriter text = new StringWriter();
        BufferedWriter buffered = new BufferedWriter(text, 1 << 16);
        try (MailingManifestCsvWriter manifest = MailingManifestCsvWriter.to(buffered)) {
            writeGoldenRows(manifest);
            assertThat(text.toString()).as("still in the caller's buffer").isEmpty();
        }
        assertThat(text.toString()).isEqualTo(golden());

        Path file = dir.resolve("manifest.csv");
        MailingManifestCsvWriter.create(file).close();
        Path descriptors = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(descriptors), "open files are listed in /proc on Linux only");
        try (var open = Files.list(descriptors)) {
            assertThat(open.map(MailingManifestCsvWriterTest::target)).doesNotContain(file.toRealPath().toString());
        }
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void aPageMustBeOneOrMoreAndAFolderMustExist(@TempDir Path dir) {
        try (MailingManifestCsvWriter manifest = MailingManifestCsvWriter.to(new StringBuilder())) {
            assertThatThrownBy(() -> manifest.write(NoticeFixtures.letter(NoticeFixtures.alice()), "a.pdf", 0))
                    .hasMessage("page must be 1 or more, was 0");
            manifest.write(NoticeFixtures.letter(NoticeFixtures.alice()), "a.pdf", 1);
            assertThat(manifest.rows()).isEqualTo(1);
        }
        assertThatThrownBy(() -> MailingManifestCsvWriter.create(dir.resolve("missing").resolve("manifest.csv")))
                .isInstanceOf(OpenCceException.class)
                .hasMessageContaining("cannot write the mailing manifest")
                .hasMessageContaining("check that its folder exists and is writable");
    }

    @Test
    void aFailingOutputIsReportedAsTheManifestsFailure() {
        Appendable broken = new Appendable() {
            @Override
            public Appendable append(CharSequence csq) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> MailingManifestCsvWriter.to(broken))
                .isInstanceOf(OpenCceException.class).hasMessage("cannot write the mailing manifest: disk full");
    }

    private String golden() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
