package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opencce bench enrollment} on 200 accounts with 5 PDF letters: one JSON line, every stage timed,
 * and every count what the generated campaign must give. The campaign's rules (CampaignFiles): account i
 * is competitive when i % 10 == 7, its notice comes back when i % 100 == 1, it opts out when i % 20 == 3,
 * it has a mailing address when i % 5 == 0. For i in 0..199 that is 20 competitive accounts (7, 17, …,
 * 197), 2 returned notices (1, 101), 10 opt-outs (3, 23, …, 183) and 40 mailing addresses; so 180
 * notified and 168 enrolling.
 */
class BenchEnrollmentTest {
    @TempDir
    Path work;

    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    @Test
    void twoHundredAccountsGoThroughEveryStageAndEveryCountAgrees() throws IOException {
        CliRun run = CliRun.of("bench", "enrollment", "--accounts", "200", "--pdfs", "5", "--json", "--work-dir",
                work.toString());

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.err).as("--json: no progress").isEmpty();
        assertThat(run.out.lines()).as("one JSON line").hasSize(1);
        JsonNode json = Output.JSON.readTree(run.out);
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("bench", "date", "accounts", "pdfs", "import_s", "notices_s",
                "returned_mail_and_opt_outs_s", "run_s", "export_s", "total_s", "target_s", "meets_target",
                "read_only_s", "total_vs_read_only", "accounts_per_s", "generate_s", "setup_s", "expected", "counts",
                "agrees", "disagreements", "cores", "max_heap_mb", "java");
        assertThat(json.get("bench").asText()).isEqualTo("enrollment");
        assertThat(json.get("accounts").asInt()).isEqualTo(200);
        assertThat(json.get("pdfs").asInt()).isEqualTo(5);
        assertThat(json.get("target_s").asInt()).isEqualTo(30);
        for (String stage : List.of("import_s", "notices_s", "returned_mail_and_opt_outs_s", "run_s", "export_s",
                "read_only_s")) {
            assertThat(json.get(stage).asDouble()).as(stage).isPositive();
        }
        double stages = json.get("import_s").asDouble() + json.get("notices_s").asDouble()
                + json.get("returned_mail_and_opt_outs_s").asDouble() + json.get("run_s").asDouble()
                + json.get("export_s").asDouble();
        // total_s is the wall clock from the import's start to the export's end: the stages, and between
        // them nothing but a few clock reads (and whatever pause the garbage collector takes there); each
        // figure is rounded to the millisecond.
        assertThat(json.get("total_s").asDouble()).isBetween(stages - 0.006, stages + 2.0);

        JsonNode expected = json.get("expected");
        assertThat(expected.get("eligible").asInt()).isEqualTo(180);
        assertThat(expected.get("competitive").asInt()).isEqualTo(20);
        assertThat(expected.get("returned_mail").asInt()).isEqualTo(2);
        assertThat(expected.get("opted_out").asInt()).isEqualTo(10);
        assertThat(expected.get("enrolling").asInt()).isEqualTo(168);

        JsonNode counts = json.get("counts");
        assertThat(counts.get("imported").asInt()).isEqualTo(200);
        assertThat(counts.get("listed_new").asInt()).isEqualTo(200);
        assertThat(counts.get("letters").asInt()).isEqualTo(180);
        assertThat(counts.get("manifest_rows").asInt()).isEqualTo(180);
        assertThat(counts.get("manifest_rows_with_pdf").asInt()).isEqualTo(5);
        assertThat(counts.get("pdf_files").asInt()).isEqualTo(1);
        assertThat(counts.get("manifest_mailing_addresses").asInt()).isEqualTo(40);
        assertThat(counts.get("returned_mail_applied").asInt()).isEqualTo(2);
        assertThat(counts.get("opt_outs_applied").asInt()).isEqualTo(10);
        assertThat(counts.get("requested").asInt()).isEqualTo(168);
        assertThat(counts.get("requests_814").asInt()).isEqualTo(168);
        assertThat(counts.get("requests_814_read_back").asInt()).isEqualTo(168);
        assertThat(counts.get("state_enrolling").asInt()).isEqualTo(168);
        assertThat(counts.get("state_opted_out").asInt()).isEqualTo(10);
        assertThat(counts.get("state_returned_mail").asInt()).isEqualTo(2);
        assertThat(counts.get("state_competitive").asInt()).isEqualTo(20);
        assertThat(counts.get("state_notified").asInt()).isZero();
        assertThat(json.get("agrees").asBoolean()).isTrue();
        assertThat(json.get("disagreements")).isEmpty();

        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("the temporary folder is deleted").isEmpty();
        }
    }

    @Test
    void aNegativeNumberOfPdfsIsRefusedWithTheRule() {
        CliRun run = CliRun.of("bench", "enrollment", "--accounts", "200", "--pdfs", "-1", "--work-dir", work.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("--pdfs must be 0 or more, was -1");
        assertThat(run.out).isEmpty();
    }
}
