package org.opencce.app.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

/**
 * How numbers and dates read on the pages (US English): energy with thousands separators, prices
 * in ¢/kWh to three decimals as Massachusetts quotes them, dates like "Feb 3, 2025". Stateless and
 * thread-safe.
 */
final class Display {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("EEE MMM d, h a", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.US);
    private static final DateTimeFormatter CHART_HOUR = DateTimeFormatter.ofPattern("EEE MMM d HH:mm", Locale.US);

    private Display() {
    }

    /** "1,234 kWh"; below 100 kWh with one decimal ("12.3 kWh"). */
    static String kwh(double kwh) {
        return (Math.abs(kwh) < 100 ? String.format(Locale.US, "%,.1f", kwh) : String.format(Locale.US, "%,.0f", kwh))
                + " kWh";
    }

    /** "12.3 MWh" from kWh; below 1 MWh with three decimals. */
    static String mwh(double kwh) {
        double mwh = kwh / 1000.0;
        return (Math.abs(mwh) < 1 ? String.format(Locale.US, "%,.3f", mwh) : String.format(Locale.US, "%,.1f", mwh))
                + " MWh";
    }

    /** An amount of energy in the unit that reads best: "413 kWh" below 1 MWh, else "12.3 MWh". */
    static String energy(double kwh) {
        return Math.abs(kwh) < 1000 ? kwh(kwh) : mwh(kwh);
    }

    /** "14.450 ¢/kWh". */
    static String price(EnergyPrice price) {
        return cents(price.centsPerKilowattHour()) + " ¢/kWh";
    }

    /** "14.450": cents to three decimals. */
    static String cents(BigDecimal cents) {
        return cents.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** "47 %", "12.5 %". */
    static String percent(Percent p) {
        return number(p.value()) + " %";
    }

    /** "3.1 %" with one decimal, for shares and price differences. */
    static String percentOneDecimal(double value) {
        return String.format(Locale.US, "%.1f %%", value);
    }

    /** A number without a trailing ".0": 27 or 27.5. */
    static String number(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.US, "%,d", (long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** "39,263". */
    static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    /** "Jan 5, 2025, 10:00 AM": an instant in Massachusetts time. */
    static String dateTime(Instant at) {
        return DATE_TIME.format(LocalCalendar.local(at));
    }

    static String longDate(LocalDate d) {
        return LONG_DATE.format(d);
    }

    static String month(YearMonth m) {
        return MONTH.format(m);
    }

    /** "Mon Feb 3, 5 PM": an hour's start in local time. */
    static String hour(LocalDateTime t) {
        return HOUR.format(t);
    }

    /** "Mon Feb 3 17:00": a compact hour label for chart axes. */
    static String chartHour(LocalDateTime t) {
        return CHART_HOUR.format(t);
    }

    /** "Amherst, Northampton and Pelham". */
    static String list(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** "Jan 2025 – Dec 2025", or one month alone. */
    static String monthRange(YearMonth first, YearMonth last) {
        return first.equals(last) ? month(first) : month(first) + " – " + month(last);
    }
}
