package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The names of states, events, channels and requests as JSON, the database and the CLI write them. */
class VocabularyTest {

    @Test
    void statesHaveLowerSnakeWireNamesAndDisplayNames() {
        assertThat(Arrays.stream(EnrollmentState.values()).map(EnrollmentState::wireName)).containsExactly(
                "eligible", "competitive", "notified", "opted_out", "returned_mail", "enrolling", "enrolled",
                "rejected", "dropping", "dropped", "ineligible");
        assertThat(EnrollmentState.OPTED_OUT.displayName()).isEqualTo("Opted out");
        assertThat(EnrollmentState.REJECTED.displayName()).isEqualTo("Rejected by the utility");
        assertThat(EnrollmentState.fromWireName(" Returned_Mail ")).contains(EnrollmentState.RETURNED_MAIL);
        assertThat(EnrollmentState.fromWireName("ineligible")).contains(EnrollmentState.INELIGIBLE);
        assertThat(EnrollmentState.fromWireName("opted out")).isEmpty();
        assertThat(EnrollmentState.fromWireName(null)).isEmpty();
    }

    @Test
    void eventKindsHaveWireNamesAndSayWhatTheyRequire() {
        assertThat(EventKind.values()).hasSize(21);
        assertThat(EventKind.fromWireName("renewal_notice_mailed")).contains(EventKind.RENEWAL_NOTICE_MAILED);
        assertThat(EventKind.PRODUCT_CHANGE_REQUESTED.wireName()).isEqualTo("product_change_requested");
        assertThat(EventKind.fromWireName("MASS_DROP")).contains(EventKind.MASS_DROP);
        assertThat(EventKind.fromWireName("listed_eligible")).contains(EventKind.LISTED_ELIGIBLE);
        assertThat(EventKind.fromWireName("mass drop")).isEmpty();
        assertThat(EventKind.fromWireName(null)).isEmpty();
        assertThat(Arrays.stream(EventKind.values()).filter(EventKind::requiresProduct)).containsExactly(
                EventKind.OPTED_IN, EventKind.ENROLLMENT_REQUESTED, EventKind.PRODUCT_CHANGE_REQUESTED);
        assertThat(Arrays.stream(EventKind.values()).filter(EventKind::requiresReason)).containsExactly(
                EventKind.ENROLLMENT_REJECTED, EventKind.PRODUCT_CHANGE_REJECTED, EventKind.DROP_REJECTED);
    }

    @Test
    void channelsAreWrittenInLowerCaseAndReadAsTheCliGivesThem() {
        assertThat(Arrays.stream(Channel.values()).map(Channel::wireName)).containsExactly("mail", "phone", "web",
                "reply_card", "edi", "staff", "system");
        assertThat(Channel.fromWireName(" Phone ")).contains(Channel.PHONE);
        assertThat(Channel.fromWireName("web")).contains(Channel.WEB);
        assertThat(Channel.fromWireName("fax")).isEmpty();
        assertThat(Channel.fromWireName(null)).isEmpty();
        assertThat(UtilityRequest.CHANGE.wireName()).isEqualTo("change");
    }

    @Test
    void decisionsSayWhetherTheyAllowAndNeedTheirContent() {
        assertThat(new Decision.Refused("why").isAllowed()).isFalse();
        assertThatThrownBy(() -> new Decision.Refused(null)).hasMessage("reason");
        assertThatThrownBy(() -> new Decision.Allowed(null)).hasMessage("next");
        assertThat(new IllegalTransitionException("account 6 is notified")).hasMessage("account 6 is notified")
                .isInstanceOf(org.opencce.domain.OpenCceException.class);
    }
}
