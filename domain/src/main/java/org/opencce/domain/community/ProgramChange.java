package org.opencce.domain.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One difference between two definitions of a program, as {@link ProgramDiff} finds it, told in the
 * words a staff member reads in the audit log: {@code town added: Leverett (...)},
 * {@code product standard: price 14.450 ¢/kWh → 14.200 ¢/kWh}. Immutable and thread-safe.
 */
public sealed interface ProgramChange {

    /** The change in one line of plain words. */
    String describe();

    /** A value of the program itself changed: its name, lead town, launch date, contact, ... */
    record FieldChanged(String field, String before, String after) implements ProgramChange {
        public FieldChanged {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public String describe() {
            return field + ": " + before + " → " + after;
        }
    }

    /** A town joined the program. */
    record TownAdded(Town town) implements ProgramChange {
        public TownAdded {
            Objects.requireNonNull(town, "town");
        }

        @Override
        public String describe() {
            return "town added: " + town.name() + " (" + ProgramWords.town(town) + ")";
        }
    }

    /** A town left the program (or was renamed, which is the same to the accounts). */
    record TownRemoved(Town town) implements ProgramChange {
        public TownRemoved {
            Objects.requireNonNull(town, "town");
        }

        @Override
        public String describe() {
            return "town removed: " + town.name() + " (" + ProgramWords.town(town) + ")";
        }
    }

    /** A town stayed (its name compared ignoring case) but something about it changed. */
    record TownChanged(Town before, Town after) implements ProgramChange {
        public TownChanged {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public String describe() {
            List<String> fields = new ArrayList<>();
            ProgramWords.compare(fields, "name", before.name(), after.name());
            ProgramWords.compare(fields, "utility", before.utility().displayName(), after.utility().displayName());
            ProgramWords.compare(fields, "load zone", before.loadZone().name(), after.loadZone().name());
            ProgramWords.compare(fields, "population", ProgramWords.count(before.population()), ProgramWords.count(after.population()));
            return "town " + before.name() + ": " + String.join("; ", fields);
        }
    }

    /** The program offers a new product. */
    record ProductAdded(Product product) implements ProgramChange {
        public ProductAdded {
            Objects.requireNonNull(product, "product");
        }

        @Override
        public String describe() {
            return "product added: " + product.id() + " \"" + product.name() + "\" (" + ProgramWords.product(product) + ")";
        }
    }

    /** The program no longer offers a product. */
    record ProductRemoved(Product product) implements ProgramChange {
        public ProductRemoved {
            Objects.requireNonNull(product, "product");
        }

        @Override
        public String describe() {
            return "product removed: " + product.id() + " \"" + product.name() + "\" (" + ProgramWords.product(product) + ")";
        }
    }

    /**
     * A product kept its id but changed its name, content, price, term or marking. Which product is
     * the default is told apart, as a {@link FieldChanged} of the program.
     */
    record ProductChanged(Product before, Product after) implements ProgramChange {
        public ProductChanged {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public String describe() {
            List<String> fields = new ArrayList<>();
            ProgramWords.compare(fields, "name", before.name(), after.name());
            ProgramWords.compare(fields, "green content", before.greenContent().describe(), after.greenContent().describe());
            ProgramWords.compare(fields, "local share", ProgramWords.percent(before.localContent().value()),
                    ProgramWords.percent(after.localContent().value()));
            if (!before.price().equals(after.price())) {
                // compared as amounts: 14.45 and 14.450 are one price
                fields.add("price " + ProgramWords.price(before) + " → " + ProgramWords.price(after));
            }
            ProgramWords.compare(fields, "term", ProgramWords.term(before), ProgramWords.term(after));
            ProgramWords.compare(fields, "illustrative price", ProgramWords.yesNo(before.illustrative()),
                    ProgramWords.yesNo(after.illustrative()));
            return "product " + before.id() + ": " + String.join("; ", fields);
        }
    }
}
