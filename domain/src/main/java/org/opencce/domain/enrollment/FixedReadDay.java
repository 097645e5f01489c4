package org.opencce.domain.enrollment;

import java.time.LocalDate;
import java.time.YearMonth;
import org.opencce.domain.community.AccountId;

/**
 * A meter-read calendar that reads every account on the same day of each month, {@code dayOfMonth}
 * (1 to 31), or on the month's last day in a month too short for it (day 31 reads on 30 April and on
 * 28 or 29 February). Real utilities read by route on about twenty cycles a month; until the utility's
 * read schedule is imported this is the documented stand-in. Immutable and thread-safe.
 */
public record FixedReadDay(int dayOfMonth) implements MeterReadCalendar {
    public FixedReadDay {
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException("meter-read day of the month must be 1 to 31, was " + dayOfMonth);
        }
    }

    @Override
    public LocalDate nextReadOnOrAfter(AccountId account, LocalDate day) {
        LocalDate read = readIn(YearMonth.from(day));
        return read.isBefore(day) ? readIn(YearMonth.from(day).plusMonths(1)) : read;
    }

    private LocalDate readIn(YearMonth month) {
        return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
    }
}
