package org.opencce.formats.customerlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencce.domain.community.Utility;

class AccountKeysTest {

    @Test
    void theFirstLineOfAKeyIsKeptAndTheUtilityIsPartOfTheKey() {
        AccountKeys keys = new AccountKeys();

        assertThat(keys.putIfAbsent(Utility.EVERSOURCE_WMA, "1234", 2)).isEqualTo(-1);
        assertThat(keys.putIfAbsent(Utility.NATIONAL_GRID_MA, "1234", 3)).isEqualTo(-1);
        assertThat(keys.putIfAbsent(Utility.EVERSOURCE_WMA, "12345", 4)).isEqualTo(-1);
        assertThat(keys.putIfAbsent(Utility.EVERSOURCE_WMA, "1234", 5)).isEqualTo(2);
        assertThat(keys.putIfAbsent(Utility.NATIONAL_GRID_MA, "1234", 6)).isEqualTo(3);
        assertThat(keys.size()).isEqualTo(3);
    }

    @Test
    void holdsHundredsOfThousandsOfKeysExactly() {
        // Enough keys to grow the table and the byte store many times over.
        AccountKeys keys = new AccountKeys();
        int n = 300_000;
        int notNew = 0;
        for (int i = 0; i < n; i++) {
            if (keys.putIfAbsent(Utility.EVERSOURCE_WMA, "54" + i, i + 2L) != -1) {
                notNew++;
            }
        }
        assertThat(notNew).as("distinct keys taken for duplicates").isZero();
        for (int i = 0; i < n; i += 997) {
            assertThat(keys.putIfAbsent(Utility.EVERSOURCE_WMA, "54" + i, 0)).isEqualTo(i + 2L);
            assertThat(keys.putIfAbsent(Utility.NATIONAL_GRID_MA, "54" + i, 0)).isEqualTo(-1);
        }
        assertThat(keys.size()).isEqualTo(n + (n + 996) / 997);
    }
}
