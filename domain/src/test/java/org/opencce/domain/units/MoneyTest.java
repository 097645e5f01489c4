package org.opencce.domain.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money arithmetic, each expected amount worked out by hand. */
class MoneyTest {

    @Test
    void differentAmountsAreNotEqual() {
        assertThat(Money.ofDollars("79.26")).isNotEqualTo(Money.ofDollars("79.27"));
        assertThat(Money.ofDollars("1")).isNotEqualTo(Money.ofDollars("-1"));
        assertThat(Money.ZERO).isNotEqualTo(Money.ofCents(1));
        // A price is not money, even with the same number.
        assertThat(Money.ofDollars("0.14")).isNotEqualTo(EnergyPrice.ofCentsPerKilowattHour("14"));
        assertThat(Money.ofDollars("5")).isNotEqualTo(null);
    }

    @Test
    void equalAmountsOfAnyScaleHashAlike() {
        assertThat(Money.ofDollars("2.50").hashCode()).isEqualTo(Money.ofDollars("2.5").hashCode())
                .isEqualTo(Money.ofCents(250).hashCode());
        assertThat(Money.ofCents(250)).isEqualTo(Money.ofDollars("2.5"));
        // Distinct amounts spread over hash buckets rather than sharing one.
        assertThat(Money.ofDollars("1.00").hashCode()).isNotEqualTo(Money.ofDollars("2.00").hashCode());
    }

    @Test
    void centsAreHundredthsOfADollar() {
        assertThat(Money.ofCents(1_234).dollars()).isEqualByComparingTo("12.34");
        assertThat(Money.ofCents(-5).dollars()).isEqualByComparingTo("-0.05");
    }

    @Test
    void sumsDifferencesAndMultiplesAreExact() {
        Money supply = Money.ofDollars("79.2605");
        Money delivery = Money.ofDollars("61.10");
        assertThat(supply.plus(delivery).dollars()).isEqualByComparingTo("140.3605");
        assertThat(supply.minus(delivery).dollars()).isEqualByComparingTo("18.1605");
        assertThat(delivery.minus(supply).dollars()).isEqualByComparingTo("-18.1605");
        // 12 months of $61.10 is $733.20; a 6.25 % tax on $80 is $5.
        assertThat(delivery.times(BigDecimal.valueOf(12)).dollars()).isEqualByComparingTo("733.20");
        assertThat(Money.ofDollars("80").times(new BigDecimal("0.0625")).dollars()).isEqualByComparingTo("5");
    }

    @Test
    void aNegatedAmountIsACredit() {
        Money credit = Money.ofDollars("12.50").negated();
        assertThat(credit.dollars()).isEqualByComparingTo("-12.50");
        assertThat(credit.isNegative()).isTrue();
        assertThat(Money.ofDollars("12.50").isNegative()).isFalse();
        assertThat(Money.ZERO.isNegative()).as("zero is no credit").isFalse();
        assertThat(Money.ofDollars("-0.001").isNegative()).isTrue();
    }

    @Test
    void roundingToCentsIsHalfUpAndKeepsTwoDecimals() {
        assertThat(Money.ofDollars("10.124").roundedToCents().dollars()).isEqualByComparingTo("10.12");
        assertThat(Money.ofDollars("10.125").roundedToCents().dollars().toPlainString()).isEqualTo("10.13");
        assertThat(Money.ofDollars("7").roundedToCents().dollars().toPlainString()).isEqualTo("7.00");
        assertThat(Money.ofDollars("7").toString()).isEqualTo("$7.00");
        assertThat(Money.ofDollars("-3.456").toString()).isEqualTo("$-3.46");
    }

    @Test
    void amountsOrderBySize() {
        assertThat(Money.ofDollars("9.99")).isLessThan(Money.ofDollars("10"));
        assertThat(Money.ofDollars("10.00").compareTo(Money.ofDollars("10"))).isZero();
        assertThat(Money.ofDollars("-1")).isLessThan(Money.ZERO);
    }

    @Test
    void anAmountIsRequired() {
        assertThatThrownBy(() -> new Money(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dollars");
    }
}
