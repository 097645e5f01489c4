package org.opencce.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.units.EnergyPrice;

class PeerPricesTest {
    private static final YearMonth JAN_2025 = YearMonth.of(2025, 1);
    private static final YearMonth DEC_2026 = YearMonth.of(2026, 12);
    private static final YearMonth JUNE_2025 = YearMonth.of(2025, 6);

    /** Three defaults in force in June 2025, given out of order, and two products that must not count. */
    private static final List<PeerProduct> PEERS = List.of(
            peer("Acton", true, "16.031", JAN_2025, DEC_2026),
            peer("Andover", true, "13.286", JAN_2025, DEC_2026),
            peer("Arlington", true, "14.411", JAN_2025, DEC_2026),
            // An opt-down, cheaper than every default: not a default.
            peer("Bedford", false, "12.000", JAN_2025, DEC_2026),
            // A default whose term ended before June 2025.
            peer("Boston", true, "11.000", YearMonth.of(2023, 12), YearMonth.of(2024, 12)));

    @Test
    void theMedianOfAnOddNumberOfDefaultsIsTheMiddleOne() {
        // Sorted: 13.286, 14.411, 16.031.
        assertThat(PeerPrices.medianDefaultPrice(PEERS, JUNE_2025))
                .contains(EnergyPrice.ofCentsPerKilowattHour("14.411"));
    }

    @Test
    void theMedianOfAnEvenNumberIsTheMeanOfTheTwoMiddleOnesRoundedHalfUpToAThousandthOfACent() {
        List<PeerProduct> four = new java.util.ArrayList<>(PEERS);
        four.add(peer("Brookline", true, "15.000", JAN_2025, DEC_2026));
        // Sorted: 13.286, 14.411, 15.000, 16.031; (14.411 + 15.000) / 2 = 14.7055 → 14.706.
        assertThat(PeerPrices.medianDefaultPrice(four, JUNE_2025)).hasValueSatisfying(p ->
                assertThat(p.centsPerKilowattHour()).isEqualByComparingTo("14.706"));
        // Two defaults: (13.286 + 16.031) / 2 = 14.6585 → 14.659.
        assertThat(PeerPrices.medianDefaultPrice(List.of(PEERS.get(0), PEERS.get(1)), JUNE_2025))
                .contains(EnergyPrice.ofCentsPerKilowattHour("14.659"));
    }

    @Test
    void onlyDefaultsOfferedInTheMonthCountIncludingTheirFirstAndLastMonths() {
        List<PeerProduct> staggered = List.of(
                peer("Acton", true, "16.031", YearMonth.of(2025, 6), DEC_2026),
                peer("Andover", true, "13.286", JAN_2025, YearMonth.of(2025, 6)),
                peer("Arlington", true, "14.000", YearMonth.of(2025, 7), DEC_2026),
                peer("Bedford", true, "15.000", JAN_2025, YearMonth.of(2025, 5)));
        // June 2025: Acton starts and Andover ends that month; mean of the two is 14.6585 → 14.659.
        assertThat(PeerPrices.medianDefaultPrice(staggered, JUNE_2025))
                .contains(EnergyPrice.ofCentsPerKilowattHour("14.659"));
        // In 2024 the only default in force is Boston's.
        assertThat(PeerPrices.medianDefaultPrice(PEERS, YearMonth.of(2024, 6)))
                .contains(EnergyPrice.ofCentsPerKilowattHour("11.000"));
    }

    @Test
    void noDefaultInForceGivesNoMedian() {
        assertThat(PeerPrices.medianDefaultPrice(PEERS, YearMonth.of(2030, 1))).isEmpty();
        assertThat(PeerPrices.medianDefaultPrice(List.of(PEERS.get(3)), JUNE_2025)).as("only an opt-down").isEmpty();
        assertThat(PeerPrices.medianDefaultPrice(List.of(), JUNE_2025)).isEmpty();
    }

    @Test
    void aPeerProductIsOfferedInItsTermInclusive() {
        PeerProduct boston = PEERS.get(4);
        assertThat(boston.isOfferedIn(YearMonth.of(2023, 12))).isTrue();
        assertThat(boston.isOfferedIn(YearMonth.of(2024, 12))).isTrue();
        assertThat(boston.isOfferedIn(YearMonth.of(2023, 11))).isFalse();
        assertThat(boston.isOfferedIn(YearMonth.of(2025, 1))).isFalse();
    }

    @Test
    void aPeerProductNeedsAPositivePriceAndAWebAddress() {
        assertThatThrownBy(() -> peer("Acton", true, "0", JAN_2025, DEC_2026)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new PeerProduct("Acton", "Acton Standard", true, "Test Broker",
                new GreenContent.StateMinimum(), new GreenContent.StateMinimum(), JAN_2025, DEC_2026,
                EnergyPrice.ofCentsPerKilowattHour("14"), "ftp://example.org/acton"))
                .hasMessageContaining("http(s) address").hasMessageContaining("ftp://example.org/acton");
        assertThat(new PeerProduct("Acton", "Acton Standard", true, "Test Broker", new GreenContent.StateMinimum(),
                new GreenContent.StateMinimum(), JAN_2025, DEC_2026, EnergyPrice.ofCentsPerKilowattHour("14"),
                "http://example.org/acton").url()).startsWith("http://");
        assertThatThrownBy(() -> peer("Acton", true, "14", DEC_2026, JAN_2025)).hasMessageContaining("term ends");
        assertThatThrownBy(() -> peer(" ", true, "14", JAN_2025, DEC_2026)).hasMessageContaining("town");
    }

    private static PeerProduct peer(String town, boolean isDefault, String cents, YearMonth from, YearMonth to) {
        return new PeerProduct(town, town + (isDefault ? " Standard" : " Basic"), isDefault, "Test Broker",
                new GreenContent.StateMinimum(), new GreenContent.StateMinimum(), from, to,
                EnergyPrice.ofCentsPerKilowattHour(cents), "https://example.org/" + town.toLowerCase());
    }
}
