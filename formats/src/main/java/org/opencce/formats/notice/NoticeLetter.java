package org.opencce.formats.notice;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.rates.BasicServiceRate;
import org.opencce.domain.units.EnergyPrice;

/**
 * Everything one opt-out notice shows, merged for one customer (issue 6, "Notices": before launch every
 * eligible customer is mailed a notice with the products and prices beside Basic Service, how to opt
 * out, and the window's last day). {@link NoticeLetterPdfWriter} lays it out; {@link MailingManifestCsvWriter}
 * lists it for the mail house. See {@code docs/formats/notice-letters.md}.
 *
 * <p>{@code mailingDate} is the day the letters are mailed, from which the opt-out window runs;
 * {@code lastDayToOptOut} is the window's last day, after the mailing date. {@code recipientName} and
 * {@code mailingAddress} are where the letter goes ({@link Account#noticeAddress()}): personal
 * information. {@code offers} are the program's products for the customer's rate class, exactly one of
 * them the default a customer who does not opt out is enrolled in; {@code basicService} is the
 * utility's Basic Service price for that class, with its period, to compare them with.
 *
 * <p>A <em>renewal</em> letter ({@code renewal} present, {@link #forRenewal}) tells a customer the
 * program supplies, or is enrolling, that at a new supply contract they stay in their product at its new
 * price and term from the effective date unless they opt out, at no fee (issue 6, section 2: "at contract
 * renewal customers stay in their product at the new price, after notice"). Its {@code offers} hold that
 * one product, at its new price and term; {@code lastDayToOptOut} is the effective date, since a customer
 * may leave at any time and no window closes. Immutable and thread-safe.
 */
