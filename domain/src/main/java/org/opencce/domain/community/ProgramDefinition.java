package org.opencce.domain.community;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What staff declare about a program, as its program file does: the program (towns, lead town,
 * contact, launch, opt-out window) and the products it offers. The products belong to the program
 * and have distinct ids. Whether exactly one of them is the default is not an invariant here (a
 * program being rebuilt has none for a moment) but a rule of {@link ProgramUpdate}. Immutable and
 * thread-safe.
 */
public record ProgramDefinition(Program program, List<Product> products) {
    public ProgramDefinition {
        Objects.requireNonNull(program, "program");
        products = List.copyOf(products);
        Set<ProductId> ids = new HashSet<>();
        for (Product p : products) {
            if (!p.program().equals(program.id())) {
                throw new IllegalArgumentException("product " + p.id() + " belongs to program " + p.program()
                        + ", not to " + program.id());
            }
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("program " + program.id() + " lists product " + p.id() + " twice");
            }
        }
    }

    public ProgramId id() {
        return program.id();
    }

    /** The product with {@code id}, if the program offers it. */
    public Optional<Product> product(ProductId id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The default product (on which customers are enrolled unless they choose), when exactly one is marked so. */
    public Optional<Product> defaultProduct() {
        List<Product> defaults = products.stream().filter(Product::isDefault).toList();
        return defaults.size() == 1 ? Optional.of(defaults.get(0)) : Optional.empty();
    }
}
