package org.opencce.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.app.Installation;
import org.opencce.domain.community.ProgramId;
import org.opencce.formats.program.ProgramFileReader;
import org.opencce.store.AuditLog;

/**
 * {@code opencce program init|update|show} in-process, from the sample program file of the
 * documentation, in an empty data directory with the real embedded PostgreSQL: no demo needed.
 */
class ProgramCommandTest {
    /** The sample the documentation shows (docs/samples/program.yaml), from the repository. */
    static final Path SAMPLE = Path.of("../docs/samples/program.yaml");
    static final ProgramId VALLEY = new ProgramId("valley-green-energy");

    @TempDir
    Path folder;

    @Test
    void aProgramIsCreatedChangedAndShownFromItsFileInAnEmptyDataDirectory() throws IOException {
        Path dataDir = folder.resolve("opencce");
        String sample = Files.readString(SAMPLE);

        // init: creates the installation and the program
        CliRun init = opencce(dataDir, "program", "init", SAMPLE.toString(), "--actor", "ada", "--json");
        assertThat(init.exit).as(init.err).isZero();
        JsonNode created = Output.JSON.readTree(init.out);
        assertThat(created.get("program").asText()).isEqualTo("valley-green-energy");
        assertThat(created.get("source").asText()).isEqualTo("program.yaml");
        assertThat(created.get("created").asBoolean()).isTrue();
        assertThat(texts(created.get("changes"))).contains("name: (none) → Valley Green Energy",
                "town added: Northampton (National Grid (Massachusetts Electric Co.), load zone WCMA, population"
                        + " 29,571)", "default product: (none) → standard");
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).isRegularFile();

        CliRun again = opencce(dataDir, "program", "init", SAMPLE.toString());
        assertThat(again.exit).isEqualTo(1);
        assertThat(again.err).isEqualTo("opencce: program valley-green-energy exists already; change it with"
                + " 'opencce program update program.yaml'" + System.lineSeparator());

        // show, as JSON and as text
        String showJson = opencce(dataDir, "program", "show", "--json").out;
        JsonNode shown = Output.JSON.readTree(showJson);
        assertThat(shown.get("id").asText()).isEqualTo("valley-green-energy");
        assertThat(shown.get("optOutWindowDays").asInt()).isEqualTo(30);
        assertThat(shown.get("contact").get("returnAddress").get("zip").asText()).isEqualTo("01004");
        assertThat(shown.get("towns").get(1).get("utility").asText()).isEqualTo("NATIONAL_GRID_MA");
        JsonNode standard = shown.get("products").get(1);
        assertThat(standard.get("id").asText()).isEqualTo("standard");
        assertThat(standard.get("default").asBoolean()).isTrue();
        assertThat(standard.get("priceCentsPerKwh").decimalValue()).isEqualByComparingTo(new BigDecimal("14.65"));
        assertThat(showJson).as("the exact price, as quoted").contains("\"priceCentsPerKwh\":14.650,");
        assertThat(standard.get("greenContent").asText()).isEqualTo("state minimum + 10 points");
        CliRun text = opencce(dataDir, "program", "show");
        assertThat(text.out).contains("Valley Green Energy (valley-green-energy)",
                "Launch 2025-01-01, opt-out window 30 days",
                "Contact: 413-555-0142, info@valleygreen.example.org, https://valleygreen.example.org",
                "Return mail: PO Box 555, Amherst, MA 01004", "Towns (lead: Amherst):");
        assertThat(text.out.lines().filter(l -> l.contains("standard")).findFirst().orElseThrow())
                .contains("* Standard").contains("14.650 ¢/kWh").contains("2025-01 to 2027-12");

        CliRun asFile = opencce(dataDir, "program", "show", "--yaml");
        assertThat(ProgramFileReader.read(asFile.out, "shown.yaml").orElseThrow().definition())
                .as("the program as a program file").isEqualTo(ProgramFileReader.read(SAMPLE).orElseThrow().definition());

        // update: a town joins and the default is repriced; a dry run first changes nothing
        Path joined = Files.writeString(folder.resolve("program.yaml"), sample
                .replace("lead_town: Amherst", "  - name: Leverett\n    utility: eversource\n    load_zone: WCMA\n"
                        + "    population: 1865\nlead_town: Amherst")
                .replace("price_cents_per_kwh: 14.650", "price_cents_per_kwh: 14.450"));
        List<String> expectedChanges = List.of(
                "town added: Leverett (Eversource (Western Massachusetts), load zone WCMA, population 1,865)",
                "product standard: price 14.650 ¢/kWh → 14.450 ¢/kWh");
        CliRun dryRun = opencce(dataDir, "program", "update", joined.toString(), "--dry-run", "--json");
        assertThat(dryRun.exit).as(dryRun.err).isZero();
        JsonNode preview = Output.JSON.readTree(dryRun.out);
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(texts(preview.get("changes"))).containsExactlyElementsOf(expectedChanges);
        assertThat(Output.JSON.readTree(opencce(dataDir, "program", "show", "--json").out).get("towns")).hasSize(3);

        CliRun update = opencce(dataDir, "program", "update", joined.toString(), "--actor", "bob");
        assertThat(update.exit).as(update.err).isZero();
        assertThat(update.out).isEqualTo("Updated program valley-green-energy from program.yaml:\n  "
                + String.join("\n  ", expectedChanges) + "\n");
        CliRun unchanged = opencce(dataDir, "program", "update", joined.toString(), "--json");
        JsonNode nothing = Output.JSON.readTree(unchanged.out);
        assertThat(nothing.get("applied").asBoolean()).isFalse();
        assertThat(nothing.get("changes")).isEmpty();

