package org.opencce.domain.community;

import java.time.YearMonth;
import java.util.Objects;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

/**
 * A supply option a program offers. {@code localContent} is the share from New England (local)
 * renewable sources on top of or within the green content. {@code illustrative} marks prices that are
 * not from a signed contract (the demo's). The term is inclusive of both months.
 */
public record Product(
        ProductId id,
        ProgramId program,
        String name,
        GreenContent greenContent,
        Percent localContent,
        EnergyPrice price,
        YearMonth termStart,
        YearMonth termEnd,
        boolean isDefault,
        boolean illustrative) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(greenContent, "greenContent");
        Objects.requireNonNull(localContent, "localContent");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(termStart, "termStart");
        Objects.requireNonNull(termEnd, "termEnd");
        if (termEnd.isBefore(termStart)) {
            throw new IllegalArgumentException("product " + id + ": term ends (" + termEnd + ") before it starts ("
                    + termStart + ")");
        }
        if (price.dollarsPerKilowattHour().signum() <= 0) {
            throw new IllegalArgumentException("product " + id + ": price must be positive, was " + price);
        }
    }

    public boolean isOfferedIn(YearMonth month) {
        return !month.isBefore(termStart) && !month.isAfter(termEnd);
    }
}
