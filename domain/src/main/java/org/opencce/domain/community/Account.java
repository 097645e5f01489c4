package org.opencce.domain.community;

import java.util.Objects;
import java.util.Optional;

/**
 * A utility account (a meter and its customer) in a program's towns. {@code customerName} and
 * {@code serviceAddress} are personal information. {@code product} is present exactly when the
 * account is supplied by the program ({@link SupplyStatus#PROGRAM}).
 */
public record Account(
        AccountId id,
        ProgramId program,
        UtilityAccountNumber number,
        Utility utility,
        String town,
        RateClass rateClass,
        String customerName,
        ServiceAddress serviceAddress,
        SupplyStatus supplyStatus,
        Optional<ProductId> product,
        boolean lowIncome,
        boolean netMetered,
        LoadZone loadZone) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(town, "town");
        Objects.requireNonNull(rateClass, "rateClass");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(serviceAddress, "serviceAddress");
        Objects.requireNonNull(supplyStatus, "supplyStatus");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(loadZone, "loadZone");
        if ((supplyStatus == SupplyStatus.PROGRAM) != product.isPresent()) {
            throw new IllegalArgumentException("account " + number + ": a product is required exactly when the"
                    + " supply status is PROGRAM (status " + supplyStatus + ", product " + product.orElse(null) + ")");
        }
    }

    public boolean isResidential() {
        return rateClass.isResidential();
    }
}