public record NoticeLetter(
        ProgramContact program,
        LocalDate mailingDate,
        LocalDate lastDayToOptOut,
        String recipientName,
        MailingAddress mailingAddress,
        Utility utility,
        UtilityAccountNumber accountNumber,
        RateClass rateClass,
        List<Offer> offers,
        BasicServicePrice basicService,
        Optional<Renewal> renewal) {

    /**
     * The most lines the address block may have, the name included: what the 1-inch-tall window of a #10
     * envelope shows in type of 10 points on 12 (see {@link NoticeLetterPdfWriter}).
     */
    public static final int MAX_ADDRESS_LINES = 6;

    public NoticeLetter {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(mailingDate, "mailingDate");
        Objects.requireNonNull(lastDayToOptOut, "lastDayToOptOut");
        Objects.requireNonNull(recipientName, "recipientName");
        Objects.requireNonNull(mailingAddress, "mailingAddress");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(rateClass, "rateClass");
        Objects.requireNonNull(basicService, "basicService");
        Objects.requireNonNull(renewal, "renewal");
        offers = List.copyOf(offers);
        if (renewal.isPresent() && offers.size() != 1) {
            throw new IllegalArgumentException("renewal notice to account " + accountNumber + ": it names the one"
                    + " product the customer stays in, was given " + offers.size());
        }
        if (renewal.isPresent() && !renewal.get().effective().equals(lastDayToOptOut)) {
            throw new IllegalArgumentException("renewal notice to account " + accountNumber + ": the date it takes"
                    + " effect (" + renewal.get().effective() + ") and the letter's date (" + lastDayToOptOut
                    + ") must be one day");
        }
        if (!lastDayToOptOut.isAfter(mailingDate)) {
            throw new IllegalArgumentException(renewal.isPresent()
                    ? "renewal notice to account " + accountNumber + ": the new price's effective date ("
                            + lastDayToOptOut + ") must come after the mailing date (" + mailingDate + ")"
                    : "notice to account " + accountNumber + ": the last day to opt out (" + lastDayToOptOut
                            + ") must come after the mailing date (" + mailingDate + ")");
        }
        if (recipientName.isBlank()) {
            throw new IllegalArgumentException("notice to account " + accountNumber
                    + ": the recipient's name must not be blank");
        }
        int lines = 1 + mailingAddress.lines().size();
        if (lines > MAX_ADDRESS_LINES) {
            throw new IllegalArgumentException("notice to account " + accountNumber + ": the address block has "
                    + lines + " lines (the name and " + (lines - 1) + " of address); an envelope window holds at most "
                    + MAX_ADDRESS_LINES);
        }
        long defaults = offers.stream().filter(Offer::isDefault).count();
        if (defaults != 1) {
            throw new IllegalArgumentException("notice to account " + accountNumber + ": exactly one product must be"
                    + " the default a customer who does not opt out is enrolled in; " + defaults + " of "
                    + offers.size() + " are");
        }
    }

    /** An opt-out notice (not a renewal). */
    public NoticeLetter(ProgramContact program, LocalDate mailingDate, LocalDate lastDayToOptOut, String recipientName,
            MailingAddress mailingAddress, Utility utility, UtilityAccountNumber accountNumber, RateClass rateClass,
            List<Offer> offers, BasicServicePrice basicService) {
        this(program, mailingDate, lastDayToOptOut, recipientName, mailingAddress, utility, accountNumber, rateClass,
                offers, basicService, Optional.empty());
    }

    /**
     * The renewal notice for {@code account} (to its {@link Account#noticeAddress() notice address}): it
     * stays in {@code product}, at the product's price and term as the program now has them, from
     * {@code effective} on, unless the customer opts out.
     */
    public static NoticeLetter forRenewal(ProgramContact program, LocalDate mailingDate, LocalDate effective,
            Account account, Product product, BasicServicePrice basicService) {
        Offer offer = Offer.of(product);
        Offer theirs = new Offer(offer.name(), offer.greenContent(), offer.price(), offer.termStart(), offer.termEnd(),
                true);
        return new NoticeLetter(program, mailingDate, effective, account.customerName(), account.noticeAddress(),
                account.utility(), account.number(), account.rateClass(), List.of(theirs), basicService,
                Optional.of(new Renewal(effective)));
    }

    /** Whether this is a renewal notice rather than an opt-out notice. */
    public boolean isRenewal() {
        return renewal.isPresent();
    }

    /**
     * What makes a letter a renewal notice: {@code effective}, the day from which the new price applies
     * (the utility switches it on the account's first meter read on or after that day). Immutable.
     */
    public record Renewal(LocalDate effective) {
        public Renewal {
            Objects.requireNonNull(effective, "effective");
        }
    }

    /**
     * The notice for {@code account}, mailed to its {@link Account#noticeAddress() notice address}: the
     * mailing address when the customer list gave one, otherwise the service address.
     *
     * @param products the program's products offered to the account's rate class, in the order to show them
     */
    public static NoticeLetter forAccount(ProgramContact program, LocalDate mailingDate, LocalDate lastDayToOptOut,
            Account account, List<Product> products, BasicServicePrice basicService) {
        return new NoticeLetter(program, mailingDate, lastDayToOptOut, account.customerName(),
                account.noticeAddress(), account.utility(), account.number(), account.rateClass(),
                products.stream().map(Offer::of).toList(), basicService);
    }

    /** The address block of the envelope window: the name, then the address's lines. */
    public List<String> addressLines() {
        List<String> lines = new ArrayList<>();
        lines.add(recipientName.strip());
        lines.addAll(mailingAddress.lines());
        return List.copyOf(lines);
    }

    /** The product a customer who does not opt out is enrolled in. */
    public Offer defaultOffer() {
        return offers.stream().filter(Offer::isDefault).findFirst().orElseThrow();
    }

    /**
     * Who sends the letters and how customers reach them: the program's name, public phone, email and
     * web site, the page where customers opt out online ({@code optOutUrl}), and the return address
     * (1 to 4 lines) where reply cards are mailed. Immutable and thread-safe.
     */
    public record ProgramContact(String name, String phone, String email, String website, String optOutUrl,
            List<String> returnAddress) {
        public ProgramContact {
            requireText(name, "program name");
            requireText(phone, "program phone");
            requireText(email, "program email");
            requireText(website, "program web site");
            requireText(optOutUrl, "opt-out page");
            returnAddress = List.copyOf(returnAddress);
            if (returnAddress.isEmpty() || returnAddress.size() > 4) {
                throw new IllegalArgumentException("the return address must have 1 to 4 lines, has "
                        + returnAddress.size() + ": " + returnAddress);
            }
            for (String line : returnAddress) {
                requireText(line, "return address line");
            }
            if (!email.contains("@")) {
                throw new IllegalArgumentException("program email must be an email address, was '" + email + "'");
            }
        }
    }

    /**
     * A product as the letter shows it: its name, its renewable content in words ({@code "state minimum +
     * 20%"}), its price, its term (both months inclusive), and whether it is the default.
     * Immutable and thread-safe.
     */
    public record Offer(String name, String greenContent, EnergyPrice price, YearMonth termStart, YearMonth termEnd,
            boolean isDefault) {
        public Offer {
            requireText(name, "product name");
            requireText(greenContent, "renewable content of " + name);
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(termStart, "termStart");
            Objects.requireNonNull(termEnd, "termEnd");
            if (termEnd.isBefore(termStart)) {
                throw new IllegalArgumentException("product " + name + ": term ends (" + termEnd
                        + ") before it starts (" + termStart + ")");
            }
        }

        /** The product as a customer reads it, its renewable content put in words. */
        public static Offer of(Product product) {
            return new Offer(product.name(), inWords(product.greenContent()), product.price(), product.termStart(),
                    product.termEnd(), product.isDefault());
        }

        /**
         * Renewable content as the price table shows it: {@code state minimum}, {@code state minimum + 20%},
         * {@code 100%}. "Points" are percentage points of Class I renewable energy certificates above the
         * state's minimum (225 CMR 14), which a customer reads best as an extra percentage of their use.
         */
        static String inWords(GreenContent content) {
            if (content instanceof GreenContent.MinimumPlus) {
                return "state minimum + " + NoticeWording.percent(((GreenContent.MinimumPlus) content).points());
            }
            if (content instanceof GreenContent.Absolute) {
                return NoticeWording.percent(((GreenContent.Absolute) content).percent().value());
            }
            return "state minimum";
        }
    }

    /**
     * The utility's Basic Service supply price for the customer's rate class over a period (both days
     * inclusive): the benchmark the letter compares every product with. Immutable and thread-safe.
     */
    public record BasicServicePrice(EnergyPrice price, LocalDate start, LocalDate end) {
        public BasicServicePrice {
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("Basic Service price period ends (" + end + ") before it starts ("
                        + start + ")");
            }
        }

        public static BasicServicePrice of(BasicServiceRate rate) {
            return new BasicServicePrice(rate.price(), rate.start(), rate.end());
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, was " + (value == null ? "null"
                    : "'" + value + "'"));
        }
    }
}
