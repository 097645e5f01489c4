package org.opencce.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.PostalAddress;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramContact;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

/**
 * The canonical fixture community every module's tests reuse: Valley Green Energy with its three
 * towns, four products and a handful of named accounts. Shared as the domain module's test jar.
 */
public final class Fixtures {
    public static final ProgramId VALLEY = new ProgramId("valley-green-energy");
    public static final LocalDate LAUNCH = LocalDate.of(2025, 1, 1);

    public static final ProductId BASIC = new ProductId("basic");
    public static final ProductId STANDARD = new ProductId("standard");
    public static final ProductId GREEN_100 = new ProductId("green-100");
    public static final ProductId LOCAL_GREEN = new ProductId("local-green");

    /** Amherst, R-1, on the default Standard product. */
    public static final AccountId ALICE = new AccountId(1);
    /** Amherst, R-2 low-income, on Basic Service (opted out). */
    public static final AccountId BOB = new AccountId(2);
    /** Northampton, R-1, net-metered solar, on 100 % Green. */
    public static final AccountId CAROL = new AccountId(3);
    /** Northampton, G-1 bakery with a competitive supplier. */
    public static final AccountId DELI = new AccountId(4);
    /** Pelham, R-3 electric heat, on Local Green. */
    public static final AccountId ERIN = new AccountId(5);

    private Fixtures() {
    }

    public static Program valleyProgram() {
        return new Program(VALLEY, "Valley Green Energy", "Amherst", List.of(
                new Town("Amherst", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 39_263),
                new Town("Northampton", Utility.NATIONAL_GRID_MA, LoadZone.WCMA, 29_571),
                new Town("Pelham", Utility.EVERSOURCE_WMA, LoadZone.WCMA, 1_280)), LAUNCH);
    }

    /**
     * The public contact of Valley Green Energy: plainly fictitious (a 555-01xx number, which the North
     * American Numbering Plan keeps for fiction, and example.org, which RFC 2606 reserves).
     */
    public static ProgramContact valleyContact() {
        return new ProgramContact("413-555-0142", "info@valleygreen.example.org", "https://valleygreen.example.org",
                new PostalAddress("PO Box 555", "Amherst", "MA", "01004"));
    }

    /** The program with its contact and the default 30-day opt-out window, and its four products. */
    public static ProgramDefinition valleyDefinition() {
        Program p = valleyProgram();
        return new ProgramDefinition(new Program(p.id(), p.name(), p.leadTown(), p.towns(), p.launchDate(),
                Optional.of(valleyContact()), Program.DEFAULT_OPT_OUT_WINDOW_DAYS), valleyProducts());
    }

    public static List<Product> valleyProducts() {
        YearMonth from = YearMonth.of(2025, 1);
        YearMonth to = YearMonth.of(2026, 12);
        return List.of(
                new Product(BASIC, VALLEY, "Valley Basic", new GreenContent.StateMinimum(), Percent.ZERO,
                        EnergyPrice.ofCentsPerKilowattHour("13.950"), from, to, false, true),
                new Product(STANDARD, VALLEY, "Valley Standard", new GreenContent.MinimumPlus(20), Percent.of(5),
                        EnergyPrice.ofCentsPerKilowattHour("14.450"), from, to, true, true),
                new Product(GREEN_100, VALLEY, "Valley 100% Green", new GreenContent.Absolute(Percent.HUNDRED),
                        Percent.of(10), EnergyPrice.ofCentsPerKilowattHour("15.950"), from, to, false, true),
                new Product(LOCAL_GREEN, VALLEY, "Valley Local Green", new GreenContent.MinimumPlus(50), Percent.of(50),
                        EnergyPrice.ofCentsPerKilowattHour("16.450"), from, to, false, true));
    }

