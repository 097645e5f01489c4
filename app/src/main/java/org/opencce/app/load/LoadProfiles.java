package org.opencce.app.load;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.load.Grouping;
import org.opencce.domain.load.LoadProfile;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.store.AccountStore;
import org.opencce.store.IntervalStore;
import org.opencce.store.ProgramStore;

/**
 * Community load by town, rate class or product: maps each account to its group (from the records)
 * and lets the interval store add up the hourly reads. A period is a run of local days
 * {@code [from, to)}; it must lie within the months that have interval data (give or take
 * {@value #SLACK_DAYS} days, so that a Monday-to-Sunday week holding a day of data is accepted),
 * otherwise {@link PeriodOutsideData} says which days there are; callers facing the network bound
 * the length too (the console serves at most 93 days hour by hour). Results are cached per
 * (program, grouping, period), least recently used first out, at most
 * {@value #MAX_CACHED_PROFILES} profiles and {@value #MAX_CACHED_VALUES} hourly values (8 bytes each)
 * in all, until {@link #invalidate()} is called after new interval data or account changes.
 * Thread-safe.
 */
public final class LoadProfiles {
    /** How far a period may reach beyond the data on either side, so that whole weeks can be shown. */
    public static final int SLACK_DAYS = 6;
    static final int MAX_CACHED_PROFILES = 64;
    /** 4 million doubles, 32 MB: about a year of hourly load for 450 groups. */
    static final long MAX_CACHED_VALUES = 4_000_000;

    private final ProgramStore programs;
    private final AccountStore accounts;
    private final IntervalStore intervals;
    /** Access-ordered: iteration starts at the least recently used profile. Guarded by itself. */
    private final LinkedHashMap<Key, LoadProfile> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedValues;

    public LoadProfiles(ProgramStore programs, AccountStore accounts, IntervalStore intervals) {
        this.programs = programs;
        this.accounts = accounts;
        this.intervals = intervals;
    }

    /** The local days that have interval data: the whole months from the first to the last with data. */
    public record DataPeriod(LocalDate first, LocalDate last) {
        @Override
        public String toString() {
            return first + " to " + last;
        }
    }

    /** A period the interval data cannot answer: outside the data, or no data at all. */
    public static final class PeriodOutsideData extends OpenCceException {
        private static final long serialVersionUID = 1L;

        PeriodOutsideData(String message) {
            super(message);
        }
    }

    /** The days with interval data; empty before any usage is imported. */
    public Optional<DataPeriod> dataPeriod() {
        List<YearMonth> months = intervals.months();
        if (months.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DataPeriod(months.get(0).atDay(1), months.get(months.size() - 1).atEndOfMonth()));
    }

    /**
     * Checks that the local days {@code [from, to)} can be served.
     *
     * @throws PeriodOutsideData with a message that names the days with data
     */
    public void checkPeriod(LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            throw new PeriodOutsideData("the period must end after it starts: " + from + " to " + to
                    + " (the end is the first day not included)");
        }
        DataPeriod data = dataPeriod().orElseThrow(() -> new PeriodOutsideData(
                "there is no interval data yet; import usage (or run 'opencce demo') first"));
        // Comparisons only: a date like +999999999-12-31 must not reach date arithmetic that overflows.
        LocalDate earliest = data.first().minusDays(SLACK_DAYS);
        LocalDate latest = data.last().plusDays(1 + SLACK_DAYS);
        if (from.isBefore(earliest) || to.isAfter(latest)) {
            throw new PeriodOutsideData("the interval data covers " + data + "; the period " + from + " to "
                    + to + " (exclusive) is outside it. Choose days within the data (a period may reach "
                    + SLACK_DAYS + " days beyond it, to show whole weeks).");
        }
    }

    /**
     * The hourly load of each group of the program's accounts over the local days {@code [from, to)}.
     *
     * @throws PeriodOutsideData when {@link #checkPeriod} refuses the period
     */
    public LoadProfile profile(ProgramId program, Grouping grouping, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        Key key = new Key(program, grouping, from, to);
        synchronized (cache) {
            LoadProfile cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Computed outside the lock, so that one slow query does not hold up every other request; two
        // requests for the same new period may both compute it, which costs time, not correctness.
        LoadProfile computed = compute(program, grouping, from, to);
        remember(key, computed);
        return computed;
    }

    /** Forgets cached profiles; call after importing usage or changing accounts. */
    public void invalidate() {
        synchronized (cache) {
            cache.clear();
            cachedValues = 0;
        }
    }

    /** How many profiles are cached (for tests and diagnostics). */
    public int cachedProfiles() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private void remember(Key key, LoadProfile profile) {
        long values = (long) profile.groups().size() * profile.hours();
        if (values > MAX_CACHED_VALUES) {
            return;
        }
        synchronized (cache) {
            LoadProfile previous = cache.put(key, profile);
            if (previous != null) {
                cachedValues -= weight(previous);
            }
            cachedValues += values;
            Iterator<LoadProfile> eldestFirst = cache.values().iterator();
            while ((cache.size() > MAX_CACHED_PROFILES || cachedValues > MAX_CACHED_VALUES) && eldestFirst.hasNext()) {
                LoadProfile evicted = eldestFirst.next();
                eldestFirst.remove();
                cachedValues -= weight(evicted);
            }
        }
    }

    private static long weight(LoadProfile profile) {
        return (long) profile.groups().size() * profile.hours();
    }

    private LoadProfile compute(ProgramId program, Grouping grouping, LocalDate from, LocalDate to) {
        Map<ProductId, String> productNames = new HashMap<>();
        for (Product p : programs.products(program)) {
            productNames.put(p.id(), p.name());
        }
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        Map<AccountId, Integer> groupOf = new HashMap<>();
        List<Account> all = accounts.all(program);
        all.stream().map(a -> grouping.groupOf(a, productNames)).sorted().distinct()
                .forEach(name -> groupIndex.put(name, groupIndex.size()));
        for (Account a : all) {
            groupOf.put(a.id(), groupIndex.get(grouping.groupOf(a, productNames)));
        }
        double[][] totals = intervals.hourlyTotals(groupOf, groupIndex.size(), LocalCalendar.startOfDay(from),
                LocalCalendar.startOfDay(to));
        return new LoadProfile(List.copyOf(groupIndex.keySet()), LocalCalendar.startOfDay(from), totals);
    }

    private record Key(ProgramId program, Grouping grouping, LocalDate from, LocalDate to) {
    }
}
