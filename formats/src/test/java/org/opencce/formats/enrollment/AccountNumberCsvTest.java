package org.opencce.formats.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

/** The bulk account-number files of docs/formats/enrollment-csv.md, row by row. */
class AccountNumberCsvTest {

    @Test
    void rowsComeWithTheirLinesAndTheOptionalUtilityInAnyColumnOrder() {
        AccountNumberCsv.Contents contents = read("""
                note, Utility ,ACCOUNT_NUMBER
                "called, twice",Eversource,54012345678

                ,National Grid,8123456789
                ,,5401-234-5679
                """);

        assertThat(contents.rows()).containsExactly(
                new AccountNumberCsv.Row(2, new UtilityAccountNumber("54012345678"), Optional.of(Utility.EVERSOURCE_WMA)),
                new AccountNumberCsv.Row(4, new UtilityAccountNumber("8123456789"), Optional.of(Utility.NATIONAL_GRID_MA)),
                new AccountNumberCsv.Row(5, new UtilityAccountNumber("5401-234-5679"), Optional.empty()));
        assertThat(contents.rejections()).isEmpty();
        assertThat(contents.read()).isEqualTo(3);
    }

    @Test
    void aUtilityInTheFirstColumnIsReadAndChecked() {
        AccountNumberCsv.Contents contents = read("utility,account_number\nNational Grid,8123456789\nUnitil,8123456790\n");

        assertThat(contents.rows()).singleElement().satisfies(r -> assertThat(r.utility())
                .contains(Utility.NATIONAL_GRID_MA));
        assertThat(contents.rejections()).containsExactly(
                new BatchReport.Rejection(3, "utility 'Unitil' is neither Eversource nor National Grid"));
    }

    @Test
    void aFileWithoutAUtilityColumnNamesNoUtility() {
        AccountNumberCsv.Contents contents = read("account_number\n54012345678\n");

        assertThat(contents.rows()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.utility()).isEmpty();
        });
    }

    @Test
    void badRowsAreRejectedWithTheirLinesAndTheOthersRead() {
        AccountNumberCsv.Contents contents = read("""
                account_number,utility
                ,Eversource
                54-,Eversource
                54012345678,Unitil
                8123456789,NGRID
                """);

        assertThat(contents.rejections()).containsExactly(
                new BatchReport.Rejection(2, "the account number is missing"),
                new BatchReport.Rejection(3, "account number '54-' is not 4 to 30 letters, digits or dashes"),
                new BatchReport.Rejection(4, "utility 'Unitil' is neither Eversource nor National Grid"));
        assertThat(contents.rows()).extracting(AccountNumberCsv.Row::line).containsExactly(5L);
        assertThat(contents.read()).isEqualTo(4);
    }

    @Test
    void anAccountNumberOfThirtyCharactersIsReadAndOneOfThirtyOneRejected() {
        String thirty = "1234567890".repeat(3);

        AccountNumberCsv.Contents contents = read("account_number\n" + thirty + "\n" + thirty + "1\nabcd\n");

        assertThat(contents.rows()).extracting(r -> r.accountNumber().value()).containsExactly(thirty, "abcd");
        assertThat(contents.rejections()).extracting(BatchReport.Rejection::line).containsExactly(3L);
    }

    @Test
    void aFileWithoutTheAccountNumberColumnOrEmptyFailsWhole() {
        assertThatThrownBy(() -> read("account,utility\n54012345678,Eversource\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("opt-outs.csv")
                .hasMessageContaining("has no account_number column (the header is account,utility)");
        assertThatThrownBy(() -> read("")).isInstanceOf(FormatException.class)
                .hasMessageContaining("is empty; it needs a header with an account_number column");
    }

    @Test
    void aFileThatIsNotUtf8FailsWhole() {
        byte[] bytes = "account_number\n5401234567\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> AccountNumberCsv.read(CsvInput.utf8(new ByteArrayInputStream(bytes)), "latin1.csv"))
                .isInstanceOf(FormatException.class).hasMessageContaining("latin1.csv");
    }

    @Test
    void aRowMustComeAfterTheHeader() {
        assertThatThrownBy(() -> new AccountNumberCsv.Row(1, new UtilityAccountNumber("54012345678"), Optional.empty()))
                .hasMessageContaining("line of a row must be 2 or more (line 1 is the header), was 1");
        assertThat(new AccountNumberCsv.Row(2, new UtilityAccountNumber("54012345678"), Optional.empty()).line())
                .isEqualTo(2);
        assertThat(new AccountNumberCsv.Contents(List.of(), List.of()).read()).isZero();
    }

    private static AccountNumberCsv.Contents read(String text) {
        return AccountNumberCsv.read(new StringReader(text), "opt-outs.csv");
    }
}
