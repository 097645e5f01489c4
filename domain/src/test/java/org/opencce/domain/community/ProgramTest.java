package org.opencce.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;

class ProgramTest {
    private static final Program VALLEY = Fixtures.valleyProgram();

    @Test
    void theFiveValueProgramHasNoContactAndAThirtyDayWindow() {
        assertThat(VALLEY.contact()).isEmpty();
        assertThat(VALLEY.optOutWindowDays()).isEqualTo(30);
        assertThat(Program.DEFAULT_OPT_OUT_WINDOW_DAYS).isEqualTo(30);
    }

    @Test
    void aProgramKeepsItsContactAndWindow() {
        Program p = withWindow(45);
        assertThat(p.contact()).contains(Fixtures.valleyContact());
        assertThat(p.optOutWindowDays()).isEqualTo(45);
    }

    @Test
    void theOptOutWindowRunsFromOneDayToAYear() {
        assertThat(withWindow(1).optOutWindowDays()).isEqualTo(1);
        assertThat(withWindow(365).optOutWindowDays()).isEqualTo(365);
        assertThatThrownBy(() -> withWindow(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("opt-out window of program valley-green-energy must be from 1 to 365 days, was 0");
        assertThatThrownBy(() -> withWindow(366))
                .hasMessage("opt-out window of program valley-green-energy must be from 1 to 365 days, was 366");
        assertThat(Program.problemWithOptOutWindow(-5)).contains("must be from 1 to 365 days, was -5");
        assertThat(Program.problemWithOptOutWindow(30)).isEmpty();
    }

    @Test
    void theContactIsOptionalButNeverNull() {
        assertThatThrownBy(() -> new Program(VALLEY.id(), VALLEY.name(), VALLEY.leadTown(), VALLEY.towns(),
                VALLEY.launchDate(), null, 30)).hasMessage("contact");
    }

    @Test
    void townsThatDifferOnlyByCaseAreOneTownListedTwice() {
        Town amherst = VALLEY.towns().get(0);
        Town shouting = new Town("AMHERST", amherst.utility(), amherst.loadZone(), amherst.population());
        assertThatThrownBy(() -> new Program(VALLEY.id(), VALLEY.name(), "Amherst", List.of(amherst, shouting),
                VALLEY.launchDate())).hasMessage("program valley-green-energy lists a town twice");
    }

    private static Program withWindow(int days) {
        return new Program(VALLEY.id(), VALLEY.name(), VALLEY.leadTown(), VALLEY.towns(), VALLEY.launchDate(),
                Optional.of(Fixtures.valleyContact()), days);
    }
}
