package org.opencce.formats.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.OpenCceException;
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
import org.opencce.formats.FormatException;

class ProgramFileReaderTest {
    /** The sample the documentation shows, read from the repository so that it cannot rot. */
    static final Path SAMPLE = Path.of("../docs/samples/program.yaml");

    /** A small valid file; the tests below change one line of it at a time, so the line numbers hold. */
    static final String VALID = """
            id: valley-green-energy
            name: Valley Green Energy
            contact:
              phone: 413-555-0142
              email: info@valleygreen.example.org
              web: https://valleygreen.example.org
              return_address:
                street: PO Box 555
                city: Amherst
                state: MA
                zip: 01004
            towns:
              - name: Amherst
                utility: eversource
                load_zone: WCMA
                population: 39263
              - name: Pelham
                utility: EVERSOURCE_WMA
                load_zone: wcma
                population: 1280
            lead_town: Amherst
            launch_date: 2025-01-01
            products:
              - id: basic
                name: Basic
                green_content: state minimum
                local_share_percent: 0
                price_cents_per_kwh: 14.050
                term_start: 2025-01
                term_end: 2027-12
              - id: standard
                name: Standard
                green_content: state minimum + 10 points
                local_share_percent: 10
                price_cents_per_kwh: 14.650
                term_start: 2025-01
                term_end: 2027-12
                default: true
            """;

    // ---------------------------------------------------------------- good files

