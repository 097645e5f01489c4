package org.opencce.domain.enrollment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
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

        /**
         * The accounts the campaign has reached: every state but {@link EnrollmentState#ELIGIBLE} (no notice
         * mailed yet), {@link EnrollmentState#COMPETITIVE} (never sent a notice) and
         * {@link EnrollmentState#INELIGIBLE} (out of the program's reach): that is, {@code notified} and every
         * state that can only follow a notice or a customer's own request.
         */
        public int reached() {
            return accounts() - count(EnrollmentState.ELIGIBLE) - count(EnrollmentState.COMPETITIVE)
                    - count(EnrollmentState.INELIGIBLE);
        }

        /**
         * The opt-out rate ({@code docs/enrollment.md}, "Campaign figures"): accounts now
         * {@link EnrollmentState#OPTED_OUT} out of those {@link #reached()}. A customer who opts out after
         * being enrolled is dropped ({@code dropping}, then {@code dropped}) and counts as a drop, not here.
         */
        public Share optOutRate() {
            return new Share(count(EnrollmentState.OPTED_OUT), reached());
        }

        /** Low-income participation: enrolled low-income accounts out of eligible low-income accounts. */
        public Share lowIncomeParticipation() {
            return new Share(enrolledLowIncome, eligibleLowIncome);
        }

        /** Net-metered participation: enrolled net-metered accounts out of eligible net-metered accounts. */
        public Share netMeteredParticipation() {
            return new Share(enrolledNetMetered, eligibleNetMetered);
        }

        /** The counts of both sets of accounts together (for groups shown as one, such as to a viewer). */
        public Tally plus(Tally other) {
            Map<EnrollmentState, Integer> sum = new EnumMap<>(EnrollmentState.class);
            for (EnrollmentState state : EnrollmentState.values()) {
                sum.put(state, count(state) + other.count(state));
            }
            return new Tally(sum, eligibleLowIncome + other.eligibleLowIncome,
                    eligibleNetMetered + other.eligibleNetMetered, enrolledLowIncome + other.enrolledLowIncome,
                    enrolledNetMetered + other.enrolledNetMetered);
        }

        /** Counts with no account, every state present with zero. */
        public static Tally empty() {
            return new Counter().tally();
        }
    }

    /**
     * {@code part} accounts out of {@code whole}: a rate or a participation. There is no percentage when
     * {@code whole} is zero (nobody to count), which pages show as a dash rather than 0 %.
     */
    public record Share(int part, int whole) {
        public Share {
            if (part < 0 || whole < 0 || part > whole) {
                throw new IllegalArgumentException("a share is 0 <= part <= whole, was " + part + " of " + whole);
            }
        }

        /** The share in percent, empty when {@code whole} is zero. */
        public OptionalDouble percent() {
            return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * part / whole);
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

    /** Adds up accounts into a {@link Tally}; not thread-safe. */
    static final class Counter {
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
            add(entry.enrollment().state(), entry.account().lowIncome(), entry.account().netMetered(), 1);
        }

        /** Adds {@code n} accounts in {@code state} with these flags. */
        void add(EnrollmentState state, boolean lowIncome, boolean netMetered, int n) {
            byState.merge(state, n, Integer::sum);
            boolean eligible = state != EnrollmentState.COMPETITIVE && state != EnrollmentState.INELIGIBLE;
            boolean enrolled = state == EnrollmentState.ENROLLED;
            eligibleLowIncome += eligible && lowIncome ? n : 0;
            eligibleNetMetered += eligible && netMetered ? n : 0;
            enrolledLowIncome += enrolled && lowIncome ? n : 0;
            enrolledNetMetered += enrolled && netMetered ? n : 0;
        }

        Tally tally() {
            return new Tally(byState, eligibleLowIncome, eligibleNetMetered, enrolledLowIncome, enrolledNetMetered);
        }
    }
}
