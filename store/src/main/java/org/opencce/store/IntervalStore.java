package org.opencce.store;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.time.IntervalSeries;

/**
 * Interval data (meter reads, hourly profiles) as Parquet files under {@code <data-dir>/intervals/},
 * one folder per local calendar month, long format {@code (account_id, interval_start, kwh, quality)}
 * sorted by account then time, read and written through DuckDB. Thread-safe.
 */
public interface IntervalStore {

    /** A writer for a batch of series; nothing is visible to readers until {@link IntervalWriter#commit()}. */
    IntervalWriter writer();

    /** The hourly reads of one account in {@code [from, to)}; hours without a read are {@code MISSING}. */
    IntervalSeries hourly(AccountId account, Instant from, Instant to);

    /**
     * The hourly sums of kWh over groups of accounts in {@code [from, to)}: element {@code [g][h]} is
     * the total of group {@code g} in hour {@code h} from {@code from}. Accounts not in
     * {@code groupOf} are left out. This is the community load path the console and the CLI use.
     */
    double[][] hourlyTotals(Map<AccountId, Integer> groupOf, int groupCount, Instant from, Instant to);

    /** The months that have data, oldest first. */
    List<YearMonth> months();

    /** The number of stored reads. */
    long countReads();

    /**
     * Removes every read of the given accounts, atomically per month; a month left without reads is
     * deleted. Returns the number of reads removed.
     */
    long deleteAccounts(Collection<AccountId> accounts);

    /** Collects series and writes them as Parquet on commit, atomically per month. */
    interface IntervalWriter extends AutoCloseable {

        /**
         * Adds a series of one account. Reads for an (account, interval start) already stored are
         * replaced on commit; others are kept.
         */
        void append(AccountId account, IntervalSeries series);

        /** Writes everything appended; a failure leaves the stored months as they were. */
        void commit();

        /** Discards what was not committed. */
        @Override
        void close();
    }
}
