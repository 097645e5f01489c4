package org.opencce.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.Utility;
import org.opencce.domain.units.Energy;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Money;

/** Basic Service rates and histories, typical usage and delivery charges, with hand-made figures. */
class RatesTest {
    private static final BasicServiceRate EVERSOURCE_H1 = rate(Utility.EVERSOURCE_WMA, "2025-01-01", "2025-06-30", "14.000");
    private static final BasicServiceRate GRID_SPRING = rate(Utility.NATIONAL_GRID_MA, "2025-02-01", "2025-07-31", "15.000");
    private static final BasicServiceRate GRID_FALL = rate(Utility.NATIONAL_GRID_MA, "2025-08-01", "2026-01-31", "13.500");
    /** Given out of order: the list sorts by start. */
    private static final BasicServiceRates RATES = new BasicServiceRates(List.of(GRID_FALL, EVERSOURCE_H1, GRID_SPRING));

    @Test
    void aRateCoversItsFirstAndLastDay() {
        assertThat(GRID_SPRING.covers(LocalDate.of(2025, 2, 1))).isTrue();
        assertThat(GRID_SPRING.covers(LocalDate.of(2025, 7, 31))).isTrue();
        assertThat(GRID_SPRING.covers(LocalDate.of(2025, 1, 31))).isFalse();
        assertThat(GRID_SPRING.covers(LocalDate.of(2025, 8, 1))).isFalse();
        assertThatThrownBy(() -> rate(Utility.EVERSOURCE_WMA, "2025-07-01", "2025-06-30", "14"))
                .hasMessageContaining("ends (2025-06-30) before it starts (2025-07-01)");
    }

    @Test
    void theRateInForceIsTheUtilitysRateCoveringTheDay() {
        assertThat(RATES.rates()).containsExactly(EVERSOURCE_H1, GRID_SPRING, GRID_FALL);
        assertThat(RATES.inForce(Utility.NATIONAL_GRID_MA, LocalDate.of(2025, 7, 31))).contains(GRID_SPRING);
        assertThat(RATES.inForce(Utility.NATIONAL_GRID_MA, LocalDate.of(2025, 8, 1))).contains(GRID_FALL);
        assertThat(RATES.inForce(Utility.EVERSOURCE_WMA, LocalDate.of(2025, 3, 1))).contains(EVERSOURCE_H1);
        assertThat(RATES.inForce(Utility.NATIONAL_GRID_MA, LocalDate.of(2025, 1, 15))).isEmpty();
        assertThat(RATES.inForce(Utility.EVERSOURCE_WMA, LocalDate.of(2025, 8, 1))).isEmpty();
    }

    @Test
    void aLaterFilingOverlappingAnEarlierOneIsInForce() {
        BasicServiceRate revised = rate(Utility.NATIONAL_GRID_MA, "2025-07-01", "2025-12-31", "16.000");
        BasicServiceRates withRevision = new BasicServiceRates(List.of(revised, GRID_SPRING));
        assertThat(withRevision.inForce(Utility.NATIONAL_GRID_MA, LocalDate.of(2025, 7, 15))).contains(revised);
        assertThat(withRevision.inForce(Utility.NATIONAL_GRID_MA, LocalDate.of(2025, 6, 30))).contains(GRID_SPRING);
    }

    @Test
    void withoutARateInForceTheLatestEarlierOneIsTheBenchmark() {
        assertThat(RATES.latestOnOrBefore(Utility.EVERSOURCE_WMA, LocalDate.of(2025, 8, 1))).contains(EVERSOURCE_H1);
        assertThat(RATES.latestOnOrBefore(Utility.NATIONAL_GRID_MA, LocalDate.of(2026, 3, 1))).contains(GRID_FALL);
        assertThat(RATES.latestOnOrBefore(Utility.NATIONAL_GRID_MA, LocalDate.of(2025, 5, 1))).contains(GRID_SPRING);
        assertThat(RATES.latestOnOrBefore(Utility.NATIONAL_GRID_MA, LocalDate.of(2025, 1, 31))).isEmpty();
        // A rate that starts on the day itself counts.
        BasicServiceRates futureOnly = new BasicServiceRates(List.of(GRID_FALL));
        assertThat(futureOnly.latestOnOrBefore(Utility.NATIONAL_GRID_MA, LocalDate.of(2026, 2, 1))).contains(GRID_FALL);
        assertThat(futureOnly.latestOnOrBefore(Utility.NATIONAL_GRID_MA, LocalDate.of(2025, 7, 31))).isEmpty();
        assertThat(futureOnly.latestOnOrBefore(Utility.EVERSOURCE_WMA, LocalDate.of(2026, 2, 1))).isEmpty();
    }

