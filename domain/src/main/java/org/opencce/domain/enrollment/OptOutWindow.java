package org.opencce.domain.enrollment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The opt-out window an opt-out notice opens: {@code days} calendar days that run from the mailing
 * date. Customers may opt out at any time (D.P.U. 23-67-A), but only after the window has closed is an
 * account enrolled without having asked (G. L. c. 164, § 134(a): enrollment on an opt-out basis, after
 * notice).
 *
 * <p>How the days are counted. Thirty days is the length Massachusetts aggregations give (program plans
 * and the program file's default, issue 6); the text of D.P.U. 23-67-A at hand does not say whether the
 * mailing day or the last day counts. We count as Massachusetts counts periods in court (Mass. R. Civ.
 * P. 6(a)): the mailing day is not counted and the last day is. A notice mailed on 1 March with a
 * 30-day window closes on 31 March; an opt-out dated 31 March is in time, and the account may be enrolled
 * from 1 April. Unlike Rule 6(a) the window is not stretched when its last day is a weekend or holiday:
 * the last day is printed on the letter, and a printed date must not move. Immutable and thread-safe.
 */
public record OptOutWindow(int days) {
    /** The window Massachusetts aggregations give, and the program file's default. */
    public static final int DEFAULT_DAYS = 30;
    /** A 30-day window. */
    public static final OptOutWindow DEFAULT = new OptOutWindow(DEFAULT_DAYS);

    public OptOutWindow {
        // the program file sets the length (30 by default); a window of more than a year is a mistake, not a plan
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("opt-out window must be 1 to 366 days, was " + days);
        }
    }

    /** The last day of the window, inclusive: {@code days} days after the mailing date. */
    public static LocalDate closesOn(LocalDate mailingDate, int days) {
        return new OptOutWindow(days).closesOn(mailingDate);
    }

    /** The last day of the window a notice mailed on {@code mailingDate} opens, inclusive. */
    public LocalDate closesOn(LocalDate mailingDate) {
        Objects.requireNonNull(mailingDate, "mailingDate");
        return mailingDate.plusDays(days);
    }

    /** Whether {@code day} lies in the window: from the mailing date to its last day, both inclusive. */
    public boolean isOpen(LocalDate mailingDate, LocalDate day) {
        return !day.isBefore(mailingDate) && !day.isAfter(closesOn(mailingDate));
    }

    /** Whether the window has closed by {@code day}: an account may be enrolled from the day after its last. */
    public boolean hasClosed(LocalDate mailingDate, LocalDate day) {
        return day.isAfter(closesOn(mailingDate));
    }
}