        // a customer of Leverett arrives: Leverett can no longer be removed
        Path list = Files.writeString(folder.resolve("leverett.csv"), "Account Number,Utility,Town,Rate Class,"
                + "Customer Name,Service Address,City,ZIP,Supply Status\n"
                + "54099000901,Eversource,Leverett,R-1,Robin Field,5 Montague Rd,Leverett,01054,Basic Service\n");
        assertThat(opencce(dataDir, "accounts", "import", list.toString()).exit).isZero();
        CliRun refused = opencce(dataDir, "program", "update", SAMPLE.toString(), "--actor", "bob");
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.out).isEmpty();
        assertThat(refused.err).isEqualTo(String.join(System.lineSeparator(),
                "opencce: the update of program valley-green-energy from program.yaml is refused; nothing was changed:",
                "  - town Leverett cannot be removed: it has 1 account (a renamed town counts as removed); keep it in"
                        + " the file",
                "The file would change:",
                "  town removed: Leverett (Eversource (Western Massachusetts), load zone WCMA, population 1,865)",
                "  product standard: price 14.450 ¢/kWh → 14.650 ¢/kWh") + System.lineSeparator());

        // a new id is refused, not taken for another program
        Path renamed = Files.writeString(folder.resolve("renamed.yaml"), Files.readString(joined)
                .replace("id: valley-green-energy", "id: valley-green-power"));
        CliRun idChange = opencce(dataDir, "program", "update", renamed.toString());
        assertThat(idChange.exit).isEqualTo(1);
        assertThat(idChange.err).contains("the program id cannot change (from valley-green-energy to"
                + " valley-green-power)");

        // a bad file: its line, field and reason, and nothing else happens
        Path bad = Files.writeString(folder.resolve("bad.yaml"), sample.replace("price_cents_per_kwh: 14.650",
                "price_cents_per_kwh: -1"));
        CliRun badUpdate = opencce(dataDir, "program", "update", bad.toString());
        assertThat(badUpdate.exit).isEqualTo(1);
        assertThat(badUpdate.err).isEqualTo("opencce: bad.yaml line " + lineOf(sample, "price_cents_per_kwh: 14.650")
                + ", products[1].price_cents_per_kwh: must be positive, was -1" + System.lineSeparator());

        // the audit log has both changes, by whom, in words
        try (Installation installation = Installation.open(dataDir, null, null, null)) {
            List<AuditLog.Entry> entries = installation.database().audit().recent(VALLEY, 10);
            assertThat(entries).extracting(AuditLog.Entry::action).as("newest first, nothing from refused updates")
                    .containsExactly("accounts.import", "program.update", "program.init");
            assertThat(entries.get(1).actor()).isEqualTo("bob");
            assertThat(entries.get(1).detail()).isEqualTo("from program.yaml: " + String.join("; ", expectedChanges));
            assertThat(entries.get(2).actor()).isEqualTo("ada");
            assertThat(entries.get(2).detail()).startsWith("from program.yaml: id: (none) → valley-green-energy; name:");
        }
    }

    @Test
    void aBadFileCreatesNoInstallation() throws IOException {
        Path dataDir = folder.resolve("never");
        Path bad = Files.writeString(folder.resolve("program.yaml"), Files.readString(SAMPLE)
                .replace("  email:", "  emial:"));

        CliRun init = opencce(dataDir, "program", "init", bad.toString());

        assertThat(init.exit).isEqualTo(1);
        assertThat(init.err).isEqualTo("opencce: program.yaml has 2 problems; fix them and try again:\n"
                + "program.yaml line 12, contact.email: is required (contact starts on line 12)\n"
                + "program.yaml line 13, contact.emial: unknown key (did you mean email?); the keys here are phone,"
                + " email, web, return_address" + System.lineSeparator());
        assertThat(dataDir).doesNotExist();
        assertThat(opencce(dataDir, "program", "init", folder.resolve("missing.yaml").toString()).err)
                .contains("missing.yaml: no such file; check the path");
    }

    @Test
    void usageErrorsExitWithTwoAndMissingInstallationsWithOne() {
        CliRun noFile = opencce(folder.resolve("x"), "program", "init");
        assertThat(noFile.exit).isEqualTo(2);
        assertThat(noFile.err).contains("Missing required parameter: 'FILE'");
        assertThat(opencce(folder.resolve("x"), "program", "update", SAMPLE.toString(), "--dry-run", "--wet").exit)
                .isEqualTo(2);
        CliRun both = opencce(folder.resolve("x"), "program", "show", "--json", "--yaml");
        assertThat(both.exit).isEqualTo(2);
        assertThat(both.err).contains("--json and --yaml exclude each other");
        assertThat(folder.resolve("x")).doesNotExist();
        CliRun show = opencce(folder.resolve("typo"), "program", "show");
        assertThat(show.exit).isEqualTo(1);
        assertThat(show.err).contains("no OpenCCE installation in " + folder.resolve("typo"))
                .contains("'opencce program init FILE --data-dir " + folder.resolve("typo") + "'");
        assertThat(folder.resolve("typo")).doesNotExist();
    }

    private static CliRun opencce(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        return CliRun.of(all);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** The 1-based line of the first line of {@code text} that contains {@code part}. */
    private static int lineOf(String text, String part) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part + " is not in the text");
    }
}