    @Test
    void theSampleDefinesValleyGreenEnergyWithTheReferenceTowns() {
        ProgramFile file = ProgramFileReader.read(SAMPLE).orElseThrow();

        assertThat(file.source()).isEqualTo("program.yaml");
        Program p = file.definition().program();
        assertThat(p.id()).isEqualTo(new ProgramId("valley-green-energy"));
        assertThat(p.name()).isEqualTo("Valley Green Energy");
        assertThat(p.towns()).as("utilities and 2020 populations of formats/.../reference/towns.csv").containsExactly(
                new Town("Amherst", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 39_263),
                new Town("Northampton", Utility.NATIONAL_GRID_MA, LoadZone.WCMA, 29_571),
                new Town("Pelham", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 1_280));
        assertThat(p.leadTown()).isEqualTo("Amherst");
        assertThat(p.launchDate()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(p.optOutWindowDays()).isEqualTo(30);
        assertThat(p.contact()).contains(new ProgramContact("413-555-0142", "info@valleygreen.example.org",
                "https://valleygreen.example.org", new PostalAddress("PO Box 555", "Amherst", "MA", "01004")));
        assertThat(file.definition().products()).extracting(Product::id).extracting(ProductId::value)
                .containsExactly("basic", "standard", "green-100", "local-green");
        assertThat(file.definition().defaultProduct()).map(Product::name).contains("Standard");
        assertThat(file.definition().products()).extracting(Product::greenContent).containsExactly(
                new GreenContent.StateMinimum(), new GreenContent.MinimumPlus(10),
                new GreenContent.Absolute(Percent.HUNDRED), new GreenContent.MinimumPlus(50));
        assertThat(file.definition().products()).allMatch(Product::illustrative);
    }

    @Test
    void theExampleOfTheFormatPageIsAValidFile() throws IOException {
        String page = Files.readString(Path.of("../docs/formats/program.md"));
        int start = page.indexOf("```yaml\n") + "```yaml\n".length();
        String example = page.substring(start, page.indexOf("```", start));

        ProgramDefinition d = read(example).orElseThrow().definition();

        assertThat(d.program().towns()).extracting(Town::name).containsExactly("Amherst");
        assertThat(d.defaultProduct()).map(Product::id).contains(new ProductId("standard"));
    }

    @Test
    void aFileIsReadIntoTheDomainValuesItDescribes() {
        ProgramDefinition d = read(VALID).orElseThrow().definition();

        ProgramId id = new ProgramId("valley-green-energy");
        YearMonth from = YearMonth.of(2025, 1);
        YearMonth to = YearMonth.of(2027, 12);
        assertThat(d).isEqualTo(new ProgramDefinition(new Program(id, "Valley Green Energy", "Amherst", List.of(
                new Town("Amherst", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 39_263),
                new Town("Pelham", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 1_280)), LocalDate.of(2025, 1, 1),
                Optional.of(new ProgramContact("413-555-0142", "info@valleygreen.example.org",
                        "https://valleygreen.example.org", new PostalAddress("PO Box 555", "Amherst", "MA", "01004"))),
                30), List.of(
                new Product(new ProductId("basic"), id, "Basic", new GreenContent.StateMinimum(), Percent.ZERO,
                        EnergyPrice.ofCentsPerKilowattHour("14.050"), from, to, false, false),
                new Product(new ProductId("standard"), id, "Standard", new GreenContent.MinimumPlus(10), Percent.of(10),
                        EnergyPrice.ofCentsPerKilowattHour("14.650"), from, to, true, false))));
    }

    @Test
    void valuesAreTakenAsWritten() {
        ProgramDefinition d = read(VALID.replace("name: Valley Green Energy", "name: yes")
                .replace("price_cents_per_kwh: 14.650", "price_cents_per_kwh: \"14.6500\"")
                .replace("lead_town: Amherst", "lead_town: amherst")).orElseThrow().definition();

        assertThat(d.program().name()).as("not the boolean YAML 1.1 makes of it").isEqualTo("yes");
        assertThat(d.program().contact().orElseThrow().returnAddress().zip()).as("the leading zero stays")
                .isEqualTo("01004");
        assertThat(d.products().get(1).price().centsPerKilowattHour().toPlainString()).isEqualTo("14.6500");
        assertThat(d.program().leadTown()).as("spelled as the town is").isEqualTo("Amherst");
    }

    @Test
    void greenContentIsReadInItsThreeForms() {
        assertThat(green("State Minimum")).isEqualTo(new GreenContent.StateMinimum());
        assertThat(green("state minimum + 20 points")).isEqualTo(new GreenContent.MinimumPlus(20));
        assertThat(green("minimum plus 5.5")).isEqualTo(new GreenContent.MinimumPlus(5.5));
        assertThat(green("minimum + 1 point")).isEqualTo(new GreenContent.MinimumPlus(1));
        assertThat(green("state minimum + 100 points")).isEqualTo(new GreenContent.MinimumPlus(100));
        assertThat(green("100%")).isEqualTo(new GreenContent.Absolute(Percent.HUNDRED));
        assertThat(green("138 percent")).isEqualTo(new GreenContent.Absolute(Percent.of(138)));
        assertThat(green("0 %")).isEqualTo(new GreenContent.Absolute(Percent.ZERO));
        assertThat(green("1000 %")).isEqualTo(new GreenContent.Absolute(Percent.of(1000)));
    }

    @Test
    void theWindowDefaultAndIllustrativeMayBeLeftOutOrGiven() {
        ProgramDefinition d = read(VALID.replace("launch_date: 2025-01-01", "launch_date: 2025-01-01\n"
                + "opt_out_window_days: 45").replace("    default: true", "    default: TRUE\n    illustrative: true"))
                .orElseThrow().definition();
        assertThat(d.program().optOutWindowDays()).isEqualTo(45);
        assertThat(d.products().get(1).isDefault()).isTrue();
        assertThat(d.products().get(1).illustrative()).isTrue();
        assertThat(d.products().get(0).illustrative()).isFalse();
    }

    @Test
    void aByteOrderMarkAndCommentsAreFine() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = ("# the program\n" + VALID).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);

