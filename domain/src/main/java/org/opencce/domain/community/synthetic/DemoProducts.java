package org.opencce.domain.community.synthetic;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;

/**
 * The four products of the demo program, shaped like the menus of Massachusetts aggregations (an
 * opt-down product at the state minimum, a default with extra Class I, a 100 % option and a local
 * one). Every product is marked {@linkplain Product#illustrative() illustrative}: the prices are not
 * from a signed contract. Stateless and thread-safe.
 */
public final class DemoProducts {
    /** Opt-down: only the RPS Class I minimum. */
    public static final ProductId BASIC = new ProductId("basic");
    /** The default product, on which accounts are enrolled unless they choose otherwise. */
    public static final ProductId STANDARD = new ProductId("standard");
    /** Opt-up: renewable certificates for all of the load. */
    public static final ProductId GREEN_100 = new ProductId("green-100");
    /** Opt-up: extra Class I from New England projects. */
    public static final ProductId LOCAL_GREEN = new ProductId("local-green");

    /**
     * Length of the supply term in months. 36 is the median term of the default products of the
     * 86 Massachusetts aggregation products in navkal/lcca (2025-11-30), and a common contract length.
     */
    public static final int TERM_MONTHS = 36;

    /** Extra Class I points of the default product (several MA defaults add 5 to 25 points). */
    static final double STANDARD_EXTRA_POINTS = 10;
    /** Extra Class I points, all from New England, of the local product. */
    static final double LOCAL_GREEN_EXTRA_POINTS = 50;

    private DemoProducts() {
    }

    /**
     * The demo's products for {@code program}, offered from {@code launch} for {@link #TERM_MONTHS}
     * months at {@code prices}, in menu order: Basic, Standard (the default), 100% Green, Local Green.
     */
    public static List<Product> create(ProgramId program, YearMonth launch, Prices prices) {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(prices, "prices");
        YearMonth end = launch.plusMonths(TERM_MONTHS - 1L);
        return List.of(
                new Product(BASIC, program, "Basic", new GreenContent.StateMinimum(), Percent.ZERO,
                        prices.basic(), launch, end, false, true),
                new Product(STANDARD, program, "Standard", new GreenContent.MinimumPlus(STANDARD_EXTRA_POINTS),
                        Percent.of(STANDARD_EXTRA_POINTS), prices.standard(), launch, end, true, true),
                new Product(GREEN_100, program, "100% Green", new GreenContent.Absolute(Percent.HUNDRED),
                        Percent.of(STANDARD_EXTRA_POINTS), prices.green100(), launch, end, false, true),
                new Product(LOCAL_GREEN, program, "Local Green", new GreenContent.MinimumPlus(LOCAL_GREEN_EXTRA_POINTS),
                        Percent.of(LOCAL_GREEN_EXTRA_POINTS), prices.localGreen(), launch, end, false, true));
    }

    /**
     * The supply price of each demo product. Opting down must be cheaper than the default and opting
     * up dearer, as on every Massachusetts menu; the constructor checks that order.
     */
    public record Prices(EnergyPrice basic, EnergyPrice standard, EnergyPrice green100, EnergyPrice localGreen) {
        /**
         * Spreads against the default, from the menus of the MA aggregations in navkal/lcca
         * (2025-11-30): the state-minimum opt-down is a median 0.62 ¢/kWh below the default (22
         * menus), a 100 % option a median 1.19 ¢/kWh above it (21 menus). The local opt-ups there
         * (Arlington, Melrose, Gloucester) are 0.66 to 1.20 ¢/kWh above defaults that already carry
         * local content; the demo's default carries little, so Local Green is put above that range at
         * +1.50 ¢/kWh.
         */
        static final BigDecimal BASIC_SPREAD_CENTS = new BigDecimal("-0.600");
        static final BigDecimal GREEN_100_SPREAD_CENTS = new BigDecimal("1.200");
        static final BigDecimal LOCAL_GREEN_SPREAD_CENTS = new BigDecimal("1.500");

        public Prices {
            Objects.requireNonNull(basic, "basic");
            Objects.requireNonNull(standard, "standard");
            Objects.requireNonNull(green100, "green100");
            Objects.requireNonNull(localGreen, "localGreen");
            if (basic.compareTo(standard) > 0) {
                throw new IllegalArgumentException("the Basic price (" + basic + ") must not exceed the Standard"
                        + " default price (" + standard + "): Basic is the opt-down product");
            }
            if (green100.compareTo(standard) < 0 || localGreen.compareTo(standard) < 0) {
                throw new IllegalArgumentException("opt-up prices (100% Green " + green100 + ", Local Green "
                        + localGreen + ") must not be below the Standard default price (" + standard + ")");
            }
        }

        /**
         * Prices derived from one reference, the default product's price (for example the median
         * default of peer MA aggregations), with the documented spreads.
         */
        public static Prices spreadFrom(EnergyPrice standard) {
            Objects.requireNonNull(standard, "standard");
            BigDecimal cents = standard.centsPerKilowattHour();
            if (cents.add(BASIC_SPREAD_CENTS).signum() <= 0) {
                throw new IllegalArgumentException("reference price " + standard + " is too low to derive a"
                        + " positive Basic price (" + BASIC_SPREAD_CENTS + " ¢/kWh below it)");
            }
            return new Prices(
                    EnergyPrice.ofCentsPerKilowattHour(cents.add(BASIC_SPREAD_CENTS)),
                    standard,
                    EnergyPrice.ofCentsPerKilowattHour(cents.add(GREEN_100_SPREAD_CENTS)),
                    EnergyPrice.ofCentsPerKilowattHour(cents.add(LOCAL_GREEN_SPREAD_CENTS)));
        }
    }
}
