package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * {@code opencce bench portal} for 2 seconds with 4 clients: the real server takes opt-outs through the
 * form, every one of them is accepted (each account is notified and opted out once, each from its own
 * address, so neither rate limit applies), and every confirmation number is found in the database.
 */
class BenchPortalTest {
    @TempDir
    Path work;

    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    @Test
    void fourClientsOptOutForTwoSecondsAndNoOptOutIsLost() throws IOException {
        CliRun run = CliRun.of("bench", "portal", "--seconds", "2", "--clients", "4", "--accounts", "3000", "--json",
                "--work-dir", work.toString());

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out.lines()).as("one JSON line").hasSize(1);
        JsonNode json = Output.JSON.readTree(run.out);
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("bench", "date", "accounts", "clients", "seconds", "requests", "accepted",
                "refused", "errors", "throughput_per_s", "p50_ms", "p99_ms", "max_ms", "form_p50_ms", "form_p99_ms",
                "target_per_s", "target_p99_ms", "meets_target", "baseline_requests", "baseline_per_s",
                "baseline_p50_ms", "baseline_p99_ms", "opt_outs_vs_baseline", "warm_up_opt_outs", "accounts_ran_out",
                "opted_out_in_database", "lost", "unexplained", "setup_s", "cores", "java");
        assertThat(json.get("bench").asText()).isEqualTo("portal");
        assertThat(json.get("clients").asInt()).isEqualTo(4);
        assertThat(json.get("accounts").asInt()).isEqualTo(3000);

        long requests = json.get("requests").asLong();
        assertThat(requests).isPositive();
        assertThat(json.get("accepted").asLong()).as("every opt-out of a notified account is confirmed")
                .isEqualTo(requests);
        assertThat(json.get("refused").asLong()).isZero();
        assertThat(json.get("errors").asLong()).isZero();
        assertThat(json.get("throughput_per_s").asDouble())
                .isCloseTo(json.get("accepted").asDouble() / json.get("seconds").asDouble(), within(0.01 * requests));
        assertThat(json.get("p50_ms").asDouble()).isPositive().isLessThanOrEqualTo(json.get("p99_ms").asDouble());
        assertThat(json.get("p99_ms").asDouble()).isLessThanOrEqualTo(json.get("max_ms").asDouble());
        assertThat(json.get("baseline_requests").asLong()).isPositive();
        assertThat(json.get("baseline_p50_ms").asDouble()).isPositive();

        // The check: each confirmation is an opted_out event of its account, and nothing else opted out.
        assertThat(json.get("lost").asLong()).isZero();
        assertThat(json.get("unexplained").asLong()).isZero();
        assertThat(json.get("opted_out_in_database").asLong())
                .isEqualTo(json.get("accepted").asLong() + json.get("warm_up_opt_outs").asLong());

        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("the temporary folder is deleted").isEmpty();
        }
    }

    @Test
    void zeroClientsIsRefusedWithTheRule() {
        CliRun run = CliRun.of("bench", "portal", "--clients", "0", "--work-dir", work.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("--clients must be at least 1, was 0");
        assertThat(run.out).isEmpty();
    }
}