    public static List<Account> valleyAccounts() {
        return List.of(
                account(ALICE, "54012345678", Utility.EVERSOURCE_WMA, "Amherst", RateClass.R_1, "Alice Abbott",
                        new ServiceAddress("12 Kellogg Ave", "Amherst", "01002"), SupplyStatus.PROGRAM, STANDARD,
                        false, false),
                account(BOB, "54012345679", Utility.EVERSOURCE_WMA, "Amherst", RateClass.R_2, "Bob Brennan",
                        new ServiceAddress("40 Triangle St", "Amherst", "01002"), SupplyStatus.BASIC_SERVICE, null,
                        true, false),
                account(CAROL, "8123456789", Utility.NATIONAL_GRID_MA, "Northampton", RateClass.R_1, "Carol Chen",
                        new ServiceAddress("7 Elm St", "Northampton", "01060"), SupplyStatus.PROGRAM, GREEN_100,
                        false, true),
                account(DELI, "8123456790", Utility.NATIONAL_GRID_MA, "Northampton", RateClass.G_1, "Main Street Deli",
                        new ServiceAddress("150 Main St", "Northampton", "01060"), SupplyStatus.COMPETITIVE, null,
                        false, false),
                account(ERIN, "54098765432", Utility.EVERSOURCE_WMA, "Pelham", RateClass.R_3, "Erin Eastman",
                        new ServiceAddress("3 Amherst Rd", "Pelham", "01002"), SupplyStatus.PROGRAM, LOCAL_GREEN,
                        false, false));
    }

    private static Account account(AccountId id, String number, Utility utility, String town, RateClass rateClass,
            String name, ServiceAddress address, SupplyStatus status, ProductId product, boolean lowIncome,
            boolean netMetered) {
        return new Account(id, VALLEY, new UtilityAccountNumber(number), utility, town, rateClass, name, address,
                status, Optional.ofNullable(product), lowIncome, netMetered, LoadZone.WCMA);
    }

    // Enrollment examples (issue 6): Basic Service accounts of the opt-out campaign, and one outside it.

    /** Pelham, R-2 low-income, on Basic Service: eligible, flagged, never excluded. */
    public static final AccountId FAYE = new AccountId(6);
    /** Amherst, R-1 with net-metered solar, on Basic Service. */
    public static final AccountId GUS = new AccountId(7);
    /** Northampton, R-1, on Basic Service, with a mailing address at a PO box: its notice comes back. */
    public static final AccountId HANNAH = new AccountId(8);
    /** Hadley, R-1, on Basic Service: Hadley is not a member town, so the account is ineligible. */
    public static final AccountId IAN = new AccountId(9);

    /** The date the campaign's opt-out notices are mailed. */
    public static final LocalDate NOTICES_MAILED = LocalDate.of(2024, 11, 22);
    /** The last day of their 30-day opt-out window, inclusive: 22 November + 30 days. */
    public static final LocalDate WINDOW_CLOSES = LocalDate.of(2024, 12, 22);

    /** FAYE, GUS, HANNAH and IAN, none of them enrolled yet. */
    public static List<Account> campaignAccounts() {
        return List.of(
                account(FAYE, "54011112222", Utility.EVERSOURCE_WMA, "Pelham", RateClass.R_2, "Faye Fontaine",
                        new ServiceAddress("9 North Valley Rd", "Pelham", "01002"), SupplyStatus.BASIC_SERVICE, null,
                        true, false),
                account(GUS, "54033334444", Utility.EVERSOURCE_WMA, "Amherst", RateClass.R_1, "Gus Garcia",
                        new ServiceAddress("88 Pine St", "Amherst", "01002"), SupplyStatus.BASIC_SERVICE, null,
                        false, true),
                account(HANNAH, "8155556666", Utility.NATIONAL_GRID_MA, "Northampton", RateClass.R_1, "Hannah Hale",
                        new ServiceAddress("21 Bridge St", "Northampton", "01060"), SupplyStatus.BASIC_SERVICE, null,
                        false, false),
                account(IAN, "54077778888", Utility.EVERSOURCE_WMA, "Hadley", RateClass.R_1, "Ian Ives",
                        new ServiceAddress("5 Russell St", "Hadley", "01035"), SupplyStatus.BASIC_SERVICE, null,
                        false, false));
    }
}
