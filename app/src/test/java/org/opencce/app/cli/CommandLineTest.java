package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code opencce} command line end to end, in-process, on a small demo in a temporary data
 * directory with the real embedded PostgreSQL and Parquet store.
 */
class CommandLineTest {
    @TempDir
    static Path dataDir;
    private static JsonNode demo;

    // Starts an embedded PostgreSQL and builds a 1 % demo (about 280 accounts × 8,760 hourly reads written as
    // Parquet; about 10 s here, far more on a busy CI runner): more room than the 2-minute default.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @BeforeAll
    static void buildSmallDemo() throws IOException {
        CliRun run = opencce("demo", "--scale", "0.01", "--no-serve", "--json");
        assertThat(run.exit).as(run.err).isZero();
        demo = Output.JSON.readTree(run.out);
    }

    @Test
    void theDemoHasAccountsAndAYearOfHourlyReadsAndOneTimePasswords() {
        long accounts = demo.get("accounts").asLong();
        assertThat(accounts).isBetween(270L, 300L);
        assertThat(demo.get("reads").asLong()).isEqualTo(accounts * 8760);
        assertThat(demo.get("rebuilt").asBoolean()).isTrue();
        assertThat(demo.get("adminPassword").asText()).matches("[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}");
    }

    @Test
    void theDemoProgramIsDefinedAsAProgramFileWouldDefineIt() throws IOException {
        JsonNode program = Output.JSON.readTree(opencce("program", "show", "--json").out);
        assertThat(program.get("id").asText()).isEqualTo("valley-green-energy");
        assertThat(program.get("optOutWindowDays").asInt()).isEqualTo(30);
        assertThat(program.get("contact").get("phone").asText()).as("plainly fictitious").startsWith("413-555-01");
        assertThat(program.get("contact").get("email").asText()).endsWith("example.org");
        assertThat(program.get("products")).hasSize(4);
        assertThat(program.get("products").findValuesAsText("id")).containsExactly("basic", "standard", "green-100",
                "local-green");

        // Its program file, written and read back, changes nothing: the demo and the file are one definition.
        Path file = Files.writeString(dataDir.resolve("demo-program.yaml"), opencce("program", "show", "--yaml").out);
        CliRun update = opencce("program", "update", file.toString(), "--dry-run");
        assertThat(update.exit).as(update.err).isZero();
        assertThat(update.out).isEqualTo("demo-program.yaml changes nothing in program valley-green-energy.\n");
    }

    @Test
    void aSecondRunReusesTheDemoAndAnotherSeedNeedsFresh() throws IOException {
        CliRun again = opencce("demo", "--scale", "0.01", "--no-serve", "--json");
        JsonNode reused = Output.JSON.readTree(again.out);
        assertThat(reused.get("rebuilt").asBoolean()).isFalse();
        assertThat(reused.get("accounts").asLong()).isEqualTo(demo.get("accounts").asLong());
        assertThat(reused.get("adminPassword").asText()).isNotEqualTo(demo.get("adminPassword").asText());

        CliRun otherSeed = opencce("demo", "--scale", "0.01", "--seed", "7", "--no-serve");
        assertThat(otherSeed.exit).isEqualTo(1);
        assertThat(otherSeed.err).contains("was built with seed 42").contains("add --fresh");
    }

