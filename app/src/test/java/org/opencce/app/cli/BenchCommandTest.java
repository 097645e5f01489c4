package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opencce bench aggregate} run small, in-process through the same entry point as
 * {@link CommandLineTest}: its one JSON line and its check that the three methods agree.
 */
class BenchCommandTest {
    @TempDir
    Path workDir;

    // Generates the full demo population to draw 100 accounts from, writes their year and times three
    // methods (25–35 s on the shared 2-core machine): more room than the 2-minute default.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @Test
    void aggregateOfOneHundredAccountsPrintsEveryFieldAndTheThreeMethodsAgree() throws IOException {
        CliRun run = opencce("bench", "aggregate", "--accounts", "100", "--runs", "1", "--work-dir", workDir.toString());

        // The command compares the three methods' hourly totals itself and exits 1 ("the three methods
        // disagree …") when any differs by more than 1e-9 relative, so a zero exit is the agreement.
        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.err).doesNotContain("disagree");
        assertThat(run.out.lines()).as("one JSON line").hasSize(1);
        JsonNode json = Output.JSON.readTree(run.out);

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("bench", "date", "accounts", "hours", "reads", "groups",
                "generate_and_write_s", "project_s", "duckdb_group_by_s", "in_memory_ceiling_s", "project_vs_duckdb",
                "project_vs_ceiling", "project_reads_per_s", "runs", "cores", "max_heap_gb", "java");
        assertThat(json.get("bench").asText()).isEqualTo("aggregate");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(LocalDate.parse(json.get("date").asText())).isBetween(today.minusDays(1), today);
        assertThat(json.get("accounts").asInt()).isEqualTo(100);
        // The demo program's year, 2025, is a common year: 365 × 24 hours, one read per account and hour.
        assertThat(json.get("hours").asInt()).isEqualTo(8760);
        assertThat(json.get("reads").asLong()).isEqualTo(100L * 8760);
        // Amherst, Northampton and Pelham.
        assertThat(json.get("groups").asInt()).isEqualTo(3);
        for (String seconds : List.of("generate_and_write_s", "project_s", "duckdb_group_by_s", "in_memory_ceiling_s")) {
            assertThat(json.get(seconds).isNumber()).as(seconds).isTrue();
            assertThat(json.get(seconds).asDouble()).as(seconds).isGreaterThanOrEqualTo(0);
        }
        assertThat(json.get("generate_and_write_s").asDouble()).isPositive();
        assertThat(json.get("project_vs_duckdb").asDouble()).isPositive();
        assertThat(json.get("project_vs_ceiling").asDouble()).isPositive();
        assertThat(json.get("project_reads_per_s").asLong()).isPositive();
        assertThat(json.get("runs").asInt()).isEqualTo(1);
        assertThat(json.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(json.get("max_heap_gb").asDouble()).isPositive();
        assertThat(json.get("java").asText()).isEqualTo(System.getProperty("java.version"));

        // The generated data are temporary: nothing is left in the work folder.
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void zeroRunsIsRefusedWithTheRule() {
        CliRun run = opencce("bench", "aggregate", "--accounts", "100", "--runs", "0", "--work-dir", workDir.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("--runs must be at least 1, was 0");
        assertThat(run.out).isEmpty();
    }

    private static CliRun opencce(String... args) {
        return CliRun.of(args);
    }
}
