package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which commands create an installation, what the others say where there is none, and how a demo
 * build that was killed is picked up again; in-process, with the real embedded PostgreSQL.
 */
class InstallationLifecycleTest {
    @TempDir
    Path folder;

    @Test
    void readingCommandsOnAFolderWithoutAnInstallationCreateNothingAndSayHowToCreateOne() throws IOException {
        Path typo = folder.resolve("opencce-typo");
        Path list = Files.writeString(folder.resolve("list.csv"), "Account Number,Utility,Town,Rate Class\n");
        for (String[] command : new String[][] {{"load", "profile", "--by", "town"},
                {"accounts", "import", list.toString()}, {"users", "add", "dana", "--role", "viewer"},
                {"serve", "--port", "0"}}) {
            CliRun run = opencce(command, "--data-dir", typo.toString());
            assertThat(run.exit).as(String.join(" ", command)).isEqualTo(1);
            assertThat(run.err).as(String.join(" ", command))
                    .contains("no OpenCCE installation in " + typo)
                    .contains("'opencce db migrate --data-dir " + typo + "'")
                    .contains("check --data-dir");
            assertThat(typo).as("after " + String.join(" ", command)).doesNotExist();
        }
    }

    @Test
    void dbMigrateCreatesTheInstallationThatReadingCommandsThenUse() throws IOException {
        Path dataDir = folder.resolve("new");
        CliRun migrate = opencce(new String[] {"db", "migrate", "--json"}, "--data-dir", dataDir.toString());
        assertThat(migrate.exit).as(migrate.err).isZero();
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).isRegularFile();

        CliRun users = opencce(new String[] {"users", "add", "dana", "--role", "viewer"}, "--data-dir",
                dataDir.toString());
        assertThat(users.exit).isEqualTo(1);
        assertThat(users.err).as("an installation without a program").contains("there is no program yet");
    }

    @Test
    void anEmptyDataDirIsAUsageErrorNotTheCurrentFolder() {
        CliRun run = opencce(new String[] {"db", "migrate"}, "--data-dir", "");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("--data-dir is empty");
        assertThat(Path.of("postgres")).as("nothing in the current folder").doesNotExist();
    }

    @Test
    void aDataDirThatIsAFileIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(folder.resolve("opencce.txt"), "notes");
        CliRun run = opencce(new String[] {"db", "migrate"}, "--data-dir", file.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains(file.toString()).contains("is a file, not a folder");
        CliRun read = opencce(new String[] {"load", "profile", "--by", "town"}, "--data-dir", file.toString());
        assertThat(read.exit).isEqualTo(1);
        assertThat(read.err).contains("is a file, not a folder");
    }

    @Test
    void aDemoBuildThatWasKilledIsBuiltAgainAndItsUnfinishedMonthFilesAreRemoved() throws IOException {
        Path dataDir = folder.resolve("demo");
        String[] demo = {"demo", "--scale", "0.01", "--no-serve", "--json"};
        CliRun first = opencce(demo, "--data-dir", dataDir.toString());
        assertThat(first.exit).as(first.err).isZero();
        long accounts = Output.JSON.readTree(first.out).get("accounts").asLong();

        // What a kill in the middle of the next build leaves: the marker says the build runs, and a
        // month file is half written.
        Path marker = dataDir.resolve("demo.properties");
        Files.writeString(marker, Files.readString(marker).replace("state=built", "state=building"));
        Path leftover = Files.write(dataDir.resolve("intervals/month=2025-06/.data-5e1d.parquet.tmp"), new byte[64]);

        CliRun again = opencce(demo, "--data-dir", dataDir.toString());
        assertThat(again.exit).as(again.err).isZero();
        JsonNode rebuilt = Output.JSON.readTree(again.out);
        assertThat(rebuilt.get("rebuilt").asBoolean()).isTrue();
        assertThat(rebuilt.get("accounts").asLong()).isEqualTo(accounts);
        assertThat(rebuilt.get("reads").asLong()).isEqualTo(accounts * 8760);
        assertThat(leftover).doesNotExist();
        assertThat(Files.readString(marker)).contains("state=built");

        CliRun human = opencce(new String[] {"demo", "--scale", "0.01", "--no-serve"}, "--data-dir", dataDir.toString());
        assertThat(human.err).contains("Reusing the demo");
        Files.writeString(marker, Files.readString(marker).replace("state=built", "state=building"));
        CliRun told = opencce(new String[] {"demo", "--scale", "0.01", "--no-serve"}, "--data-dir", dataDir.toString());
        assertThat(told.exit).as(told.err).isZero();
        assertThat(told.err).contains("The last demo build in " + dataDir + " did not finish; building it again.");

        Files.delete(marker);
        CliRun unknown = opencce(new String[] {"demo", "--scale", "0.01", "--no-serve"}, "--data-dir", dataDir.toString());
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("has no record of a finished build").contains("add --fresh");
        try (Stream<Path> files = Files.walk(dataDir.resolve("intervals"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    private static CliRun opencce(String[] command, String... options) {
        String[] all = Stream.concat(Stream.of(command), Stream.of(options)).toArray(String[]::new);
        return CliRun.of(all);
    }
}
