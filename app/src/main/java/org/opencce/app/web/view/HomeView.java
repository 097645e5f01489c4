package org.opencce.app.web.view;

import java.util.List;

/**
 * The public home page: the program, its towns, its products with renewable content and price, and
 * how each price compares with each utility's Basic Service.
 */
public record HomeView(
        Frame frame,
        String programName,
        String leadTown,
        String townList,
        String launchDate,
        boolean launched,
        String asOf,
        String classINote,
        List<TownRow> towns,
        List<String> utilities,
        List<BasicServiceRow> basicService,
        List<ProductRow> products,
        boolean anyIllustrative) {

    public HomeView {
        towns = List.copyOf(towns);
        utilities = List.copyOf(utilities);
        basicService = List.copyOf(basicService);
        products = List.copyOf(products);
    }

    /** A member town and the utility that delivers its power. */
    public record TownRow(String name, String utility, String population, boolean lead) {
    }

    /**
     * A utility's Basic Service price used as the benchmark: its period, a note when it is the latest
     * published rate rather than one in force today, and where it was published ({@code sourceHref}
     * empty when the source is not a web address).
     */
    public record BasicServiceRow(String utility, String towns, String price, String period, boolean current,
            String note, String sourceLabel, String sourceHref) {
    }

    /** A product with its content and price; {@code comparisons} follow the order of the utilities. */
    public record ProductRow(String name, boolean isDefault, boolean illustrative, String renewable,
            String renewableRule, String local, String price, String term, List<Comparison> comparisons) {
        public ProductRow {
            comparisons = List.copyOf(comparisons);
        }
    }

    /**
     * A product price against one utility's Basic Service: {@code difference} in ¢/kWh and
     * {@code percent}; {@code direction} is {@code less}, {@code more}, {@code same} or
     * {@code unknown} (no Basic Service rate known).
     */
    public record Comparison(String utility, String difference, String percent, String direction) {
    }
}
