package org.opencce.formats.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.PostalAddress;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramContact;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

class ProgramFileWriterTest {

    @Test
    void theSampleIsWrittenAsTheGoldenFileAndReadBackTheSame() throws IOException {
        ProgramDefinition sample = ProgramFileReader.read(ProgramFileReaderTest.SAMPLE).orElseThrow().definition();

        String written = ProgramFileWriter.write(sample);

        assertThat(written).isEqualTo(golden("valley-written.yaml"));
        ProgramDefinition readBack = ProgramFileReader.read(written, "written.yaml").orElseThrow().definition();
        assertThat(readBack).isEqualTo(sample);
        assertThat(ProgramFileWriter.write(readBack)).as("written again, byte for byte").isEqualTo(written);
    }

    @Test
    void valuesThatYamlWouldReadOtherwiseAreQuotedAndComeBackAsTheyWere() {
        ProgramId id = new ProgramId("quoting");
        Program program = new Program(id, "Valley \"Green\": Energy #1", "- Dash Town", List.of(
                new Town("- Dash Town", Utility.NATIONAL_GRID_MA, LoadZone.NEMA, 0),
                new Town("Town:", Utility.EVERSOURCE_WMA, LoadZone.SEMA, 12),
                new Town("Back\\slash", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 3)), LocalDate.of(2026, 7, 1),
                Optional.of(new ProgramContact("(413) 555-0100", "a.b+c@example.org", "https://example.org/opt-out?t=1#x",
                        new PostalAddress("12 O'Brien Rd, Apt #4", "North Adams", "MA", "012471234"))), 45);
        ProgramDefinition d = new ProgramDefinition(program, List.of(
                new Product(new ProductId("solar"), id, "Solar & Wind 100% (local)", new GreenContent.MinimumPlus(12.5),
                        Percent.of(12.5), EnergyPrice.ofCentsPerKilowattHour("14.6500"), YearMonth.of(2026, 7),
                        YearMonth.of(2029, 6), true, false)));

        String written = ProgramFileWriter.write(d);

        assertThat(written).contains("name: \"Valley \\\"Green\\\": Energy #1\"\n", "lead_town: \"- Dash Town\"\n",
                "  - name: \"Town:\"\n", "  - name: \"Back\\\\slash\"\n", "    utility: national-grid\n",
                "  phone: (413) 555-0100\n", "  web: https://example.org/opt-out?t=1#x\n",
                "    street: \"12 O'Brien Rd, Apt #4\"\n", "    zip: \"01247-1234\"\n", "opt_out_window_days: 45\n",
                "    name: Solar & Wind 100% (local)\n", "    green_content: state minimum + 12.5 points\n",
                "    local_share_percent: 12.5\n", "    price_cents_per_kwh: 14.6500\n", "    default: true\n")
                .doesNotContain("illustrative");
        assertThat(ProgramFileReader.read(written, "q.yaml").orElseThrow().definition()).isEqualTo(d);
    }

    @Test
    void controlCharactersAreEscapedSoThatTheReaderNamesThem() {
        assertThat(ProgramFileWriter.text("Valley\tGreen")).isEqualTo("\"Valley\\u0009Green\"");
        assertThat(ProgramFileWriter.text("Valley\u007fGreen")).isEqualTo("\"Valley\\u007FGreen\"");
        assertThat(ProgramFileWriter.text("Valley Green")).isEqualTo("Valley Green");
        assertThat(ProgramFileWriter.text("1 Main St:")).isEqualTo("\"1 Main St:\"");
    }

    @Test
    void aProgramWithoutContactIsWrittenWithWhatToFillIn() {
        Program p = ProgramFileReader.read(ProgramFileReaderTest.SAMPLE).orElseThrow().definition().program();
        ProgramDefinition d = new ProgramDefinition(new Program(p.id(), p.name(), p.leadTown(), p.towns(),
                p.launchDate()), List.of());

        String written = ProgramFileWriter.write(d);

        assertThat(written).contains("# contact: this program has none yet, and the file needs one (opt-out notices"
                + " print it):\n# contact:\n#   phone: 413-555-0100\n").endsWith("products:\n");
        ProgramFileReader.Result read = ProgramFileReader.read(written, "p.yaml");
        assertThat(ProgramFileReaderTest.problems(read)).contains("p.yaml line 2, contact: is required");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ProgramFileWriterTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
