package org.opencce.formats.notice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.EnergyPrice;

/**
 * The words of an opt-out notice, merged with one letter's fields: plain US English for a
 * Massachusetts resident, with nothing promised beyond the program's rules (issue 6, section 2:
 * low-income customers keep their discount, net-metered customers keep their credits, opting out is
 * free at any time, a product change takes effect on the next meter-read date). Kept apart from the
 * layout so that the text can be read and tested on its own.
 *
 * <p>A renewal notice ({@link NoticeLetter#isRenewal()}) says instead that the customer stays in their
 * product at its new price and term from the effective date unless they opt out, and how to opt out at no
 * fee, at any time: "You will continue in the same program option at the new price unless you inform the
 * program otherwise", with advance notice and the freedom to opt out or change before the change takes
 * effect, as Massachusetts aggregation programs tell their customers (Mass Power Choice's program-page
 * template, masspowerchoice.com; G. L. c. 164, § 134; D.P.U. 23-67-A). Stateless and thread-safe.
 */
final class NoticeWording {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.US);

    private NoticeWording() {
    }

    /** {@code Wednesday, April 2, 2025}: the deadline, with its weekday so nobody has to look it up. */
    static String longDate(LocalDate day) {
        return LONG_DATE.format(day);
    }

    /** {@code April 2, 2025}. */
    static String date(LocalDate day) {
        return DATE.format(day);
    }

    /**
     * {@code 14.450¢/kWh}: cents per kWh with at least the three decimals Massachusetts supply prices are
     * quoted in, more when the price has them (never rounded).
     */
    static String price(EnergyPrice price) {
        BigDecimal cents = price.centsPerKilowattHour().stripTrailingZeros();
        if (cents.scale() < 3) {
            cents = cents.setScale(3, RoundingMode.UNNECESSARY);
        }
        return cents.toPlainString() + "¢/kWh";
    }

    /** {@code 20%}, {@code 12.5%}: US usage, no space. */
    static String percent(double value) {
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        return (exact.scale() < 0 ? exact.setScale(0, RoundingMode.UNNECESSARY) : exact).toPlainString() + "%";
    }

    /** {@code Jan 2025 – Dec 2026}. */
    static String term(NoticeLetter.Offer offer) {
        return SHORT_MONTH.format(offer.termStart()) + " – " + SHORT_MONTH.format(offer.termEnd());
    }

    /** {@code Feb 1, 2025 – Jul 31, 2025}. */
    static String period(NoticeLetter.BasicServicePrice basicService) {
        return SHORT_DATE.format(basicService.start()) + " – " + SHORT_DATE.format(basicService.end());
    }

    /** The name customers know their utility by, as on their bill's logo. */
    static String utilityName(Utility utility) {
        return utility == Utility.NATIONAL_GRID_MA ? "National Grid" : "Eversource";
    }

    static String headline(NoticeLetter l) {
        if (l.isRenewal()) {
            return "Your " + l.program().name() + " price changes on " + longDate(l.lastDayToOptOut())
                    + ": you stay in " + l.defaultOffer().name() + " unless you opt out";
        }
        return l.program().name() + " will supply your electricity unless you opt out by "
                + longDate(l.lastDayToOptOut());
    }

    /** The account the letter is about, beside the address block: number, utility, rate class. */
    static List<String> accountLines(NoticeLetter l) {
        return List.of("Account number " + l.accountNumber().value(), "Utility: " + utilityName(l.utility()),
                "Rate class " + l.rateClass().code() + ": " + l.rateClass().description());
    }

    static String greeting(NoticeLetter l) {
        return "Dear " + l.recipientName().strip() + ",";
    }

    static List<String> introduction(NoticeLetter l) {
        NoticeLetter.Offer standard = l.defaultOffer();
        String utility = utilityName(l.utility());
        if (l.isRenewal()) {
            return List.of(
                    "Your town has signed a new electricity supply contract for " + l.program().name() + ", its"
                            + " community electricity program (municipal aggregation, G. L. c. 164, § 134). From "
                            + longDate(l.lastDayToOptOut()) + ", your account stays in " + standard.name() + " at "
                            + price(standard.price()) + " for the term " + term(standard) + ". You do not need to do"
                            + " anything to stay in the program.",
                    utility + " will still deliver your electricity, read your meter and send your bill. The new price"
                            + " applies from your first meter reading on or after " + date(l.lastDayToOptOut())
                            + ".");
        }
        return List.of(
                // G. L. c. 164, § 134 is the law that lets towns buy electricity for their residents.
                "Your town has joined " + l.program().name() + ", a community electricity program (municipal"
                        + " aggregation) under Massachusetts law (G. L. c. 164, § 134). Unless you opt out by "
                        + longDate(l.lastDayToOptOut()) + ", your account will be enrolled in " + standard.name()
                        + " at " + price(standard.price()) + ". You do not need to do anything to join.",
                utility + " will still deliver your electricity, read your meter and send your bill. Only the supply"
                        + " part of your bill changes: the program's price takes the place of " + utility
                        + " Basic Service.");
    }

    static String pricesHeading(NoticeLetter l) {
        if (l.isRenewal()) {
            return "Your new supply price, rate class " + l.rateClass().code();
        }
        return "Supply prices for rate class " + l.rateClass().code();
    }

    static List<String> pricesHeader() {
        return List.of("Product", "Renewable energy", "Price", "Term");
    }

    /** One row per product, the default marked, then Basic Service with its period. */
    static List<List<String>> priceRows(NoticeLetter l) {
        List<List<String>> rows = new ArrayList<>();
        for (NoticeLetter.Offer o : l.offers()) {
            String name = l.isRenewal() ? o.name() + " (your product)" : o.isDefault() ? o.name() + " (default)"
                    : o.name();
            rows.add(List.of(name, o.greenContent(), price(o.price()), term(o)));
        }
        rows.add(List.of(utilityName(l.utility()) + " Basic Service", "state minimum",
                price(l.basicService().price()), period(l.basicService())));
        return List.copyOf(rows);
    }

    static String priceNote(NoticeLetter l) {
        if (l.isRenewal()) {
            return "(your product): the product you stay in, at its new price from " + date(l.lastDayToOptOut())
                    + ". Prices are for supply only; " + utilityName(l.utility()) + "'s delivery charges are the same"
                    + " either way. Basic Service prices change during the year; your product's price stays the same"
                    + " for its term. The program cannot promise to cost less than Basic Service at all times.";
        }
        return "(default): the product you are enrolled in if you do nothing. State minimum: the renewable energy"
                + " Massachusetts requires of every supplier; \"+ N%\" adds renewable energy for another N% of your"
                + " use. Prices are for supply only; " + utilityName(l.utility()) + "'s delivery charges are the"
                + " same whichever you choose. Basic Service prices change during the year; each product's price"
                + " stays the same for its term. The program cannot promise to cost less than Basic Service at all"
                + " times.";
    }

    static String optOutHeading(NoticeLetter l) {
        if (l.isRenewal()) {
            return "How to opt out: it is free, at any time";
        }
        return "How to opt out by " + longDate(l.lastDayToOptOut()) + ": it is free";
    }

    static List<String> optOutWays(NoticeLetter l) {
        if (l.isRenewal()) {
            return List.of(
                    "By phone: call " + l.program().phone() + ".",
                    "Online: go to " + l.program().optOutUrl() + " and enter your account number and service ZIP"
                            + " code (the ZIP code where you use the electricity).",
                    "By mail: sign the reply card below and mail it to the address on it.",
                    "To leave before the new price applies, opt out before " + date(l.lastDayToOptOut()) + ".");
        }
        return List.of(
                "By phone: call " + l.program().phone() + ".",
                "Online: go to " + l.program().optOutUrl() + " and enter your account number and service ZIP code"
                        + " (the ZIP code where you use the electricity).",
                "By mail: sign the reply card below and mail it to the address on it. It must reach us by "
                        + date(l.lastDayToOptOut()) + ".");
    }

    static String optOutResult(NoticeLetter l) {
        if (l.isRenewal()) {
            return "If you opt out, " + utilityName(l.utility()) + " returns your account to its Basic Service on a"
                    + " meter-read date, with no fee.";
        }
        return "If you opt out, your account stays on " + utilityName(l.utility()) + " Basic Service.";
    }

    static List<String> goodToKnow(NoticeLetter l) {
        return List.of(
                // Issue 6, "Flag, never exclude": both groups are enrolled and keep what they have.
                "If you receive a low-income discount on your electric bill, you keep it in the program. If you are"
                        + " net-metered (for example, with solar panels), you keep your net metering credits.",
                "You can leave the program at any time later, with no fee, or switch to another of its products."
                        + " A change takes effect on your next meter-read date. Questions? Call "
                        + l.program().phone() + ".");
    }

    static String replyCardTitle(NoticeLetter l) {
        if (l.isRenewal()) {
            return "Opt-out reply card: leave " + l.program().name();
        }
        return "Opt-out reply card: " + l.program().name();
    }

    static List<String> replyCard(NoticeLetter l) {
        if (l.isRenewal()) {
            return List.of(
                    "I want my account to leave " + l.program().name() + " and return to " + utilityName(l.utility())
                            + " Basic Service.",
                    "Name: " + l.recipientName().strip() + "     Account number: " + l.accountNumber().value(),
                    "Signature: ______________________________     Date: ______________",
                    "Mail to: " + l.program().name() + ", " + String.join(", ", l.program().returnAddress()) + ".");
        }
        return List.of(
                "I do not want my account to join " + l.program().name() + ". Keep it on " + utilityName(l.utility())
                        + " Basic Service.",
                "Name: " + l.recipientName().strip() + "     Account number: " + l.accountNumber().value(),
                "Signature: ______________________________     Date: ______________",
                "Mail to: " + l.program().name() + ", " + String.join(", ", l.program().returnAddress())
                        + ", by " + date(l.lastDayToOptOut()) + ".");
    }

    static String mailed(NoticeLetter l) {
        return "Mailed " + date(l.mailingDate());
    }
}
