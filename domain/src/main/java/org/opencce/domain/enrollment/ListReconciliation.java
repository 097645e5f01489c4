package org.opencce.domain.enrollment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

/**
 * Compares a utility's later customer list with the previous one (issue 6, section 3.1): each account is
 * new, unchanged, changed (naming the fields), closed (absent from the new list), moved to a competitive
 * supplier or returned to Basic Service, and gets its eligibility decision with the reason. Accounts are
 * matched by utility and account number, the number compared ignoring case as the customer-list reader
 * does. An account number that appears more than once in a list, whether in one town or in two, is
 * reported as a {@link Conflict} and left out of the comparison: the program does not guess which row is
 * right. New Basic Service accounts get their own notice and window, accounts that left are dropped
 * (issue 6, section 2): {@link Change#eventToRecord()} names the history event each change calls for.
 * Immutable and thread-safe.
 */
public final class ListReconciliation {
    private final Program program;

    /** Reconciles lists of {@code program}'s towns, deciding eligibility against it. */
    public ListReconciliation(Program program) {
        this.program = Objects.requireNonNull(program, "program");
    }

    /** How an account differs between the previous list and the new one. */
    public enum ChangeKind {
        /** Only in the new list. */
        NEW,
        /** In both, with the same fields. */
        UNCHANGED,
        /** In both, with the same supply but other fields changed. */
        CHANGED,
        /** Only in the previous list: closed or moved away. */
        CLOSED,
        /** Was on Basic Service or the program's supply, now with a competitive supplier. */
        MOVED_TO_COMPETITIVE,
        /** Was with a competitive supplier or the program, now on Basic Service. */
        RETURNED_TO_BASIC_SERVICE;

        /** The name in JSON: {@code moved_to_competitive}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One account's change. {@code previous} and {@code next} are its rows in each list (one of them is
     * empty for a new or closed account); {@code changedFields} names the fields that differ, in the
     * customer list's column names ({@code town}, {@code rate_class}, ...); {@code eligibility} is decided
     * on the new row, or says the account is no longer listed.
     */
    public record Change(ChangeKind kind, Utility utility, UtilityAccountNumber number, Optional<Account> previous,
            Optional<Account> next, List<String> changedFields, Eligibility eligibility,
            Optional<EventKind> eventToRecord) {
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(utility, "utility");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(eligibility, "eligibility");
            Objects.requireNonNull(eventToRecord, "eventToRecord");
            changedFields = List.copyOf(changedFields);
        }
    }

    /** Rows of one list that share an account number, reported instead of reconciled. */
    public record Conflict(Utility utility, UtilityAccountNumber number, List<Account> accounts, String reason) {
        public Conflict {
            Objects.requireNonNull(utility, "utility");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(reason, "reason");
            accounts = List.copyOf(accounts);
        }
    }

    /**
     * The changes, new-list accounts first in their order, then the closed ones in the previous list's
     * order; the conflicts; and how many changes of each kind (every kind present, zero included).
     */
    public record Result(List<Change> changes, List<Conflict> conflicts, Map<ChangeKind, Integer> counts) {
        public Result {
            changes = List.copyOf(changes);
            conflicts = List.copyOf(conflicts);
            counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        }

        Result(List<Change> changes, List<Conflict> conflicts) {
            this(changes, conflicts, countKinds(changes));
        }

        /** How many accounts changed in this way. */
        public int count(ChangeKind kind) {
            return counts.get(kind);
        }

        private static Map<ChangeKind, Integer> countKinds(List<Change> changes) {
            Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
            for (ChangeKind kind : ChangeKind.values()) {
                counts.put(kind, 0);
            }
            for (Change change : changes) {
                counts.merge(change.kind(), 1, Integer::sum);
            }
            return counts;
        }
    }

