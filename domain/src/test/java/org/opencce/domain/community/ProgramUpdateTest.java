package org.opencce.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;

class ProgramUpdateTest {
    static final ProgramDefinition VALLEY = Fixtures.valleyDefinition();
    static final Town AMHERST = VALLEY.program().towns().get(0);
    static final Town NORTHAMPTON = VALLEY.program().towns().get(1);
    static final Town PELHAM = VALLEY.program().towns().get(2);

    @Test
    void aChangeThatStrandsNoAccountIsAllowedWithItsDiff() {
        ProgramDefinition withoutPelham = withTowns(List.of(AMHERST, NORTHAMPTON));

        ProgramUpdate.Decision decision = ProgramUpdate.decide(VALLEY, withoutPelham,
                new AccountCounts(Map.of("Amherst", 10L, "Northampton", 5L), Map.of(Fixtures.STANDARD, 15L)));

        assertThat(decision).isInstanceOf(ProgramUpdate.Allowed.class);
        assertThat(decision.diff()).isEqualTo(ProgramDiff.between(VALLEY, withoutPelham));
    }

    @Test
    void theIdNeverChanges() {
        Program p = VALLEY.program();
        ProgramId power = new ProgramId("valley-green-power");
        ProgramDefinition renamed = new ProgramDefinition(new Program(power, p.name(), p.leadTown(), p.towns(),
                p.launchDate(), p.contact(), p.optOutWindowDays()), VALLEY.products().stream()
                .map(x -> new Product(x.id(), power, x.name(), x.greenContent(), x.localContent(), x.price(),
                        x.termStart(), x.termEnd(), x.isDefault(), x.illustrative())).toList());

        assertThat(reasons(ProgramUpdate.decide(VALLEY, renamed, AccountCounts.NONE))).containsExactly(
                "the program id cannot change (from valley-green-energy to valley-green-power): accounts, roles and"
                        + " the audit log belong to valley-green-energy; keep its id in the file, or create a new"
                        + " program with 'opencce program init'");
    }

    @Test
    void aTownWithAccountsStaysInTheProgram() {
        ProgramDefinition withoutPelham = withTowns(List.of(AMHERST, NORTHAMPTON));

        assertThat(reasons(ProgramUpdate.decide(VALLEY, withoutPelham, new AccountCounts(Map.of("Pelham", 1L),
                Map.of())))).containsExactly("town Pelham cannot be removed: it has 1 account (a renamed town"
                        + " counts as removed); keep it in the file");
        assertThat(reasons(ProgramUpdate.decide(VALLEY, withoutPelham, new AccountCounts(Map.of("PELHAM", 1_233L,
                "pelham", 1L), Map.of())))).containsExactly("town Pelham cannot be removed: it has 1,234 accounts"
                        + " (a renamed town counts as removed); keep it in the file");
    }

    @Test
    void aRenamedTownWithAccountsIsRefusedAsRemoved() {
        Town renamed = new Town("Pelham Center", PELHAM.utility(), PELHAM.loadZone(), PELHAM.population());

        assertThat(reasons(ProgramUpdate.decide(VALLEY, withTowns(List.of(AMHERST, NORTHAMPTON, renamed)),
                new AccountCounts(Map.of("Pelham", 7L), Map.of())))).containsExactly("town Pelham cannot be removed:"
                        + " it has 7 accounts (a renamed town counts as removed); keep it in the file");
    }

    @Test
    void aTownWithAccountsKeepsItsUtility() {
        Town gridPelham = new Town("Pelham", Utility.NATIONAL_GRID_MA, PELHAM.loadZone(), PELHAM.population());
        ProgramDefinition after = withTowns(List.of(AMHERST, NORTHAMPTON, gridPelham));

        assertThat(reasons(ProgramUpdate.decide(VALLEY, after, new AccountCounts(Map.of("Pelham", 3L), Map.of()))))
                .containsExactly("the utility of Pelham cannot change from Eversource (Western Massachusetts) to"
                        + " National Grid (Massachusetts Electric Co.): it has 3 accounts of Eversource (Western"
                        + " Massachusetts)");
        assertThat(ProgramUpdate.decide(VALLEY, after, new AccountCounts(Map.of("Amherst", 3L), Map.of())))
                .as("a town without accounts may be corrected").isInstanceOf(ProgramUpdate.Allowed.class);
    }

    @Test
    void otherChangesToATownWithAccountsAreAllowed() {
        Town pelham = new Town("Pelham", PELHAM.utility(), LoadZone.NEMA, 1_300);

        assertThat(ProgramUpdate.decide(VALLEY, withTowns(List.of(AMHERST, NORTHAMPTON, pelham)),
                new AccountCounts(Map.of("Pelham", 3L), Map.of()))).isInstanceOf(ProgramUpdate.Allowed.class);
    }

