package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opencce bench import} on a small list: one JSON line whose figures agree with the list. */
class BenchImportTest {

    @Test
    void aThousandRowListIsImportedAndAgreesWithItsBaselines(@TempDir Path work) throws IOException {
        CliRun run = CliRun.of("bench", "import", "--rows", "1000", "--work-dir", work.toString());

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out.lines()).hasSize(1);
        JsonNode result = Output.JSON.readTree(run.out);
        assertThat(result.get("bench").asText()).isEqualTo("import");
        assertThat(result.get("rows").asInt()).isEqualTo(1000);
        // One row in a thousand has the unknown rate class R-9: row 999, on line 1,001.
        assertThat(result.get("rejected").asInt()).isEqualTo(1);
        assertThat(result.get("accepted").asInt()).isEqualTo(999);
        assertThat(result.get("accounts_stored").asLong()).isEqualTo(999);
        assertThat(result.get("agrees").asBoolean()).isTrue();
        assertThat(result.get("bytes").asLong()).isGreaterThan(1000L * 100);
        for (String field : new String[] {"import_s", "read_only_s", "copy_s", "import_rows_per_s", "peak_heap_mb",
            "max_heap_mb", "import_vs_copy"}) {
            assertThat(result.get(field).asDouble()).as(field).isPositive();
        }
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("the temporary list and database are deleted").isEmpty();
        }
    }
}
