package org.opencce.domain.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

class ProgramDiffTest {
    static final ProgramDefinition VALLEY = Fixtures.valleyDefinition();
    static final Town AMHERST = VALLEY.program().towns().get(0);
    static final Town NORTHAMPTON = VALLEY.program().towns().get(1);
    static final Town PELHAM = VALLEY.program().towns().get(2);
    static final Town LEVERETT = new Town("Leverett", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 1_865);

    @Test
    void theSameDefinitionHasNoChanges() {
        ProgramDiff diff = ProgramDiff.between(VALLEY, Fixtures.valleyDefinition());
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.lines()).isEmpty();
        assertThat(diff.removedTowns()).isEmpty();
        assertThat(diff.removedProducts()).isEmpty();
    }

    @Test
    void theProgramsOwnValuesAreListedFirstWithBeforeAndAfter() {
        Program p = VALLEY.program();
        ProgramContact c = p.contact().orElseThrow();
        Program changed = new Program(p.id(), "Valley Green Power", "Northampton", p.towns(), LocalDate.of(2025, 2, 1),
                Optional.of(new ProgramContact("413-555-0199", c.email(), c.web(), c.returnAddress())), 45);

        ProgramDiff diff = ProgramDiff.between(VALLEY, new ProgramDefinition(changed, VALLEY.products()));

        assertThat(diff.lines()).containsExactly(
                "name: Valley Green Energy → Valley Green Power",
                "lead town: Amherst → Northampton",
                "launch date: 2025-01-01 → 2025-02-01",
                "opt-out window: 30 days → 45 days",
                "contact phone: 413-555-0142 → 413-555-0199");
        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.changes().get(0)).isEqualTo(new ProgramChange.FieldChanged("name", "Valley Green Energy",
                "Valley Green Power"));
    }

    @Test
    void aContactGivenForTheFirstTimeReadsFromNone() {
        ProgramDefinition withoutContact = new ProgramDefinition(Fixtures.valleyProgram(), VALLEY.products());

        assertThat(ProgramDiff.between(withoutContact, VALLEY).lines()).containsExactly(
                "contact phone: (none) → 413-555-0142",
                "contact email: (none) → info@valleygreen.example.org",
                "contact web: (none) → https://valleygreen.example.org",
                "return address: (none) → PO Box 555, Amherst, MA 01004");
        assertThat(ProgramDiff.between(VALLEY, withoutContact).lines()).contains(
                "return address: PO Box 555, Amherst, MA 01004 → (none)");
    }

    @Test
    void everyPartOfTheContactIsCompared() {
        Program p = VALLEY.program();
        Program changed = withProgram(p, Optional.of(new ProgramContact("413-555-0142", "optout@example.org",
                "https://example.org/vge", new PostalAddress("PO Box 556", "Amherst", "MA", "01004"))));

        assertThat(ProgramDiff.between(VALLEY, new ProgramDefinition(changed, VALLEY.products())).lines())
                .containsExactly(
                        "contact email: info@valleygreen.example.org → optout@example.org",
                        "contact web: https://valleygreen.example.org → https://example.org/vge",
                        "return address: PO Box 555, Amherst, MA 01004 → PO Box 556, Amherst, MA 01004");
    }

    @Test
    void townsAreRemovedAddedAndChangedInTheirOwnWords() {
        Town biggerAmherst = new Town("Amherst", AMHERST.utility(), AMHERST.loadZone(), 39_500);
        ProgramDefinition after = withTowns(List.of(biggerAmherst, NORTHAMPTON, LEVERETT));

        ProgramDiff diff = ProgramDiff.between(VALLEY, after);

        assertThat(diff.lines()).containsExactly(
                "town removed: Pelham (Eversource (Western Massachusetts), load zone WCMA, population 1,280)",
                "town Amherst: population 39,263 → 39,500",
                "town added: Leverett (Eversource (Western Massachusetts), load zone WCMA, population 1,865)");
        assertThat(diff.removedTowns()).containsExactly(PELHAM);
        assertThat(diff.changes()).contains(new ProgramChange.TownAdded(LEVERETT),
                new ProgramChange.TownChanged(AMHERST, biggerAmherst));
    }

    @Test
    void aTownIsTheSameTownWhateverTheCaseOfItsNameAndEveryFieldIsCompared() {
        Town pelham = new Town("PELHAM", Utility.NATIONAL_GRID_MA, LoadZone.NEMA, 1_280);

        assertThat(ProgramDiff.between(VALLEY, withTowns(List.of(AMHERST, NORTHAMPTON, pelham))).lines())
                .containsExactly("town Pelham: name Pelham → PELHAM; utility Eversource (Western Massachusetts) →"
                        + " National Grid (Massachusetts Electric Co.); load zone WCMA → NEMA");
    }

    @Test
    void theOrderOfTheTownsIsPartOfTheProgram() {
        assertThat(ProgramDiff.between(VALLEY, withTowns(List.of(NORTHAMPTON, AMHERST, PELHAM))).lines())
                .containsExactly("town order: Amherst, Northampton, Pelham → Northampton, Amherst, Pelham");
        assertThat(ProgramDiff.between(VALLEY, withTowns(List.of(LEVERETT, AMHERST, NORTHAMPTON, PELHAM))).lines())
                .as("a town added in front leaves the others in their order")
                .containsExactly("town added: Leverett (Eversource (Western Massachusetts), load zone WCMA,"
                        + " population 1,865)");
    }

    @Test
    void productsAreRemovedAddedAndChangedFieldByField() {
        List<Product> products = new ArrayList<>(VALLEY.products());
        Product basic = products.get(0);
        Product standard = products.get(1);
        Product localGreen = products.remove(3);
        products.set(0, new Product(basic.id(), basic.program(), basic.name(), basic.greenContent(),
                basic.localContent(), basic.price(), basic.termStart(), basic.termEnd(), true, basic.illustrative()));
        products.set(1, new Product(standard.id(), standard.program(), standard.name(), standard.greenContent(),
                standard.localContent(), EnergyPrice.ofCentsPerKilowattHour("14.200"), standard.termStart(),
                YearMonth.of(2027, 12), false, standard.illustrative()));
        Product solar = new Product(new ProductId("community-solar"), Fixtures.VALLEY, "Community Solar",
                new GreenContent.MinimumPlus(12.5), Percent.of(12.5), EnergyPrice.ofCentsPerKilowattHour("15.1"),
                YearMonth.of(2025, 7), YearMonth.of(2027, 6), false, false);
        products.add(solar);

        ProgramDiff diff = ProgramDiff.between(VALLEY, new ProgramDefinition(VALLEY.program(), products));

        assertThat(diff.lines()).containsExactly(
                "default product: standard → basic",
                "product removed: local-green \"Valley Local Green\" (state minimum + 50 points, local share 50 %,"
                        + " 16.450 ¢/kWh, 2025-01 to 2026-12, illustrative price)",
                "product standard: price 14.450 ¢/kWh → 14.200 ¢/kWh; term 2025-01 to 2026-12 → 2025-01 to 2027-12",
                "product added: community-solar \"Community Solar\" (state minimum + 12.5 points, local share 12.5 %,"
                        + " 15.1 ¢/kWh, 2025-07 to 2027-06)");
        assertThat(diff.removedProducts()).containsExactly(localGreen);
    }

    @Test
    void aProductsNameContentShareAndMarkingAreCompared() {
        List<Product> products = new ArrayList<>(VALLEY.products());
        Product green = products.get(2);
        products.set(2, new Product(green.id(), green.program(), "Valley 100% Renewable",
                new GreenContent.MinimumPlus(80), Percent.of(12.5), green.price(), YearMonth.of(2025, 2),
                green.termEnd(), false, false));

        assertThat(ProgramDiff.between(VALLEY, new ProgramDefinition(VALLEY.program(), products)).lines())
                .containsExactly("product green-100: name Valley 100% Green → Valley 100% Renewable; green content"
                        + " 100 % → state minimum + 80 points; local share 10 % → 12.5 %; term 2025-01 to 2026-12 →"
                        + " 2025-02 to 2026-12; illustrative price yes → no");
    }

    @Test
    void aPriceWrittenWithMoreZerosIsTheSamePrice() {
        List<Product> products = new ArrayList<>(VALLEY.products());
        Product standard = products.get(1);
        products.set(1, new Product(standard.id(), standard.program(), standard.name(), standard.greenContent(),
                standard.localContent(), new EnergyPrice(new BigDecimal("0.1445000")), standard.termStart(),
                standard.termEnd(), true, standard.illustrative()));

        assertThat(ProgramDiff.between(VALLEY, new ProgramDefinition(VALLEY.program(), products)).isEmpty()).isTrue();
    }

    @Test
    void noDefaultOrSeveralReadAsTheyAre() {
        ProgramDefinition none = new ProgramDefinition(VALLEY.program(), List.of());
        assertThat(ProgramDiff.between(VALLEY, none).lines()).startsWith("default product: standard → (none)");

        List<Product> two = new ArrayList<>(VALLEY.products());
        Product basic = two.get(0);
        two.set(0, new Product(basic.id(), basic.program(), basic.name(), basic.greenContent(), basic.localContent(),
                basic.price(), basic.termStart(), basic.termEnd(), true, basic.illustrative()));
        assertThat(ProgramDiff.between(VALLEY, new ProgramDefinition(VALLEY.program(), two)).lines())
                .containsExactly("default product: standard → basic, standard");
    }

    @Test
    void aNewIdIsAChangeLikeAnyOther() {
        Program p = VALLEY.program();
        ProgramId power = new ProgramId("valley-green-power");
        Program renamed = new Program(power, p.name(), p.leadTown(), p.towns(), p.launchDate(), p.contact(),
                p.optOutWindowDays());

        assertThat(ProgramDiff.between(VALLEY, new ProgramDefinition(renamed, List.of())).lines())
                .startsWith("id: valley-green-energy → valley-green-power");
    }

    @Test
    void creatingAProgramSetsEachValueAndAddsEachTownAndProduct() {
        assertThat(ProgramDiff.creating(VALLEY).lines()).containsExactly(
                "id: (none) → valley-green-energy",
                "name: (none) → Valley Green Energy",
                "lead town: (none) → Amherst",
                "launch date: (none) → 2025-01-01",
                "opt-out window: (none) → 30 days",
                "contact phone: (none) → 413-555-0142",
                "contact email: (none) → info@valleygreen.example.org",
                "contact web: (none) → https://valleygreen.example.org",
                "return address: (none) → PO Box 555, Amherst, MA 01004",
                "town added: Amherst (Eversource (Western Massachusetts), load zone WCMA, population 39,263)",
                "town added: Northampton (National Grid (Massachusetts Electric Co.), load zone WCMA, population 29,571)",
                "town added: Pelham (Eversource (Western Massachusetts), load zone WCMA, population 1,280)",
                "default product: (none) → standard",
                "product added: basic \"Valley Basic\" (state minimum, local share 0 %, 13.950 ¢/kWh, 2025-01 to"
                        + " 2026-12, illustrative price)",
                "product added: standard \"Valley Standard\" (state minimum + 20 points, local share 5 %, 14.450 ¢/kWh,"
                        + " 2025-01 to 2026-12, illustrative price)",
                "product added: green-100 \"Valley 100% Green\" (100 %, local share 10 %, 15.950 ¢/kWh, 2025-01 to"
                        + " 2026-12, illustrative price)",
                "product added: local-green \"Valley Local Green\" (state minimum + 50 points, local share 50 %,"
                        + " 16.450 ¢/kWh, 2025-01 to 2026-12, illustrative price)");
    }

    @Test
    void creatingAProgramWithoutContactOrProductsListsNeither() {
        assertThat(ProgramDiff.creating(new ProgramDefinition(Fixtures.valleyProgram(), List.of())).lines())
                .containsExactly(
                        "id: (none) → valley-green-energy",
                        "name: (none) → Valley Green Energy",
                        "lead town: (none) → Amherst",
                        "launch date: (none) → 2025-01-01",
                        "opt-out window: (none) → 30 days",
                        "town added: Amherst (Eversource (Western Massachusetts), load zone WCMA, population 39,263)",
                        "town added: Northampton (National Grid (Massachusetts Electric Co.), load zone WCMA,"
                                + " population 29,571)",
                        "town added: Pelham (Eversource (Western Massachusetts), load zone WCMA, population 1,280)");
    }

    private static Program withProgram(Program p, Optional<ProgramContact> contact) {
        return new Program(p.id(), p.name(), p.leadTown(), p.towns(), p.launchDate(), contact, p.optOutWindowDays());
    }

    private static ProgramDefinition withTowns(List<Town> towns) {
        Program p = VALLEY.program();
        return new ProgramDefinition(new Program(p.id(), p.name(), p.leadTown(), towns, p.launchDate(), p.contact(),
                p.optOutWindowDays()), VALLEY.products());
    }
}
