package org.opencce.domain.community;

import java.util.Map;
import java.util.Objects;

/**
 * How many accounts of a program are in each town and on each product: what a change of the program
 * must not strand. Towns are keyed as the accounts name them and looked up ignoring case, as
 * {@link Program#town} does. Immutable and thread-safe.
 *
 * @param byTown accounts per town (every account has one)
 * @param byProduct accounts per product (only accounts the program supplies have one)
 */
public record AccountCounts(Map<String, Long> byTown, Map<ProductId, Long> byProduct) {
    /** A program without accounts. */
    public static final AccountCounts NONE = new AccountCounts(Map.of(), Map.of());

    public AccountCounts {
        byTown = Map.copyOf(Objects.requireNonNull(byTown, "byTown"));
        byProduct = Map.copyOf(Objects.requireNonNull(byProduct, "byProduct"));
    }

    /** The accounts in {@code town}, its name compared ignoring case. */
    public long inTown(String town) {
        return byTown.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(town))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The accounts on {@code product}. */
    public long onProduct(ProductId product) {
        return byProduct.getOrDefault(product, 0L);
    }
}