    @Test
    void theLoadProfileByRateClassAddsUpAndIsWrittenAsCsv() throws IOException {
        Path csv = dataDir.resolve("profile.csv");
        CliRun run = opencce("load", "profile", "--by", "class", "--from", "2025-03-09", "--to", "2025-03-09",
                "--out", csv.toString(), "--json");
        assertThat(run.exit).as(run.err).isZero();
        JsonNode result = Output.JSON.readTree(run.out);
        // The spring-forward day has 23 hours.
        assertThat(result.get("hours").asInt()).isEqualTo(23);
        List<String> groups = new ArrayList<>();
        double sum = 0;
        for (JsonNode g : result.get("groups")) {
            groups.add(g.get("group").asText());
            sum += g.get("mwh").asDouble();
        }
        assertThat(groups).contains("R-1", "G-1");
        assertThat(sum).isCloseTo(result.get("totalMwh").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(24);
        assertThat(lines.get(0)).startsWith("interval_start_local,interval_start_utc,").endsWith(",total kWh");
        assertThat(lines.get(1)).startsWith("2025-03-09T00:00-05:00,2025-03-09T05:00:00Z,");
        assertThat(lines.get(3)).startsWith("2025-03-09T03:00-04:00,");
    }

    @Test
    void importingACustomerListReportsEveryRejectionAndIsIdempotent() throws IOException {
        Path list = dataDir.resolve("list.csv");
        Files.writeString(list, "Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,"
                + "Supply Status\n"
                + "54077000001,Eversource,Pelham,R-1,Robin Hale,2 Buffam Rd,Pelham,01002,Basic Service\n"
                + "54077000002,Eversource,Pelham,X-1,Kai Moss,4 Buffam Rd,Pelham,01002,Basic Service\n");
        CliRun first = opencce("accounts", "import", list.toString());
        assertThat(first.exit).as(first.err).isZero();
        assertThat(first.out).contains("read 2 = accepted 1 + rejected 1").contains("line 3: rate class 'X-1'");
        JsonNode again = Output.JSON.readTree(opencce("accounts", "import", list.toString(), "--json").out);
        assertThat(again.get("alreadyImported").asBoolean()).isTrue();
        assertThat(again.get("read").asInt()).isEqualTo(2);
    }

    @Test
    void aListOfDuplicatesPrintsTheFirstRejectionsAndACountAndWritesThemAll() throws IOException {
        String header = "Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,Supply Status\n";
        String row = "54077000101,Eversource,Pelham,R-1,Robin Hale,2 Buffam Rd,Pelham,01002,Basic Service\n";
        Path list = dataDir.resolve("dups.csv");
        Files.writeString(list, header + row.repeat(151));

        CliRun run = opencce("accounts", "import", list.toString());

        assertThat(run.exit).as(run.err).isZero();
        Path rejections = dataDir.resolve("dups.csv.rejections.csv");
        List<String> printed = run.out.lines().toList();
        assertThat(printed).hasSize(1 + 1 + 20 + 1);
        assertThat(printed.get(0)).isEqualTo("dups.csv: read 151 = accepted 1 + rejected 150");
        assertThat(printed.get(1)).startsWith("Reconciled with the utility's earlier lists: 1 new, 0 unchanged,");
        assertThat(printed.get(2)).isEqualTo("  line 3: duplicate of line 2 (same utility and account number)");
        assertThat(printed.get(21)).isEqualTo("  line 22: duplicate of line 2 (same utility and account number)");
        assertThat(printed.get(22)).isEqualTo("  … and 130 more; all 150 are in " + rejections.toAbsolutePath());
        assertThat(Files.readAllLines(rejections)).hasSize(151).last()
                .isEqualTo("152,duplicate of line 2 (same utility and account number)");

        // The same rows with CR LF are another file; --json lists every rejection, read back from the file.
        Path crlf = dataDir.resolve("dups-crlf.csv");
        Path elsewhere = dataDir.resolve("all-rejections.csv");
        Files.writeString(crlf, (header + row.repeat(151)).replace("\n", "\r\n"));
        CliRun json = opencce("accounts", "import", crlf.toString(), "--rejections", elsewhere.toString(), "--json");
        assertThat(json.exit).as(json.err).isZero();
        JsonNode result = Output.JSON.readTree(json.out);
        assertThat(result.get("rejected").asInt()).isEqualTo(150);
        assertThat(result.get("rejectionsFile").asText()).isEqualTo(elsewhere.toAbsolutePath().toString());
        assertThat(result.get("rejections")).hasSize(150);
        assertThat(result.get("rejections").get(149).get("line").asLong()).isEqualTo(152);
        assertThat(json.out.lines().count()).as("one JSON line").isEqualTo(1);
    }

    @Test
    void aLatin1ListFailsWithTheLineAndByteAndChangesNothing() throws IOException {
        Path list = dataDir.resolve("latin1.csv");
        Files.write(list, ("Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,"
                + "Supply Status\n54077000201,Eversource,Pelham,R-1,José Ruiz,2 Buffam Rd,Pelham,01002,BS\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CliRun run = opencce("accounts", "import", list.toString());

        assertThat(run.exit).isEqualTo(1);
        // The header is 92 bytes; "54077000201,Eversource,Pelham,R-1,Jos" is 37 more.
        assertThat(run.err).contains("latin1.csv, line 2: the text is not UTF-8; save the file as \"CSV UTF-8\"")
                .contains("byte 0xE9 at byte offset 129,");
        CliRun again = opencce("accounts", "import", list.toString());
        assertThat(again.exit).as("not recorded as imported").isEqualTo(1);
    }

    @Test
    void badInputGetsAMessageAndANonZeroExit() {
        CliRun badGrouping = opencce("load", "profile", "--by", "zone");
        assertThat(badGrouping.exit).isEqualTo(1);
        assertThat(badGrouping.err).contains("--by must be town, class or product, was 'zone'");
        CliRun missingFile = opencce("accounts", "import", dataDir.resolve("missing.csv").toString());
        assertThat(missingFile.exit).isEqualTo(1);
        assertThat(missingFile.err).contains("does not exist");
        assertThat(opencce("no-such-command").exit).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"--help"}, {"demo", "--help"}, {"serve", "--help"},
                {"db", "migrate", "--help"}, {"db", "backup", "--help"}, {"db", "restore", "--help"},
                {"accounts", "import", "--help"}, {"load", "profile", "--help"},
                {"bench", "aggregate", "--help"}, {"bench", "import", "--help"}, {"users", "add", "--help"},
                {"users", "list", "--help"}, {"users", "disable", "--help"}, {"users", "enable", "--help"},
                {"users", "remove", "--help"}}) {
            CliRun run = run(command, false);
            assertThat(run.exit).as(String.join(" ", command)).isZero();
            assertThat(run.out).contains("Usage: opencce");
        }
    }

