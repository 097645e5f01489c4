package org.opencce.domain.enrollment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opencce.domain.community.Account;

/**
 * The figures of {@code opencce enrollment status} and the campaign dashboard: accounts by enrollment
 * state, and how many eligible accounts are low-income or net-metered, for the whole program and for each
 * town (keyed by the town as the account gives it, sorted). Eligible here means on the list in a member
 * town on Basic Service when last listed, whatever the customer did since: every state but
 * {@link EnrollmentState#COMPETITIVE} and {@link EnrollmentState#INELIGIBLE}, so that an opted-out
 * low-income customer still counts among the eligible and the share enrolled shows participation.
 * Immutable and thread-safe.
 */
public record EnrollmentCounts(Tally total, SortedMap<String, Tally> byTown) {

    public EnrollmentCounts {
        Objects.requireNonNull(total, "total");
        byTown = Collections.unmodifiableSortedMap(new TreeMap<>(byTown));
    }

    /** One account and its enrollment. */
    public record Entry(Account account, Enrollment enrollment) {
        public Entry {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(enrollment, "enrollment");
            if (!account.id().equals(enrollment.account())) {
                throw new IllegalArgumentException("the enrollment of account " + enrollment.account()
                        + " was paired with account " + account.id());
            }
        }
    }

    /**
     * Counts for a set of accounts. {@code byState} has every state, zero included, so a report always has
     * the same keys. {@code enrolledLowIncome} and {@code enrolledNetMetered} count those in
     * {@link EnrollmentState#ENROLLED}, for the participation of low-income customers.
     */
    public record Tally(Map<EnrollmentState, Integer> byState, int eligibleLowIncome, int eligibleNetMetered,
            int enrolledLowIncome, int enrolledNetMetered) {
        public Tally {
            byState = Collections.unmodifiableMap(new EnumMap<>(byState));
        }

        /** How many accounts are in {@code state}. */
        public int count(EnrollmentState state) {
            return byState.getOrDefault(state, 0);
        }

        /** How many accounts in all. */
        public int accounts() {
            return byState.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The counts of these accounts. */
    public static EnrollmentCounts of(List<Entry> entries) {
        Counter total = new Counter();
        Map<String, Counter> towns = new TreeMap<>();
        for (Entry entry : entries) {
            total.add(entry);
            towns.computeIfAbsent(entry.account().town(), t -> new Counter()).add(entry);
        }
        SortedMap<String, Tally> byTown = new TreeMap<>();
        towns.forEach((town, counter) -> byTown.put(town, counter.tally()));
        return new EnrollmentCounts(total.tally(), byTown);
    }

    private static final class Counter {
        private final Map<EnrollmentState, Integer> byState = new EnumMap<>(EnrollmentState.class);
        private int eligibleLowIncome;
        private int eligibleNetMetered;
        private int enrolledLowIncome;
        private int enrolledNetMetered;

        Counter() {
            for (EnrollmentState state : EnrollmentState.values()) {
                byState.put(state, 0);
            }
        }

        void add(Entry entry) {
            EnrollmentState state = entry.enrollment().state();
            byState.merge(state, 1, Integer::sum);
            boolean eligible = state != EnrollmentState.COMPETITIVE && state != EnrollmentState.INELIGIBLE;
            boolean enrolled = state == EnrollmentState.ENROLLED;
            Account account = entry.account();
            eligibleLowIncome += eligible && account.lowIncome() ? 1 : 0;
            eligibleNetMetered += eligible && account.netMetered() ? 1 : 0;
            enrolledLowIncome += enrolled && account.lowIncome() ? 1 : 0;
            enrolledNetMetered += enrolled && account.netMetered() ? 1 : 0;
        }

        Tally tally() {
            return new Tally(byState, eligibleLowIncome, eligibleNetMetered, enrolledLowIncome, enrolledNetMetered);
        }
    }
}