    @Test
    void aProductWithAccountsStaysOnOffer() {
        List<Product> products = new ArrayList<>(VALLEY.products());
        products.remove(3);
        ProgramDefinition after = new ProgramDefinition(VALLEY.program(), products);

        assertThat(reasons(ProgramUpdate.decide(VALLEY, after, new AccountCounts(Map.of(),
                Map.of(Fixtures.LOCAL_GREEN, 1L))))).containsExactly("product local-green cannot be removed: 1 account"
                        + " is on it; keep it in the file");
        assertThat(reasons(ProgramUpdate.decide(VALLEY, after, new AccountCounts(Map.of(),
                Map.of(Fixtures.LOCAL_GREEN, 2L))))).containsExactly("product local-green cannot be removed: 2 accounts"
                        + " are on it; keep it in the file");
        assertThat(ProgramUpdate.decide(VALLEY, after, new AccountCounts(Map.of(), Map.of(Fixtures.STANDARD, 2L))))
                .isInstanceOf(ProgramUpdate.Allowed.class);
    }

    @Test
    void exactlyOneProductIsTheDefault() {
        List<Product> none = new ArrayList<>(VALLEY.products());
        none.set(1, notDefault(none.get(1)));
        List<Product> two = new ArrayList<>(VALLEY.products());
        two.set(0, asDefault(two.get(0)));

        assertThat(reasons(ProgramUpdate.decide(VALLEY, new ProgramDefinition(VALLEY.program(), none),
                AccountCounts.NONE))).containsExactly("no product is the default: mark exactly one product"
                        + " 'default: true'");
        assertThat(reasons(ProgramUpdate.decide(VALLEY, new ProgramDefinition(VALLEY.program(), two),
                AccountCounts.NONE))).containsExactly("products basic, standard are all marked default: mark"
                        + " exactly one");
    }

    @Test
    void everyBrokenRuleIsGivenAtOnce() {
        List<Product> products = new ArrayList<>(VALLEY.products());
        products.remove(3);
        products.set(1, notDefault(products.get(1)));
        ProgramDefinition after = new ProgramDefinition(withTowns(List.of(AMHERST, NORTHAMPTON)).program(), products);

        ProgramUpdate.Decision decision = ProgramUpdate.decide(VALLEY, after,
                new AccountCounts(Map.of("Pelham", 2L), Map.of(Fixtures.LOCAL_GREEN, 1L)));

        assertThat(reasons(decision)).hasSize(3);
        assertThat(reasons(decision).get(0)).startsWith("town Pelham");
        assertThat(reasons(decision).get(1)).startsWith("product local-green");
        assertThat(reasons(decision).get(2)).startsWith("no product is the default");
        assertThat(decision.diff().removedTowns()).containsExactly(PELHAM);
    }

    @Test
    void aNewProgramNeedsOnlyItsDefault() {
        ProgramUpdate.Decision created = ProgramUpdate.decideNew(VALLEY);
        assertThat(created).isInstanceOf(ProgramUpdate.Allowed.class);
        assertThat(created.diff()).isEqualTo(ProgramDiff.creating(VALLEY));

        ProgramUpdate.Decision withoutProducts = ProgramUpdate.decideNew(new ProgramDefinition(VALLEY.program(),
                List.of()));
        assertThat(reasons(withoutProducts)).containsExactly("no product is the default: mark exactly one product"
                + " 'default: true'");
        assertThat(withoutProducts.diff().lines()).contains("id: (none) → valley-green-energy");
    }

    @Test
    void aRefusalHasAReason() {
        assertThatThrownBy(() -> new ProgramUpdate.Refused(ProgramDiff.creating(VALLEY), List.of()))
                .hasMessage("a refusal needs at least one reason");
        assertThatThrownBy(() -> new ProgramUpdate.Allowed(null)).hasMessage("diff");
        assertThatThrownBy(() -> ProgramUpdate.decide(VALLEY, VALLEY, null)).hasMessage("accounts");
    }

    static List<String> reasons(ProgramUpdate.Decision decision) {
        assertThat(decision).isInstanceOf(ProgramUpdate.Refused.class);
        return ((ProgramUpdate.Refused) decision).reasons();
    }

    private static Product notDefault(Product p) {
        return new Product(p.id(), p.program(), p.name(), p.greenContent(), p.localContent(), p.price(),
                p.termStart(), p.termEnd(), false, p.illustrative());
    }

    private static Product asDefault(Product p) {
        return new Product(p.id(), p.program(), p.name(), p.greenContent(), p.localContent(), p.price(),
                p.termStart(), p.termEnd(), true, p.illustrative());
    }

    private static ProgramDefinition withTowns(List<Town> towns) {
        Program p = VALLEY.program();
        return new ProgramDefinition(new Program(p.id(), p.name(), p.leadTown(), towns, p.launchDate(), p.contact(),
                p.optOutWindowDays()), VALLEY.products());
    }
}
