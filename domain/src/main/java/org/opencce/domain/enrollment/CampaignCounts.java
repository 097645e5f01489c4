package org.opencce.domain.enrollment;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.RateClass;

/**
 * The campaign dashboard's figures (issue 6, section 8): accounts in each enrollment state for the whole
 * program, by town, by rate class and by product, each with its opt-out rate and its low-income and
 * net-metered participation ({@link EnrollmentCounts.Tally}; the definitions are in {@code docs/enrollment.md},
 * "Campaign figures"). Built from {@link Cell}s, the number of accounts sharing one town, rate class, product,
 * state and pair of flags, which a store counts in one grouped query without reading any account.
 *
 * <p>{@code byTown} is sorted by town, {@code byRateClass} in the order of {@link RateClass}, and
 * {@code byProduct} by product id with the accounts without a product last (key empty): the product is the
 * enrollment's ({@link Enrollment#product()}), the one chosen, requested or supplying the account. Immutable
 * and thread-safe.
 */
public record CampaignCounts(EnrollmentCounts.Tally total, SortedMap<String, EnrollmentCounts.Tally> byTown,
        SortedMap<RateClass, EnrollmentCounts.Tally> byRateClass,
        Map<Optional<ProductId>, EnrollmentCounts.Tally> byProduct) {

    public CampaignCounts {
        Objects.requireNonNull(total, "total");
        byTown = Collections.unmodifiableSortedMap(new TreeMap<>(byTown));
        byRateClass = Collections.unmodifiableSortedMap(new TreeMap<>(byRateClass));
        byProduct = Collections.unmodifiableMap(new LinkedHashMap<>(byProduct));
    }

    /**
     * {@code accounts} accounts of {@code town} and {@code rateClass} whose enrollment is in {@code state} with
     * {@code product} (empty when none), low-income or not, net-metered or not.
     */
    public record Cell(String town, RateClass rateClass, Optional<ProductId> product, EnrollmentState state,
            boolean lowIncome, boolean netMetered, int accounts) {
        public Cell {
            Objects.requireNonNull(town, "town");
            Objects.requireNonNull(rateClass, "rateClass");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(state, "state");
            if (accounts < 0) {
                throw new IllegalArgumentException("a count of accounts must not be negative, was " + accounts
                        + " for " + town + ", " + rateClass.code() + ", " + state.wireName());
            }
        }
    }

    /** The figures of these cells; a key that appears in several cells adds them up. */
    public static CampaignCounts of(List<Cell> cells) {
        EnrollmentCounts.Counter total = new EnrollmentCounts.Counter();
        for (Cell c : cells) {
            total.add(c.state(), c.lowIncome(), c.netMetered(), c.accounts());
        }
        Map<Optional<ProductId>, EnrollmentCounts.Tally> unsorted = group(cells, Cell::product);
        Map<Optional<ProductId>, EnrollmentCounts.Tally> byProduct = new LinkedHashMap<>();
        unsorted.keySet().stream()
                .sorted(Comparator.comparing((Optional<ProductId> p) -> p.isEmpty())
                        .thenComparing(p -> p.map(ProductId::value).orElse("")))
                .forEach(p -> byProduct.put(p, unsorted.get(p)));
        return new CampaignCounts(total.tally(), new TreeMap<>(group(cells, Cell::town)),
                new TreeMap<>(group(cells, Cell::rateClass)), byProduct);
    }

    private static <K> Map<K, EnrollmentCounts.Tally> group(List<Cell> cells, Function<Cell, K> key) {
        Map<K, EnrollmentCounts.Counter> counters = new LinkedHashMap<>();
        for (Cell c : cells) {
            counters.computeIfAbsent(key.apply(c), k -> new EnrollmentCounts.Counter())
                    .add(c.state(), c.lowIncome(), c.netMetered(), c.accounts());
        }
        Map<K, EnrollmentCounts.Tally> tallies = new LinkedHashMap<>();
        counters.forEach((k, counter) -> tallies.put(k, counter.tally()));
        return tallies;
    }

    /** No accounts: a program whose campaign has not begun. */
    public static CampaignCounts none() {
        return new CampaignCounts(EnrollmentCounts.Tally.empty(), new TreeMap<>(), new TreeMap<>(), Map.of());
    }
}
