package org.opencce.domain.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencce.domain.units.Percent;

class ClassIStandardTest {

    @Test
    void theMinimumIsLookedUpByYearAndMissingYearsAreEmpty() {
        // 225 CMR 14.07 Class I minimum standards: 27 % in 2025, 30 % in 2026 (rps-class1.csv).
        Map<Integer, Percent> schedule = new HashMap<>(Map.of(2025, Percent.of(27), 2026, Percent.of(30)));
        ClassIStandard standard = new ClassIStandard(schedule);
        schedule.put(2027, Percent.of(33));
        assertThat(standard.minimumFor(2025)).contains(Percent.of(27));
        assertThat(standard.minimumFor(2026)).contains(Percent.of(30));
        assertThat(standard.minimumFor(2027)).as("added to the caller's map afterwards").isEmpty();
        assertThatThrownBy(() -> new ClassIStandard(Map.of())).hasMessageContaining("at least one year");
    }
}