    @Test
    void anAdminAddsAUserWithARoleAndAOneTimePassword() throws IOException {
        JsonNode added = Output.JSON.readTree(opencce("users", "add", "dana", "--role", "staff", "--json").out);
        assertThat(added.get("created").asBoolean()).isTrue();
        assertThat(added.get("role").asText()).isEqualTo("staff");
        assertThat(added.get("mustChangePassword").asBoolean()).isTrue();

        CliRun again = opencce("users", "add", "DANA", "--role", "admin");
        assertThat(again.exit).as("an existing name, in any case, needs --reset").isEqualTo(1);
        assertThat(again.err).contains("there is already a user 'dana' (user names ignore case) with role staff",
                "add --reset");
        JsonNode reset = Output.JSON.readTree(opencce("users", "add", "Dana", "--role", "viewer", "--reset",
                "--json").out);
        assertThat(reset.get("created").asBoolean()).isFalse();
        assertThat(reset.get("user").asText()).isEqualTo("dana");
        assertThat(reset.get("password").asText()).isNotEqualTo(added.get("password").asText());
        CliRun badRole = opencce("users", "add", "dana", "--role", "owner");
        assertThat(badRole.exit).isEqualTo(1);
        assertThat(badRole.err).contains("--role must be admin, staff or viewer, was 'owner'");
    }

    @Test
    void usersAreListedDisabledAndRemovedButTheLastAdminStays() throws IOException {
        opencce("users", "add", "erin", "--role", "staff");

        CliRun list = opencce("users", "list", "--json");
        JsonNode users = Output.JSON.readTree(list.out).get("users");
        assertThat(list.out).doesNotContain("$2a$", "password\"");
        assertThat(users).anySatisfy(u -> {
            assertThat(u.get("user").asText()).isEqualTo("erin");
            assertThat(u.get("role").asText()).isEqualTo("staff");
            assertThat(u.get("disabled").asBoolean()).isFalse();
            assertThat(u.get("mustChangePassword").asBoolean()).isTrue();
        });
        assertThat(opencce("users", "disable", "ERIN").exit).isZero();
        assertThat(opencce("users", "list").out).containsPattern("erin\\s+staff\\s+disabled, one-time password");
        assertThat(opencce("users", "remove", "erin").out).contains("Removed erin.");
        assertThat(opencce("users", "list").out).doesNotContain("erin");
        CliRun unknown = opencce("users", "disable", "erin");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("there is no user 'erin'");

        CliRun lastAdmin = opencce("users", "remove", "admin");
        assertThat(lastAdmin.exit).isEqualTo(1);
        assertThat(lastAdmin.err).contains("cannot remove admin: it is the only enabled admin");
    }

    @Test
    void aLoadProfileOutsideTheDataSaysWhichDaysThereAre() {
        CliRun farFuture = opencce("load", "profile", "--by", "town", "--to", "+999999999-12-31");
        CliRun beforeLmtEnded = opencce("load", "profile", "--by", "town", "--from", "1800-01-01", "--to", "1800-01-07");

        for (CliRun run : List.of(farFuture, beforeLmtEnded)) {
            assertThat(run.exit).isEqualTo(1);
            assertThat(run.err).contains("is outside the interval data, which covers 2025-01-01 to 2025-12-31")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aMalformedTrustedProxyIsAUsageError() {
        CliRun run = opencce("serve", "--trusted-proxy", "10.0.0.0/33");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("'10.0.0.0/33' has prefix length 33, but an IPv4 range allows at most 32");
    }

    @Test
    void migrateReportsTheSchemaVersion() throws IOException {
        JsonNode result = Output.JSON.readTree(opencce("db", "migrate", "--json").out);
        assertThat(result.get("schemaVersion").asText()).isNotBlank();
        assertThat(result.get("database").asText()).contains("embedded PostgreSQL");
    }

    private static CliRun opencce(String... args) {
        return run(args, true);
    }

    /** Runs {@code args}, with this test's --data-dir unless asked not to or asking for help. */
    private static CliRun run(String[] args, boolean withDataDir) {
        List<String> all = new ArrayList<>(List.of(args));
        if (withDataDir && !all.contains("--help")) {
            all.add("--data-dir");
            all.add(dataDir.toString());
        }
        return CliRun.of(all);
    }
}