        assertThat(ProgramFileReader.read(new ByteArrayInputStream(all), "program.yaml"))
                .isInstanceOf(ProgramFileReader.Valid.class);
    }

    // ---------------------------------------------------------------- one problem, exactly

    @Test
    void aNegativePriceNamesLineFieldAndReason() {
        assertThat(problems(VALID.replace("14.650", "-1"))).containsExactly(
                "program.yaml line 35, products[1].price_cents_per_kwh: must be positive, was -1");
    }

    @Test
    void pricesMustBeNumbersBelowADollar() {
        assertThat(problems(VALID.replace("14.650", "0"))).containsExactly(
                "program.yaml line 35, products[1].price_cents_per_kwh: must be positive, was 0");
        assertThat(problems(VALID.replace("14.650", "1445"))).containsExactly(
                "program.yaml line 35, products[1].price_cents_per_kwh: must be below 100 cents per kWh (is a decimal"
                        + " point missing?), was 1445");
        assertThat(problems(VALID.replace("14.650", "100.0"))).containsExactly(
                "program.yaml line 35, products[1].price_cents_per_kwh: must be below 100 cents per kWh (is a decimal"
                        + " point missing?), was 100.0");
        assertThat(read(VALID.replace("14.650", "99.999"))).isInstanceOf(ProgramFileReader.Valid.class);
        assertThat(problems(VALID.replace("14.650", "14,65"))).containsExactly(
                "program.yaml line 35, products[1].price_cents_per_kwh: must be a price in cents per kWh such as"
                        + " 14.450, was '14,65'");
        assertThat(problems(VALID.replace("14.650", "1.4e1"))).containsExactly(
                "program.yaml line 35, products[1].price_cents_per_kwh: must be a price in cents per kWh such as"
                        + " 14.450, was '1.4e1'");
    }

    @Test
    void anUnknownKeyIsAnErrorWithTheKeyMeant() {
        assertThat(problems(VALID.replace("  email:", "  emial:"))).containsExactly(
                "program.yaml line 4, contact.email: is required (contact starts on line 4)",
                "program.yaml line 5, contact.emial: unknown key (did you mean email?); the keys here are phone, email,"
                        + " web, return_address");
        assertThat(problems(VALID.replace("launch_date:", "launch:"))).containsExactly(
                "program.yaml line 1, launch_date: is required",
                "program.yaml line 22, launch: unknown key; the keys here are id, name, contact, towns, lead_town,"
                        + " launch_date, opt_out_window_days, products, edi");
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        assertThat(problems(VALID.replace("launch_date: 2025-01-01", "name: Valley Green Power"))).containsExactly(
                "program.yaml line 1, launch_date: is required",
                "program.yaml line 22, name: given twice (first on line 2); keep one");
    }

    @Test
    void theIdIsALowerCaseSlug() {
        assertThat(problems(VALID.replace("id: valley-green-energy", "id: Valley Green"))).containsExactly(
                "program.yaml line 1, id: must be a lower-case slug of letters, digits and dashes (at most 63), such as"
                        + " valley-green-energy, was 'Valley Green'");
        assertThat(problems(VALID.replace("id: basic", "id: Basic!"))).containsExactly(
                "program.yaml line 24, products[0].id: must be a lower-case slug of letters, digits and dashes, such as"
                        + " local-green, was 'Basic!'");
    }

    @Test
    void theProductsAreCheckedEvenWhenTheIdIsWrong() {
        assertThat(problems(VALID.replace("id: valley-green-energy", "id: V").replace("14.650", "-2")))
                .hasSize(2);
    }

    @Test
    void namesAreNotEmptyNorTooLong() {
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name:"))).containsExactly(
                "program.yaml line 2, name: must not be empty");
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name: ~"))).containsExactly(
                "program.yaml line 2, name: must not be empty");
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name: \"  \""))).containsExactly(
                "program.yaml line 2, name: must not be empty");
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name: " + "x".repeat(201)))).containsExactly(
                "program.yaml line 2, name: must be at most 200 characters, was 201");
        assertThat(read(VALID.replace("name: Valley Green Energy", "name: " + "x".repeat(200))))
                .isInstanceOf(ProgramFileReader.Valid.class);
        assertThat(problems(VALID.replace("- name: Pelham", "- name: " + "P".repeat(101)))).containsExactly(
                "program.yaml line 17, towns[1].name: must be at most 100 characters, was 101");
        assertThat(problems(VALID.replace("name: Basic", "name: " + "B".repeat(201)))).containsExactly(
                "program.yaml line 25, products[0].name: must be at most 200 characters, was 201");
    }

    @Test
    void aValueIsOneLineOfTextWithoutControlCharacters() {
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name: \"Valley\\tGreen\""))).containsExactly(
                "program.yaml line 2, name: holds the control character U+0009 at position 7; remove it");
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name: \"Valley\\nGreen\""))).containsExactly(
                "program.yaml line 2, name: must be one line");
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name: \"Valley\\x7fGreen\""))).containsExactly(
                "program.yaml line 2, name: holds the control character U+007F at position 7; remove it");
    }

    @Test
    void aListOrMappingWhereAValueBelongsIsAnError() {
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name: {first: Valley}"))).containsExactly(
                "program.yaml line 2, name: must be a single value, was a mapping of keys");
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name: [Valley]"))).containsExactly(
                "program.yaml line 2, name: must be a single value, was a list");
    }

    @Test
    void theContactIsAMappingOfItsFourParts() {
        String scalarContact = VALID.replace("contact:\n  phone: 413-555-0142\n  email: info@valleygreen.example.org\n"
                + "  web: https://valleygreen.example.org\n  return_address:\n    street: PO Box 555\n"
                + "    city: Amherst\n    state: MA\n    zip: 01004\n", "contact: call us\n");
        assertThat(problems(scalarContact)).containsExactly("program.yaml line 3, contact: must be a mapping of keys"
                + " (phone, email, web, return_address), was a single value");
        assertThat(problems(VALID.replace("  phone: 413-555-0142\n", ""))).containsExactly(
                "program.yaml line 4, contact.phone: is required (contact starts on line 4)");
    }

    @Test
    void contactValuesFollowTheDomainRules() {
        assertThat(problems(VALID.replace("413-555-0142", "555-0142"))).containsExactly(
                "program.yaml line 4, contact.phone: must be a 10-digit North American number such as 413-555-0142,"
                        + " was '555-0142'");
        assertThat(problems(VALID.replace("info@valleygreen.example.org", "info"))).containsExactly(
                "program.yaml line 5, contact.email: must be an e-mail address such as info@example.org, was 'info'");
        assertThat(problems(VALID.replace("https://valleygreen.example.org", "valleygreen.example.org")))
                .containsExactly("program.yaml line 6, contact.web: must be a web address starting with https:// or"
                        + " http://, such as https://example.org, was 'valleygreen.example.org'");
        assertThat(problems(VALID.replace("state: MA", "state: Mass."))).containsExactly(
                "program.yaml line 10, contact.return_address.state: must be the two-letter postal abbreviation in"
                        + " capitals, such as MA, was 'Mass.'");
        assertThat(problems(VALID.replace("zip: 01004", "zip: 1004"))).containsExactly(
                "program.yaml line 11, contact.return_address.zip: must be 5 digits or a ZIP+4 (01002 or 01002-1234),"
                        + " was '1004'");
        assertThat(problems(VALID.replace("street: PO Box 555", "street: " + "s".repeat(201)))).containsExactly(
                "program.yaml line 8, contact.return_address.street: must be at most 200 characters, was 201");
        assertThat(problems(VALID.replace("city: Amherst", "city: " + "c".repeat(101)))).containsExactly(
                "program.yaml line 9, contact.return_address.city: must be at most 100 characters, was 101");
        assertThat(problems(VALID.replace("    city: Amherst\n", ""))).containsExactly(
                "program.yaml line 8, contact.return_address.city: is required (contact.return_address starts on"
                        + " line 8)");
    }

    @Test
    void townsAreAListOfAtLeastOneTownEachOnce() {
        String towns = "towns:\n  - name: Amherst\n    utility: eversource\n    load_zone: WCMA\n    population: 39263\n"
                + "  - name: Pelham\n    utility: EVERSOURCE_WMA\n    load_zone: wcma\n    population: 1280\n";
        assertThat(problems(VALID.replace(towns, "towns: Amherst\n"))).containsExactly(
                "program.yaml line 12, towns: must be a list of towns (each item starting with '- '), was a single"
                        + " value");
        assertThat(problems(VALID.replace(towns, "towns:\n"))).containsExactly(
                "program.yaml line 12, towns: must be a list of towns (each item starting with '- '), was empty");
        assertThat(problems(VALID.replace(towns, "towns: []\n"))).containsExactly(
                "program.yaml line 12, towns: must list at least one town");
        assertThat(problems(VALID.replace("- name: Pelham", "- name: AMHERST"))).containsExactly(
                "program.yaml line 17, towns[1].name: 'AMHERST' is listed already (towns[0])");
        assertThat(problems(VALID.replace("  - name: Pelham\n", "  - Pelham\n"))).hasSize(1).first().asString()
                .startsWith("program.yaml line ");
    }

    @Test
    void aTownHasAKnownUtilityAndLoadZoneAndAPopulation() {
        assertThat(problems(VALID.replace("utility: eversource", "utility: Unitil"))).containsExactly(
                "program.yaml line 14, towns[0].utility: must be eversource or national-grid, was 'Unitil'");
        assertThat(problems(VALID.replace("utility: eversource", "utility: Eversource"))).as("the documented names only")
                .containsExactly("program.yaml line 14, towns[0].utility: must be eversource or national-grid, was"
                        + " 'Eversource'");
        assertThat(read(VALID.replace("utility: EVERSOURCE_WMA", "utility: national-grid")).orElseThrow()
                .definition().program().towns().get(1).utility()).isEqualTo(Utility.NATIONAL_GRID_MA);
        assertThat(read(VALID.replace("utility: EVERSOURCE_WMA", "utility: NATIONAL_GRID_MA")).orElseThrow()
                .definition().program().towns().get(1).utility()).isEqualTo(Utility.NATIONAL_GRID_MA);
        assertThat(problems(VALID.replace("load_zone: WCMA", "load_zone: WMA"))).containsExactly(
                "program.yaml line 15, towns[0].load_zone: must be one of the ISO New England load zones of"
                        + " Massachusetts (WCMA, NEMA, SEMA), was 'WMA'");
        assertThat(read(VALID.replace("load_zone: WCMA", "load_zone: sema")).orElseThrow().definition().program()
                .towns().get(0).loadZone()).isEqualTo(LoadZone.SEMA);
        assertThat(problems(VALID.replace("population: 39263", "population: 39,263"))).containsExactly(
                "program.yaml line 16, towns[0].population: must be a whole number of people (without thousands"
                        + " separators), was '39,263'");
        assertThat(problems(VALID.replace("population: 39263", "population: -1"))).containsExactly(
                "program.yaml line 16, towns[0].population: must not be negative, was -1");
        assertThat(read(VALID.replace("population: 39263", "population: 0")).orElseThrow().definition().program()
                .towns().get(0).population()).isZero();
        assertThat(problems(VALID.replace("population: 39263", "population: 12345678901"))).hasSize(1);
    }

    @Test
    void theLeadTownIsOneOfTheTowns() {
        assertThat(problems(VALID.replace("lead_town: Amherst", "lead_town: Hadley"))).containsExactly(
                "program.yaml line 21, lead_town: 'Hadley' is not one of the towns (Amherst, Pelham)");
        assertThat(problems(VALID.replace("lead_town: Amherst", "lead_town: Hadley").replace("utility: eversource",
                "utility: x"))).as("not checked against towns that have problems of their own").containsExactly(
                "program.yaml line 14, towns[0].utility: must be eversource or national-grid, was 'x'");
    }

    @Test
    void theLaunchDateIsADayWrittenTheIsoWay() {
        assertThat(problems(VALID.replace("launch_date: 2025-01-01", "launch_date: 1/1/2025"))).containsExactly(
                "program.yaml line 22, launch_date: must be a date written YYYY-MM-DD, such as 2025-01-01, was"
                        + " '1/1/2025'");
        assertThat(problems(VALID.replace("launch_date: 2025-01-01", "launch_date: 2025-02-30"))).containsExactly(
                "program.yaml line 22, launch_date: is not a day of the calendar, was '2025-02-30'");
    }

    @Test
    void theOptOutWindowIsAWholeNumberOfDaysUpToAYear() {
        String window = "launch_date: 2025-01-01\nopt_out_window_days: ";
        assertThat(problems(VALID.replace("launch_date: 2025-01-01", window + "0"))).containsExactly(
                "program.yaml line 23, opt_out_window_days: must be from 1 to 365 days, was 0");
        assertThat(problems(VALID.replace("launch_date: 2025-01-01", window + "366"))).containsExactly(
                "program.yaml line 23, opt_out_window_days: must be from 1 to 365 days, was 366");
        assertThat(problems(VALID.replace("launch_date: 2025-01-01", window + "thirty"))).containsExactly(
                "program.yaml line 23, opt_out_window_days: must be a whole number of days, was 'thirty'");
        assertThat(problems(VALID.replace("launch_date: 2025-01-01", window))).containsExactly(
                "program.yaml line 23, opt_out_window_days: must not be empty");
        assertThat(read(VALID.replace("launch_date: 2025-01-01", window + "1")).orElseThrow().definition().program()
                .optOutWindowDays()).isEqualTo(1);
    }

    @Test
    void greenContentOutsideItsFormsIsRefusedWithTheForms() {
        assertThat(problems(VALID.replace("green_content: state minimum\n", "green_content: lots\n"))).containsExactly(
                "program.yaml line 26, products[0].green_content: must be \"state minimum\", \"state minimum + N"
                        + " points\" (extra Class I) or \"N %\" (of load, such as 100 %), was 'lots'");
        assertThat(problems(VALID.replace("state minimum + 10 points", "state minimum + 0 points"))).containsExactly(
                "program.yaml line 33, products[1].green_content: the extra Class I points must be a number above 0"
                        + " and at most 100 (\"state minimum\" for none), was '0'");
        assertThat(problems(VALID.replace("state minimum + 10 points", "state minimum + 101 points"))).hasSize(1);
        assertThat(problems(VALID.replace("state minimum + 10 points", "state minimum + ten points"))).containsExactly(
                "program.yaml line 33, products[1].green_content: the extra Class I points must be a number above 0"
                        + " and at most 100 (\"state minimum\" for none), was 'ten'");
        assertThat(problems(VALID.replace("state minimum + 10 points", "-5 %"))).containsExactly(
                "program.yaml line 33, products[1].green_content: the renewable share must be a percentage from 0 to"
                        + " 1000, was '-5'");
        assertThat(problems(VALID.replace("state minimum + 10 points", "1001 %"))).hasSize(1);
    }

    @Test
    void theLocalShareIsAPercentageOfLoad() {
        assertThat(problems(VALID.replace("local_share_percent: 10", "local_share_percent: 120"))).containsExactly(
                "program.yaml line 34, products[1].local_share_percent: must be from 0 to 100, was 120");
        assertThat(problems(VALID.replace("local_share_percent: 10", "local_share_percent: -0.5"))).containsExactly(
                "program.yaml line 34, products[1].local_share_percent: must be from 0 to 100, was -0.5");
        assertThat(problems(VALID.replace("local_share_percent: 10", "local_share_percent: ten"))).containsExactly(
                "program.yaml line 34, products[1].local_share_percent: must be a percentage such as 10, was 'ten'");
        assertThat(read(VALID.replace("local_share_percent: 10", "local_share_percent: 100")).orElseThrow()
                .definition().products().get(1).localContent()).isEqualTo(Percent.HUNDRED);
    }

    @Test
    void theTermIsTwoMonthsInOrder() {
        assertThat(problems(VALID.replace("term_start: 2025-01\n    term_end: 2027-12\n    default",
                "term_start: 2025-13\n    term_end: 2027-12\n    default"))).containsExactly(
                "program.yaml line 36, products[1].term_start: is not a month of the calendar, was '2025-13'");
        assertThat(problems(VALID.replace("term_start: 2025-01\n    term_end: 2027-12\n    default",
                "term_start: Jan 2025\n    term_end: 2027-12\n    default"))).containsExactly(
                "program.yaml line 36, products[1].term_start: must be a month written YYYY-MM, such as 2025-01, was"
                        + " 'Jan 2025'");
        assertThat(problems(VALID.replace("term_end: 2027-12\n    default", "term_end: 2024-12\n    default")))
                .containsExactly("program.yaml line 37, products[1].term_end: must not be before term_start"
                        + " (2025-01), was 2024-12");
        assertThat(read(VALID.replace("term_end: 2027-12\n    default", "term_end: 2025-01\n    default")))
                .as("a term of one month").isInstanceOf(ProgramFileReader.Valid.class);
    }

    @Test
    void exactlyOneProductIsTheDefault() {
        assertThat(problems(VALID.replace("    default: true\n", ""))).containsExactly(
                "program.yaml line 24, products: no product is the default; mark exactly one with 'default: true'"
                        + " (customers who do not choose are enrolled on it)");
        assertThat(problems(VALID.replace("    term_end: 2027-12\n  - id: standard",
                "    term_end: 2027-12\n    default: true\n  - id: standard"))).containsExactly(
                "program.yaml line 39, products[1].default: products[0] is the default already; mark exactly one"
                        + " product 'default: true'");
        assertThat(problems(VALID.replace("default: true", "default: maybe"))).containsExactly(
                "program.yaml line 38, products[1].default: must be true or false, was 'maybe'");
        assertThat(problems(VALID.replace("    default: true\n", "    default: true\n    illustrative: 1\n")))
                .containsExactly("program.yaml line 39, products[1].illustrative: must be true or false, was '1'");
    }

    @Test
    void productsHaveTheirOwnIdsAndNames() {
        assertThat(problems(VALID.replace("id: standard", "id: basic"))).containsExactly(
                "program.yaml line 31, products[1].id: 'basic' is the id of products[0] too; each product needs its"
                        + " own");
        assertThat(problems(VALID.replace("name: Standard", "name: BASIC"))).containsExactly(
                "program.yaml line 32, products[1].name: 'BASIC' is the name of products[0] too; customers could not"
                        + " tell them apart");
        String products = VALID.substring(VALID.indexOf("products:"));
        assertThat(problems(VALID.replace(products, "products: []\n"))).containsExactly(
                "program.yaml line 23, products: must list at least one product");
        assertThat(problems(VALID.replace(products, ""))).containsExactly(
                "program.yaml line 1, products: is required");
    }

    @Test
    void aProductMissingAKeySaysWhereItStarts() {
        assertThat(problems(VALID.replace("    price_cents_per_kwh: 14.650\n", ""))).containsExactly(
                "program.yaml line 31, products[1].price_cents_per_kwh: is required (products[1] starts on line 31)");
    }

    // ---------------------------------------------------------------- every problem at once

    @Test
    void everyProblemIsReportedInLineOrder() {
        ProgramFileReader.Result result = read(VALID.replace("14.650", "-1").replace("state: MA", "state: ma")
                .replace("id: valley-green-energy", "id: Valley"));

        assertThat(problems(result)).containsExactly(
                "program.yaml line 1, id: must be a lower-case slug of letters, digits and dashes (at most 63), such as"
                        + " valley-green-energy, was 'Valley'",
                "program.yaml line 10, contact.return_address.state: must be the two-letter postal abbreviation in"
                        + " capitals, such as MA, was 'ma'",
                "program.yaml line 35, products[1].price_cents_per_kwh: must be positive, was -1");
        assertThatThrownBy(result::orElseThrow).isInstanceOf(OpenCceException.class)
                .hasMessage("program.yaml has 3 problems; fix them and try again:\n" + String.join("\n", problems(result)));
    }

    @Test
    void aSingleProblemIsTheWholeMessage() {
        assertThatThrownBy(() -> read(VALID.replace("14.650", "-1")).orElseThrow())
                .hasMessage("program.yaml line 35, products[1].price_cents_per_kwh: must be positive, was -1");
    }

    // ---------------------------------------------------------------- files that are not program files

    @Test
    void invalidYamlNamesTheLineWhereItGoesWrong() {
        assertThat(problems(VALID.replace("name: Valley Green Energy", "name: [Valley"))).hasSize(1).first()
                .asString().startsWith("program.yaml line 3: this is not valid YAML: ");
        assertThat(problems(VALID.replace("  phone: 413-555-0142", "\tphone: 413-555-0142"))).containsExactly(
                "program.yaml line 4: this is not valid YAML: while scanning for the next token: found character"
                        + " '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)");
    }

    @Test
    void aSecondDocumentIsRefused() {
        assertThat(problems(VALID + "---\nid: other\n")).containsExactly(
                "program.yaml line 40: a second YAML document starts here; a program file holds one: remove the '---'"
                        + " and what follows, or split the file");
    }

    @Test
    void anEmptyFileSaysWhatAProgramFileIs() {
        String empty = "program.yaml: the file is empty; a program file starts with 'id:' and 'name:' (see"
                + " docs/formats/program.md)";
        assertThat(problems("")).containsExactly(empty);
        assertThat(problems("# nothing yet\n")).containsExactly(empty);
    }

    @Test
    void theFileIsAMappingOfKeys() {
        assertThat(problems("- id: valley\n")).containsExactly("program.yaml line 1: must be a mapping of keys (id, name,"
                + " contact, towns, lead_town, launch_date, opt_out_window_days, products, edi), was a list");
        assertThat(problems("just words\n")).containsExactly("program.yaml line 1: must be a mapping of keys (id, name,"
                + " contact, towns, lead_town, launch_date, opt_out_window_days, products, edi), was a single value");
    }

    @Test
    void aliasesAreNotFollowed() {
        assertThat(problems(VALID.replace("city: Amherst", "city: &town Amherst")
                .replace("lead_town: Amherst", "lead_town: *town"))).containsExactly(
                "program.yaml line 21, lead_town: YAML aliases (*town) are not supported here; write the value out");
    }

    @Test
    void textThatIsNotUtf8NamesItsLine() throws IOException {
        byte[] bytes = VALID.replace("PO Box 555", "PO Box 5X5").getBytes(StandardCharsets.UTF_8);
        int at = VALID.indexOf("PO Box 555") + 8;
        bytes[at] = (byte) 0xE9; // "é" in Windows-1252

        assertThat(problems(ProgramFileReader.read(new ByteArrayInputStream(bytes), "program.yaml"))).containsExactly(
                "program.yaml line 8: the text is not UTF-8 (byte 0xE9 at byte offset " + at + ", counting from 0);"
                        + " save the file as UTF-8 and try again");
    }

    @Test
    void aFileOfMoreThanAMegabyteIsNotAProgramFile() throws IOException {
        byte[] big = new byte[ProgramFileReader.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        assertThat(problems(ProgramFileReader.read(new ByteArrayInputStream(big), "program.yaml"))).containsExactly(
                "program.yaml: the file is larger than 1024 KiB; a program file is a few kilobytes of YAML: is it the"
                        + " right file?");
        byte[] justSo = new byte[ProgramFileReader.MAX_BYTES];
        java.util.Arrays.fill(justSo, (byte) '#');
        assertThat(problems(ProgramFileReader.read(new ByteArrayInputStream(justSo), "program.yaml")))
                .containsExactly("program.yaml: the file is empty; a program file starts with 'id:' and 'name:' (see"
                        + " docs/formats/program.md)");
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ProgramFileReader.read(missing)).isInstanceOf(FormatException.class)
                .hasMessage(missing + ": no such file; check the path");
        assertThatThrownBy(() -> ProgramFileReader.read(dir)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(dir + ": cannot be read (");
    }

    @Test
    void aProblemReadsWithOrWithoutLineAndField() {
        assertThat(new ProgramFileProblem(3, "name", "must not be empty").describe("p.yaml"))
                .isEqualTo("p.yaml line 3, name: must not be empty");
        assertThat(new ProgramFileProblem(3, "", "not YAML").describe("p.yaml")).isEqualTo("p.yaml line 3: not YAML");
        assertThat(new ProgramFileProblem(0, "", "empty").describe("p.yaml")).isEqualTo("p.yaml: empty");
        assertThat(new ProgramFileProblem(0, "towns", "wrong").describe("p.yaml")).isEqualTo("p.yaml towns: wrong");
        assertThatThrownBy(() -> new ProgramFileProblem(-1, "", "x")).hasMessage("line must be 0 or more, was -1");
        assertThatThrownBy(() -> new ProgramFileReader.Invalid("p.yaml", List.of()))
                .hasMessage("an invalid file has at least one problem");
    }

    @Test
    void keysCloseToAKnownKeyAreSuggested() {
        assertThat(ProgramFileReader.distance("email", "emial")).isEqualTo(2);
        assertThat(ProgramFileReader.distance("zip", "zip")).isZero();
        assertThat(ProgramFileReader.distance("", "abc")).isEqualTo(3);
        assertThat(ProgramFileReader.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(problems(VALID.replace("  web:", "  WEB:"))).contains("program.yaml line 6, contact.WEB: unknown key"
                + " (did you mean web?); the keys here are phone, email, web, return_address");
    }

    // ---------------------------------------------------------------- helpers

    static ProgramFileReader.Result read(String text) {
        return ProgramFileReader.read(text, "program.yaml");
    }

    static List<String> problems(String text) {
        return problems(read(text));
    }

    static List<String> problems(ProgramFileReader.Result result) {
        assertThat(result).isInstanceOf(ProgramFileReader.Invalid.class);
        ProgramFileReader.Invalid invalid = (ProgramFileReader.Invalid) result;
        return invalid.problems().stream().map(p -> p.describe(invalid.source())).toList();
    }

    static GreenContent green(String text) {
        return read(VALID.replace("green_content: state minimum\n", "green_content: " + text + "\n")).orElseThrow()
                .definition().products().get(0).greenContent();
    }
}
