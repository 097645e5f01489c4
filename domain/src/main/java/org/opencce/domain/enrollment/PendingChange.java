package org.opencce.domain.enrollment;

import java.time.LocalDate;
import java.util.Objects;
import org.opencce.domain.community.ProductId;

/**
 * A product change an enrolled customer asked for and the utility has not yet applied: the new
 * {@code product} and the {@code effective} date, the account's next meter-read date. Issue 6 (section 2)
 * has a product change take effect on the next meter-read date, when a utility switches an account's
 * supply, so that each billing period is supplied at one price. Immutable and thread-safe.
 */
public record PendingChange(ProductId product, LocalDate effective) {
    public PendingChange {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(effective, "effective");
    }
}
