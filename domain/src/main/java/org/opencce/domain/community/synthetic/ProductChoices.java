package org.opencce.domain.community.synthetic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.units.Percent;

/**
 * The products a synthetic customer can end up on, found by what they offer rather than by their ids,
 * so that any menu with one default works: the default; the greenest other product (opt-up to
 * "100 % green"); the most local of the rest (opt-up to local green); and the least green of the rest,
 * if it is below the default (opt-down). A choice the menu does not offer is empty, and customers
 * who would have made it stay on the default.
 */
record ProductChoices(
        ProductId defaultProduct,
        Optional<ProductId> greenest,
        Optional<ProductId> mostLocal,
        Optional<ProductId> optDown) {

    /**
     * Green content rules are compared at the 2025 Class I minimum (27 %, 225 CMR 14.07; rps-class1.csv
     * in the reference data). Only the order matters, and "minimum + N" against an absolute share
     * changes order only when the minimum crosses the gap.
     */
    static final Percent COMPARISON_CLASS_I_MINIMUM = Percent.of(27);

    static ProductChoices of(List<Product> products) {
        List<Product> defaults = products.stream().filter(Product::isDefault).toList();
        if (defaults.size() != 1) {
            throw new IllegalArgumentException("a program needs exactly one default product to enroll customers"
                    + " on, found " + defaults.size() + " among " + products.stream().map(Product::id).toList());
        }
        Product standard = defaults.get(0);
        // Sorting by id first makes ties resolve the same way whatever order the menu was given in.
        List<Product> others = new ArrayList<>(products.stream().filter(p -> !p.isDefault())
                .sorted(Comparator.comparing(p -> p.id().value())).toList());

        Optional<Product> greenest = others.stream()
                .filter(p -> green(p) > green(standard))
                .max(Comparator.comparingDouble(ProductChoices::green));
        greenest.ifPresent(others::remove);

        Optional<Product> mostLocal = others.stream()
                .filter(p -> p.localContent().compareTo(standard.localContent()) > 0)
                .max(Comparator.comparing(Product::localContent));
        mostLocal.ifPresent(others::remove);

        Optional<Product> optDown = others.stream()
                .filter(p -> green(p) < green(standard))
                .min(Comparator.comparingDouble(ProductChoices::green));

        return new ProductChoices(standard.id(), greenest.map(Product::id), mostLocal.map(Product::id),
                optDown.map(Product::id));
    }

    private static double green(Product product) {
        return product.greenContent().percentGiven(COMPARISON_CLASS_I_MINIMUM).value();
    }
}
