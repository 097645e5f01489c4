package org.opencce.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvInputTest {

    @Test
    void aFieldPastTheEndOfAShortRowIsEmptyNotAnError() {
        List<CsvInput.Line> lines = CsvInput.readAll(new StringReader("a,b,c\n1, 2 \n"), "short.csv");

        CsvInput.Line row = lines.get(1);
        assertThat(row.number()).isEqualTo(2);
        assertThat(row.size()).isEqualTo(2);
        assertThat(row.field(1)).as("fields are trimmed").isEqualTo("2");
        assertThat(row.field(2)).as("the header's third column, missing from the row").isEmpty();
    }
}
