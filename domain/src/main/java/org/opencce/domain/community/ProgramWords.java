package org.opencce.domain.community;

import java.util.List;
import java.util.Locale;

/** How the values of a program read in the words of a {@link ProgramChange}. Stateless and thread-safe. */
final class ProgramWords {
    private ProgramWords() {
    }

    static String town(Town town) {
        return town.utility().displayName() + ", load zone " + town.loadZone().name() + ", population "
                + count(town.population());
    }

    static String product(Product p) {
        return p.greenContent().describe() + ", local share " + percent(p.localContent().value()) + ", "
                + price(p) + ", " + term(p) + (p.illustrative() ? ", illustrative price" : "");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A percentage without a needless ".0": 10 %, 12.5 %. */
    static String percent(double value) {
        return (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)) + " %";
    }

    /** The price as quoted, with its decimals: 14.450 ¢/kWh. */
    static String price(Product p) {
        return p.price().centsPerKilowattHour().toPlainString() + " ¢/kWh";
    }

    static String term(Product p) {
        return p.termStart() + " to " + p.termEnd();
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    static void compare(List<String> fields, String field, String before, String after) {
        if (!before.equals(after)) {
            fields.add(field + " " + before + " → " + after);
        }
    }
}
