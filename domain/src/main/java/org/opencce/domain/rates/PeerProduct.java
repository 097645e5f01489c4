package org.opencce.domain.rates;

import java.time.YearMonth;
import java.util.Objects;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.units.EnergyPrice;

/**
 * A supply option offered by another Massachusetts municipal aggregation, as published on its program
 * page ({@code url}): the benchmark a program's own products are compared with. {@code greenContent} is
 * the total renewable (Class I) content and {@code localContent} the renewable content from New England
 * sources, both stated with the same rules aggregations use (state minimum, minimum plus points, or an
 * absolute share). The term is inclusive of both months. {@code isDefault} marks the option customers
 * are enrolled in unless they choose another. Immutable and thread-safe.
 */
public record PeerProduct(
        String town,
        String optionName,
        boolean isDefault,
        String broker,
        GreenContent greenContent,
        GreenContent localContent,
        YearMonth termStart,
        YearMonth termEnd,
        EnergyPrice price,
        String url) {

    public PeerProduct {
        Objects.requireNonNull(town, "town");
        Objects.requireNonNull(optionName, "optionName");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(greenContent, "greenContent");
        Objects.requireNonNull(localContent, "localContent");
        Objects.requireNonNull(termStart, "termStart");
        Objects.requireNonNull(termEnd, "termEnd");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(url, "url");
        if (town.isBlank() || optionName.isBlank()) {
            throw new IllegalArgumentException("a peer product needs a town and an option name, was '" + town
                    + "' / '" + optionName + "'");
        }
        if (termEnd.isBefore(termStart)) {
            throw new IllegalArgumentException("peer product " + optionName + ": term ends (" + termEnd
                    + ") before it starts (" + termStart + ")");
        }
        if (price.dollarsPerKilowattHour().signum() <= 0) {
            throw new IllegalArgumentException("peer product " + optionName + ": price must be positive, was " + price);
        }
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("peer product " + optionName + ": url must be an http(s) address, was '"
                    + url + "'");
        }
    }

    /** Whether the option's contract term includes {@code month}. */
    public boolean isOfferedIn(YearMonth month) {
        return !month.isBefore(termStart) && !month.isAfter(termEnd);
    }
}