    /** Compares {@code next}, the new list, with {@code previous}, the last one. */
    public Result reconcile(List<Account> previous, List<Account> next) {
        Map<Key, List<Account>> before = byKey(previous);
        Map<Key, List<Account>> after = byKey(next);
        List<Conflict> conflicts = new ArrayList<>();
        conflicts.addAll(conflicts(before, "previous"));
        conflicts.addAll(conflicts(after, "new"));
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<Key, List<Account>> entry : after.entrySet()) {
            List<Account> old = before.getOrDefault(entry.getKey(), List.of());
            if (entry.getValue().size() == 1 && old.size() < 2) {
                changes.add(compare(old.stream().findFirst(), entry.getValue().get(0)));
            }
        }
        for (Map.Entry<Key, List<Account>> entry : before.entrySet()) {
            if (entry.getValue().size() == 1 && !after.containsKey(entry.getKey())) {
                changes.add(closed(entry.getValue().get(0)));
            }
        }
        return new Result(changes, conflicts);
    }

    private Change compare(Optional<Account> previous, Account next) {
        Eligibility now = Eligibility.decide(next, program);
        if (previous.isEmpty()) {
            return new Change(ChangeKind.NEW, next.utility(), next.number(), previous, Optional.of(next), List.of(), now,
                    eventFor(previous, now, next));
        }
        Account old = previous.get();
        List<String> fields = changedFields(old, next);
        ChangeKind kind;
        if (old.supplyStatus() != SupplyStatus.COMPETITIVE && next.supplyStatus() == SupplyStatus.COMPETITIVE) {
            kind = ChangeKind.MOVED_TO_COMPETITIVE;
        } else if (old.supplyStatus() != SupplyStatus.BASIC_SERVICE
                && next.supplyStatus() == SupplyStatus.BASIC_SERVICE) {
            kind = ChangeKind.RETURNED_TO_BASIC_SERVICE;
        } else {
            kind = fields.isEmpty() ? ChangeKind.UNCHANGED : ChangeKind.CHANGED;
        }
        return new Change(kind, next.utility(), next.number(), previous, Optional.of(next), fields, now,
                eventFor(previous, now, next));
    }

    private Change closed(Account old) {
        Eligibility before = Eligibility.decide(old, program);
        // an account the program never reached needs no event; one it did leaves the program (issue 6, § 2)
        Optional<EventKind> event = before instanceof Eligibility.Ineligible ? Optional.empty()
                : Optional.of(EventKind.LEFT_BASIC_SERVICE);
        return new Change(ChangeKind.CLOSED, old.utility(), old.number(), Optional.of(old), Optional.empty(), List.of(),
                new Eligibility.Ineligible("no longer on " + old.utility().displayName()
                        + "'s list: closed or moved away"), event);
    }

    /**
     * The event a change calls for, from the decisions on the previous row (none for a new account) and
     * the new one: an account that becomes ineligible leaves, one that becomes opt-in-only is listed
     * competitive, one that comes (back) onto Basic Service in a member town is listed eligible and so
     * gets its own notice; nothing otherwise.
     */
    private Optional<EventKind> eventFor(Optional<Account> previous, Eligibility now, Account next) {
        Optional<Eligibility> before = previous.map(a -> Eligibility.decide(a, program));
        if (now instanceof Eligibility.Ineligible) {
            return before.filter(b -> !(b instanceof Eligibility.Ineligible)).map(b -> EventKind.LEFT_BASIC_SERVICE);
        }
        if (now instanceof Eligibility.OptInOnly) {
            return before.filter(b -> b instanceof Eligibility.OptInOnly).isPresent() ? Optional.empty()
                    : Optional.of(EventKind.LISTED_COMPETITIVE);
        }
        boolean wasOnBasicService = before.filter(b -> b instanceof Eligibility.Eligible).isPresent()
                && previous.get().supplyStatus() == SupplyStatus.BASIC_SERVICE;
        return next.supplyStatus() == SupplyStatus.BASIC_SERVICE && !wasOnBasicService
                ? Optional.of(EventKind.LISTED_ELIGIBLE) : Optional.empty();
    }

    private static List<String> changedFields(Account old, Account next) {
        List<String> fields = new ArrayList<>();
        if (!old.town().trim().equalsIgnoreCase(next.town().trim())) {
            fields.add("town");
        }
        if (old.rateClass() != next.rateClass()) {
            fields.add("rate_class");
        }
        if (!old.customerName().equals(next.customerName())) {
            fields.add("customer_name");
        }
        if (!old.serviceAddress().equals(next.serviceAddress())) {
            fields.add("service_address");
        }
        if (old.supplyStatus() != next.supplyStatus()) {
            fields.add("supply_status");
        }
        if (!old.product().equals(next.product())) {
            fields.add("product");
        }
        if (old.lowIncome() != next.lowIncome()) {
            fields.add("low_income");
        }
        if (old.netMetered() != next.netMetered()) {
            fields.add("net_metered");
        }
        if (old.loadZone() != next.loadZone()) {
            fields.add("load_zone");
        }
        return fields;
    }

    private static Map<Key, List<Account>> byKey(List<Account> accounts) {
        Map<Key, List<Account>> byKey = new LinkedHashMap<>();
        for (Account account : accounts) {
            byKey.computeIfAbsent(Key.of(account), k -> new ArrayList<>()).add(account);
        }
        return byKey;
    }

    private static List<Conflict> conflicts(Map<Key, List<Account>> byKey, String list) {
        List<Conflict> conflicts = new ArrayList<>();
        for (List<Account> same : byKey.values()) {
            if (same.size() < 2) {
                continue;
            }
            Account first = same.get(0);
            List<String> towns = same.stream().map(a -> a.town().trim()).collect(Collectors.toList());
            long distinctTowns = towns.stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().count();
            String what = distinctTowns > 1 ? "is listed in " + distinctTowns + " towns (" + String.join(", ", towns) + ")"
                    : "appears " + same.size() + " times";
            conflicts.add(new Conflict(first.utility(), first.number(), same, "account number " + first.number() + " of "
                    + first.utility().displayName() + " " + what + " in the " + list
                    + " list; it is not reconciled until the list is corrected"));
        }
        return conflicts;
    }

    /** Utility and account number, the number in upper case as the customer-list reader compares it. */
    private record Key(Utility utility, String number) {
        static Key of(Account account) {
            return new Key(account.utility(), account.number().value().toUpperCase(Locale.ROOT));
        }
    }
}
