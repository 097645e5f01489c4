package org.opencce.formats.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.formats.CsvInput;

class NoticeMailingTest {
    private static final Instant CREATED = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void lettersAreSplitIntoFilesAndTheManifestSaysWhereEachOneIs(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("notices");
        NoticeMailing.Summary summary;
        try (NoticeMailing mailing = NoticeMailing.create(out, CREATED, 2)) {
            for (Account account : Fixtures.valleyAccounts()) {
                mailing.add(NoticeFixtures.letter(account));
            }
            summary = mailing.finish();
        }

        assertThat(summary).isEqualTo(new NoticeMailing.Summary(5, List.of("letters-0001.pdf", "letters-0002.pdf",
                "letters-0003.pdf"), 5, 0));
        assertThat(new PdfReader(out.resolve("letters-0001.pdf").toString()).getNumberOfPages()).isEqualTo(2);
        assertThat(new PdfReader(out.resolve("letters-0003.pdf").toString()).getNumberOfPages()).isEqualTo(1);
        List<CsvInput.Line> manifest = CsvInput.readAll(CsvInput.open(out.resolve(NoticeMailing.MANIFEST)),
                "manifest.csv");
        assertThat(manifest).hasSize(6);
        assertThat(manifest.subList(1, 6)).extracting(l -> l.field(0) + " " + l.field(7) + " " + l.field(8))
                .containsExactly("54012345678 letters-0001.pdf 1", "54012345679 letters-0001.pdf 2",
                        "8123456789 letters-0002.pdf 1", "8123456790 letters-0002.pdf 2",
                        "54098765432 letters-0003.pdf 1");
        assertThat(PdfTexts.of(out.resolve("letters-0002.pdf")).get(1)).contains("Main Street Deli");
    }

    @Test
    void aMailingPrintingOnlyItsFirstLettersListsTheOthersInTheManifestWithoutFileOrPage(@TempDir Path dir)
            throws IOException {
        NoticeMailing.Summary summary;
        try (NoticeMailing mailing = NoticeMailing.create(dir, CREATED, 2, 3)) {
            for (Account account : Fixtures.valleyAccounts()) {
                mailing.add(NoticeFixtures.letter(account));
            }
            summary = mailing.finish();
        }

        // Five letters, the first three printed two to a file: Alice and Bob in the first file, Carol in
        // the second; the Main Street Deli and Erin only in the manifest.
        assertThat(summary).isEqualTo(new NoticeMailing.Summary(5, List.of("letters-0001.pdf", "letters-0002.pdf"),
                3, 0));
        assertThat(new PdfReader(dir.resolve("letters-0002.pdf").toString()).getNumberOfPages()).isEqualTo(1);
        List<CsvInput.Line> manifest = CsvInput.readAll(CsvInput.open(dir.resolve(NoticeMailing.MANIFEST)),
                "manifest.csv");
        assertThat(manifest.subList(1, 6)).extracting(l -> l.field(0) + "|" + l.field(7) + "|" + l.field(8))
                .containsExactly("54012345678|letters-0001.pdf|1", "54012345679|letters-0001.pdf|2",
                        "8123456789|letters-0002.pdf|1", "8123456790||", "54098765432||");
        assertThat(manifest.get(4).field(2)).isEqualTo("Main Street Deli");
        assertThat(manifest.get(4).size()).isEqualTo(9);
    }

    @Test
    void aMailingPrintingNoLetterWritesOnlyTheManifestAndRefusesANegativeCount(@TempDir Path dir)
            throws IOException {
        try (NoticeMailing mailing = NoticeMailing.create(dir, CREATED, 2, 0)) {
            mailing.add(NoticeFixtures.letter(NoticeFixtures.alice()));
            assertThat(mailing.finish()).isEqualTo(new NoticeMailing.Summary(1, List.of(), 0, 0));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(NoticeMailing.MANIFEST);
        }
        assertThatThrownBy(() -> NoticeMailing.create(dir, CREATED, 2, -1))
                .hasMessage("printed letters must be 0 or more, was -1");
    }

    @Test
    void aMailingWithoutLettersHasAnEmptyManifestAndNoPdf(@TempDir Path dir) throws IOException {
        NoticeMailing mailing = NoticeMailing.create(dir, CREATED, 10);
        assertThat(mailing.finish()).isEqualTo(new NoticeMailing.Summary(0, List.of(), 0, 0));
        mailing.close();

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(NoticeMailing.MANIFEST);
        }
        assertThatThrownBy(() -> mailing.add(NoticeFixtures.letter(NoticeFixtures.alice())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is finished");
    }

    @Test
    void theNumberOfLettersPerFileIsAtLeastOne(@TempDir Path dir) {
        assertThatThrownBy(() -> NoticeMailing.create(dir, CREATED, 0))
                .hasMessage("letters per file must be at least 1, was 0");
        try (NoticeMailing one = NoticeMailing.create(dir, CREATED, 1)) {
            one.add(NoticeFixtures.letter(NoticeFixtures.alice()));
            one.add(NoticeFixtures.letter(NoticeFixtures.bob()));
            assertThat(one.finish().letterFiles()).containsExactly("letters-0001.pdf", "letters-0002.pdf");
        }
    }

    @Test
    void charactersTheFontLacksAreCountedOverAllFiles(@TempDir Path dir) {
        NoticeLetter alice = NoticeFixtures.letter(NoticeFixtures.alice());
        try (NoticeMailing mailing = NoticeMailing.create(dir, CREATED, 1)) {
            mailing.add(NoticeFixtures.named(alice, "王"));
            mailing.add(NoticeFixtures.named(alice, "李"));
            // Each name is on its letter three times: the address block, the greeting and the reply card.
            assertThat(mailing.finish().substitutedCharacters()).isEqualTo(6);
        }
    }
}
