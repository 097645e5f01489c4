package org.opencce.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;

class ProgramDefinitionTest {
    static final ProgramDefinition VALLEY = Fixtures.valleyDefinition();

    @Test
    void itsProductsAreFoundByIdAndTheDefaultIsTheOneMarked() {
        assertThat(VALLEY.id()).isEqualTo(Fixtures.VALLEY);
        assertThat(VALLEY.product(Fixtures.GREEN_100)).contains(VALLEY.products().get(2));
        assertThat(VALLEY.product(new ProductId("wind"))).isEmpty();
        assertThat(VALLEY.defaultProduct()).map(Product::id).contains(Fixtures.STANDARD);
    }

    @Test
    void thereIsNoDefaultWhenNoneOrSeveralAreMarked() {
        assertThat(new ProgramDefinition(VALLEY.program(), List.of()).defaultProduct()).isEmpty();
        List<Product> two = new ArrayList<>(VALLEY.products());
        Product b = two.get(0);
        two.set(0, new Product(b.id(), b.program(), b.name(), b.greenContent(), b.localContent(), b.price(),
                b.termStart(), b.termEnd(), true, b.illustrative()));
        assertThat(new ProgramDefinition(VALLEY.program(), two).defaultProduct()).isEmpty();
    }

    @Test
    void productsBelongToTheProgramOnceEach() {
        Product b = VALLEY.products().get(0);
        Product elsewhere = new Product(b.id(), new ProgramId("other"), b.name(), b.greenContent(), b.localContent(),
                b.price(), b.termStart(), b.termEnd(), false, false);
        assertThatThrownBy(() -> new ProgramDefinition(VALLEY.program(), List.of(elsewhere)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("product basic belongs to program other, not to valley-green-energy");
        assertThatThrownBy(() -> new ProgramDefinition(VALLEY.program(), List.of(b, b)))
                .hasMessage("program valley-green-energy lists product basic twice");
        assertThatThrownBy(() -> new ProgramDefinition(null, List.of())).hasMessage("program");
    }

    @Test
    void theProductListIsCopied() {
        List<Product> products = new ArrayList<>(VALLEY.products());
        ProgramDefinition d = new ProgramDefinition(VALLEY.program(), products);
        products.clear();
        assertThat(d.products()).hasSize(4);
    }

    @Test
    void accountsAreCountedByTownIgnoringCaseAndByProduct() {
        AccountCounts counts = new AccountCounts(Map.of("Amherst", 2L, "AMHERST", 3L, "Pelham", 1L),
                Map.of(Fixtures.STANDARD, 4L));
        assertThat(counts.inTown("amherst")).isEqualTo(5);
        assertThat(counts.inTown("Northampton")).isZero();
        assertThat(counts.onProduct(Fixtures.STANDARD)).isEqualTo(4);
        assertThat(counts.onProduct(Fixtures.BASIC)).isZero();
        assertThat(AccountCounts.NONE.inTown("Amherst")).isZero();
        assertThatThrownBy(() -> new AccountCounts(null, Map.of())).hasMessage("byTown");
        assertThatThrownBy(() -> new AccountCounts(Map.of(), null)).hasMessage("byProduct");
    }
}
