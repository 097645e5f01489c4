package org.opencce.domain.enrollment;

import java.time.LocalDate;
import org.opencce.domain.community.AccountId;

/**
 * When the utility reads an account's meter. A product change takes effect on the next meter-read date
 * (issue 6, section 2), the day a utility switches an account's supply. Implementations are thread-safe.
 */
public interface MeterReadCalendar {

    /** The first meter-read date of {@code account} on or after {@code day}. */
    LocalDate nextReadOnOrAfter(AccountId account, LocalDate day);

    /**
     * The effective date of a product change requested on {@code requestedOn}: the first read after that
     * day. A read on the request day itself may already have been taken when the request arrives, so the
     * change waits for the following one.
     */
    default LocalDate effectiveDateOfChange(AccountId account, LocalDate requestedOn) {
        return nextReadOnOrAfter(account, requestedOn.plusDays(1));
    }
}