    @Test
    void aHistoryKnowsItsMonthsAndLatestPrice() {
        Map<YearMonth, EnergyPrice> prices = new TreeMap<>(Map.of(
                YearMonth.of(2025, 3), EnergyPrice.ofCentsPerKilowattHour("15.1"),
                YearMonth.of(2025, 1), EnergyPrice.ofCentsPerKilowattHour("14.9"),
                YearMonth.of(2025, 2), EnergyPrice.ofCentsPerKilowattHour("15.0")));
        BasicServiceHistory history = new BasicServiceHistory(Utility.EVERSOURCE_WMA, new TreeMap<>(prices), "test");
        prices.clear();
        assertThat(history.firstMonth()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(history.lastMonth()).isEqualTo(YearMonth.of(2025, 3));
        assertThat(history.latestPrice()).isEqualTo(EnergyPrice.ofCentsPerKilowattHour("15.1"));
        assertThat(history.priceIn(YearMonth.of(2025, 2))).contains(EnergyPrice.ofCentsPerKilowattHour("15.0"));
        assertThat(history.priceIn(YearMonth.of(2025, 4))).isEmpty();
        assertThat(history.priceByMonth()).hasSize(3);
        assertThatThrownBy(() -> new BasicServiceHistory(Utility.EVERSOURCE_WMA, new TreeMap<>(), "test"))
                .hasMessageContaining("at least one month");
        TreeMap<YearMonth, EnergyPrice> withGap = new TreeMap<>();
        withGap.put(YearMonth.of(2025, 3), null);
        assertThatThrownBy(() -> new BasicServiceHistory(Utility.EVERSOURCE_WMA, withGap, "test"))
                .hasMessageContaining("price of 2025-03");
    }

    @Test
    void typicalUsageIsARangeWhoseMiddleIsTheTypicalBill() {
        // Eversource's R-1 figure: 530 to 550 kWh a month, middle 540.
        TypicalMonthlyUsage r1 = usage(Optional.of(RateClass.R_1), 530, 550);
        assertThat(r1.midpoint()).isEqualTo(Energy.ofKilowattHours(540));
        assertThat(r1.describes(RateClass.R_1)).isTrue();
        assertThat(r1.describes(RateClass.R_2)).isFalse();
        TypicalMonthlyUsage allHomes = usage(Optional.empty(), 600, 600);
        assertThat(allHomes.midpoint()).isEqualTo(Energy.ofKilowattHours(600));
        assertThat(allHomes.describes(RateClass.R_3)).isTrue();
        assertThat(allHomes.describes(RateClass.G_1)).isFalse();
        assertThatThrownBy(() -> usage(Optional.empty(), 0, 600)).hasMessageContaining("positive range");
        assertThatThrownBy(() -> usage(Optional.empty(), 600, 599)).hasMessageContaining("600.0 kWh to 599.0 kWh");
    }

    @Test
    void deliveryChargesArePerMonthOrPerKilowattHour() {
        DeliveryCharge customer = charge("Customer charge", new DeliveryCharge.PerMonth(Money.ofDollars("7.00")));
        // 5.123 ¢/kWh × 600 kWh = $30.738.
        DeliveryCharge distribution = charge("Distribution",
                new DeliveryCharge.PerKilowattHour(EnergyPrice.ofCentsPerKilowattHour("5.123")));
        DeliveryCharge credit = charge("Net metering credit",
                new DeliveryCharge.PerKilowattHour(EnergyPrice.ofCentsPerKilowattHour("-0.500")));
        assertThat(customer.forMonth(Energy.ofKilowattHours(600))).isEqualTo(Money.ofDollars("7.00"));
        assertThat(customer.forMonth(Energy.ZERO)).isEqualTo(Money.ofDollars("7.00"));
        assertThat(distribution.forMonth(Energy.ofKilowattHours(600))).isEqualTo(Money.ofDollars("30.738"));
        assertThat(credit.forMonth(Energy.ofKilowattHours(600))).isEqualTo(Money.ofDollars("-3.00"));
        assertThat(credit.isCredit()).isTrue();
        assertThat(distribution.isCredit()).isFalse();
        assertThat(customer.isCredit()).isFalse();
        assertThat(customer.amount().toString()).isEqualTo("7.00 $/month");
        assertThat(distribution.amount().toString()).isEqualTo("5.123 ¢/kWh");
        assertThatThrownBy(() -> charge(" ", customer.amount())).hasMessageContaining("needs a name");
    }

    private static BasicServiceRate rate(Utility utility, String start, String end, String cents) {
        return new BasicServiceRate(utility, "R-1", LocalDate.parse(start), LocalDate.parse(end),
                EnergyPrice.ofCentsPerKilowattHour(cents), "test");
    }

    private static TypicalMonthlyUsage usage(Optional<RateClass> rateClass, double low, double high) {
        return new TypicalMonthlyUsage(Utility.EVERSOURCE_WMA, rateClass, "test", Energy.ofKilowattHours(low),
                Energy.ofKilowattHours(high), "", "test");
    }

    private static DeliveryCharge charge(String name, DeliveryCharge.Amount amount) {
        return new DeliveryCharge(Utility.NATIONAL_GRID_MA, RateClass.R_1, name, amount, "", "test");
    }
}
