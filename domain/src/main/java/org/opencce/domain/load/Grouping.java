package org.opencce.domain.load;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.ProductId;

/** How accounts are grouped when their loads are added up. */
public enum Grouping {
    /** By member town. */
    TOWN,
    /** By the utility's rate class (R-1, G-1, …). */
    RATE_CLASS,
    /** By the program product an account is on; accounts not supplied by the program by their supply status. */
    PRODUCT;

    /**
     * The name of the group an account falls in. {@code productNames} gives the display name of each
     * product id; an unknown product is shown by its id.
     */
    public String groupOf(Account account, Map<ProductId, String> productNames) {
        if (this == TOWN) {
            return account.town();
        }
        if (this == RATE_CLASS) {
            return account.rateClass().code();
        }
        return account.product().map(p -> productNames.getOrDefault(p, p.value()))
                .orElse(account.supplyStatus().displayName());
    }

    /** Reads {@code town}, {@code class}, {@code rate-class}, {@code product} as a command line or URL gives them. */
    public static Optional<Grouping> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (t.equals("town")) {
            return Optional.of(TOWN);
        }
        if (t.equals("class") || t.equals("rate_class")) {
            return Optional.of(RATE_CLASS);
        }
        if (t.equals("product")) {
            return Optional.of(PRODUCT);
        }
        return Optional.empty();
    }
}
