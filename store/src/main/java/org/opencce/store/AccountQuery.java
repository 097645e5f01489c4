package org.opencce.store;

import java.util.Optional;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.SupplyStatus;

/**
 * Filters for the account search. {@code text} matches the utility account number (prefix), the
 * customer name or the street (case-insensitive substring). Empty filters match everything.
 */
public record AccountQuery(Optional<String> text, Optional<String> town, Optional<RateClass> rateClass,
        Optional<SupplyStatus> supplyStatus) {

    public static AccountQuery all() {
        return new AccountQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
