package org.opencce.domain.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two definitions of a program, in the order a staff member reads it: the
 * program's own values (id, name, lead town, launch date, opt-out window, contact), then the towns
 * (removed, added, changed; a town is the same town when its name matches ignoring case), then which
 * product is the default, then the products (removed, added, changed, matched by id). The order of
 * the products is not part of a program; the order of its towns is. Immutable and thread-safe.
 */
public record ProgramDiff(List<ProgramChange> changes) {
    /** How an absent value reads: a program made before it had a contact has "(none)". */
    static final String NONE = "(none)";

    public ProgramDiff {
        changes = List.copyOf(changes);
    }

    /** The changes that turn {@code before} into {@code after}. */
    public static ProgramDiff between(ProgramDefinition before, ProgramDefinition after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<ProgramChange> changes = new ArrayList<>();
        programFields(before.program(), after.program(), changes);
        towns(before.program(), after.program(), changes);
        field(changes, "default product", defaults(before), defaults(after));
        products(before, after, changes);
        return new ProgramDiff(changes);
    }

    /**
     * The changes that create the program {@code created} from nothing: each of its values set, each
     * town and product added. For the audit log of a new program.
     */
    public static ProgramDiff creating(ProgramDefinition created) {
        Objects.requireNonNull(created, "created");
        Program p = created.program();
        List<ProgramChange> changes = new ArrayList<>();
        field(changes, "id", NONE, p.id().value());
        field(changes, "name", NONE, p.name());
        field(changes, "lead town", NONE, p.leadTown());
        field(changes, "launch date", NONE, p.launchDate().toString());
        field(changes, "opt-out window", NONE, p.optOutWindowDays() + " days");
        field(changes, "contact phone", NONE, contact(p, ProgramContact::phone));
        field(changes, "contact email", NONE, contact(p, ProgramContact::email));
        field(changes, "contact web", NONE, contact(p, ProgramContact::web));
        field(changes, "return address", NONE, contact(p, c -> c.returnAddress().toString()));
        p.towns().forEach(t -> changes.add(new ProgramChange.TownAdded(t)));
        field(changes, "default product", NONE, defaults(created));
        created.products().forEach(product -> changes.add(new ProgramChange.ProductAdded(product)));
        return new ProgramDiff(changes);
    }

    private static void programFields(Program before, Program after, List<ProgramChange> changes) {
        field(changes, "id", before.id().value(), after.id().value());
        field(changes, "name", before.name(), after.name());
        field(changes, "lead town", before.leadTown(), after.leadTown());
        field(changes, "launch date", before.launchDate().toString(), after.launchDate().toString());
        field(changes, "opt-out window", before.optOutWindowDays() + " days", after.optOutWindowDays() + " days");
        field(changes, "contact phone", contact(before, ProgramContact::phone), contact(after, ProgramContact::phone));
        field(changes, "contact email", contact(before, ProgramContact::email), contact(after, ProgramContact::email));
        field(changes, "contact web", contact(before, ProgramContact::web), contact(after, ProgramContact::web));
        field(changes, "return address", contact(before, c -> c.returnAddress().toString()),
                contact(after, c -> c.returnAddress().toString()));
    }

    private static void towns(Program before, Program after, List<ProgramChange> changes) {
        Map<String, Town> old = byLowerName(before.towns());
        Map<String, Town> proposed = byLowerName(after.towns());
        for (Town t : before.towns()) {
            if (!proposed.containsKey(key(t.name()))) {
                changes.add(new ProgramChange.TownRemoved(t));
            }
        }
        for (Town t : after.towns()) {
            Town was = old.get(key(t.name()));
            if (was == null) {
                changes.add(new ProgramChange.TownAdded(t));
            } else if (!was.equals(t)) {
                changes.add(new ProgramChange.TownChanged(was, t));
            }
        }
        List<String> orderBefore = before.towns().stream().map(t -> key(t.name()))
                .filter(proposed::containsKey).toList();
        List<String> orderAfter = after.towns().stream().map(t -> key(t.name())).filter(old::containsKey).toList();
        if (!orderBefore.equals(orderAfter)) {
            field(changes, "town order", names(before.towns()), names(after.towns()));
        }
    }

    private static void products(ProgramDefinition before, ProgramDefinition after, List<ProgramChange> changes) {
        for (Product p : before.products()) {
            if (after.product(p.id()).isEmpty()) {
                changes.add(new ProgramChange.ProductRemoved(p));
            }
        }
        for (Product p : after.products()) {
            Optional<Product> was = before.product(p.id());
            if (was.isEmpty()) {
                changes.add(new ProgramChange.ProductAdded(p));
            } else if (!sameApartFromDefault(was.get(), p)) {
                changes.add(new ProgramChange.ProductChanged(was.get(), p));
            }
        }
    }

    private static boolean sameApartFromDefault(Product a, Product b) {
        return a.name().equals(b.name()) && a.greenContent().equals(b.greenContent())
                && a.localContent().equals(b.localContent()) && a.price().equals(b.price())
                && a.termStart().equals(b.termStart()) && a.termEnd().equals(b.termEnd())
                && a.illustrative() == b.illustrative();
    }

    /** Whether the two definitions are the same program in every respect shown here. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The towns this change removes (a renamed town among them). */
    public List<Town> removedTowns() {
        return changes.stream().filter(c -> c instanceof ProgramChange.TownRemoved)
                .map(c -> ((ProgramChange.TownRemoved) c).town()).toList();
    }

    /** The products this change removes. */
    public List<Product> removedProducts() {
        return changes.stream().filter(c -> c instanceof ProgramChange.ProductRemoved)
                .map(c -> ((ProgramChange.ProductRemoved) c).product()).toList();
    }

    /** Each change in words, one per element, in reading order. */
    public List<String> lines() {
        return changes.stream().map(ProgramChange::describe).toList();
    }

    private static void field(List<ProgramChange> changes, String field, String before, String after) {
        if (!before.equals(after)) {
            changes.add(new ProgramChange.FieldChanged(field, before, after));
        }
    }

    private static String contact(Program p, Function<ProgramContact, String> value) {
        return p.contact().map(value).orElse(NONE);
    }

    /** The ids of the products marked default, or "(none)". */
    private static String defaults(ProgramDefinition definition) {
        String ids = definition.products().stream().filter(Product::isDefault).map(p -> p.id().value())
                .collect(Collectors.joining(", "));
        return ids.isEmpty() ? NONE : ids;
    }

    private static Map<String, Town> byLowerName(List<Town> towns) {
        return towns.stream().collect(Collectors.toMap(t -> key(t.name()), t -> t));
    }

    private static String key(String townName) {
        return townName.toLowerCase(Locale.ROOT);
    }

    private static String names(List<Town> towns) {
        return towns.stream().map(Town::name).collect(Collectors.joining(", "));
    }
}
