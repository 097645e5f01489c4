package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencce.domain.Fixtures.FAYE;
import static org.opencce.domain.Fixtures.GREEN_100;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrollmentEventTest {
    private static final Instant AT = Instant.parse("2024-12-01T17:00:00Z");
    private static final LocalDate MAILED = LocalDate.of(2024, 11, 22);

    @Test
    void anEventNamesWhoRecordedIt() {
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, EventKind.OPTED_OUT, AT, " ", Channel.PHONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("opted_out event of account 6: the actor must not be blank (every fact says who recorded it)");
        EnrollmentEvent phone = EnrollmentEvent.of(FAYE, EventKind.OPTED_OUT, AT, "jdoe", Channel.PHONE);
        assertThat(phone.reason()).isEmpty();
        assertThat(phone.product()).isEmpty();
        assertThat(phone.date()).isEmpty();
        assertThat(phone.windowCloses()).isEmpty();
        assertThat(phone.withReason("called after the letter").reason()).isEqualTo("called after the letter");
        assertThat(phone.withDate(MAILED).date()).contains(MAILED);
        assertThat(EnrollmentEvent.SYSTEM_ACTOR).isEqualTo("system");
    }

    @Test
    void optInsRequestsAndChangesNameTheirProduct() {
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, EventKind.OPTED_IN, AT, "customer", Channel.WEB))
                .hasMessage("opted_in event of account 6: a product is required (the product the customer chose)");
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, EventKind.ENROLLMENT_REQUESTED, AT, "system", Channel.SYSTEM))
                .hasMessageContaining("a product is required");
        assertThat(EnrollmentEvent.ofProduct(FAYE, EventKind.PRODUCT_CHANGE_REQUESTED, AT, "customer", Channel.WEB,
                GREEN_100).product()).contains(GREEN_100);
    }

    @Test
    void theUtilitysRejectionsGiveTheirReason() {
        assertThatThrownBy(() -> EnrollmentEvent.ofReason(FAYE, EventKind.ENROLLMENT_REJECTED, AT, "utility",
                Channel.EDI, "  ")).hasMessage("enrollment_rejected event of account 6: a reason is required (the"
                        + " utility's reason for rejecting)");
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, EventKind.DROP_REJECTED, AT, "utility", Channel.EDI))
                .hasMessageContaining("a reason is required");
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, EventKind.PRODUCT_CHANGE_REJECTED, AT, "utility", Channel.EDI))
                .hasMessageContaining("a reason is required");
        assertThat(EnrollmentEvent.ofReason(FAYE, EventKind.DROP_REJECTED, AT, "utility", Channel.EDI, "A76").reason())
                .isEqualTo("A76");
    }

    @Test
    void aNoticeRecordsItsMailingDateAndTheLastDayOfItsWindow() {
        EnrollmentEvent notice = EnrollmentEvent.noticeMailed(FAYE, AT, "staff", Channel.MAIL, MAILED,
                LocalDate.of(2024, 12, 22));
        assertThat(notice.kind()).isEqualTo(EventKind.NOTICE_MAILED);
        assertThat(notice.date()).contains(MAILED);
        assertThat(notice.windowCloses()).contains(LocalDate.of(2024, 12, 22));
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, EventKind.NOTICE_MAILED, AT, "staff", Channel.MAIL))
                .hasMessage("notice_mailed event of account 6: the mailing date and the last day of the opt-out window"
                        + " are required, were null and null");
        assertThatThrownBy(() -> new EnrollmentEvent(FAYE, EventKind.NOTICE_MAILED, AT, "staff", Channel.MAIL, "",
                Optional.empty(), Optional.of(MAILED), Optional.empty())).hasMessageContaining("were 2024-11-22 and null");
        assertThatThrownBy(() -> new EnrollmentEvent(FAYE, EventKind.NOTICE_MAILED, AT, "staff", Channel.MAIL, "",
                Optional.empty(), Optional.empty(), Optional.of(MAILED))).hasMessageContaining("were null and 2024-11-22");
        assertThatThrownBy(() -> EnrollmentEvent.noticeMailed(FAYE, AT, "staff", Channel.MAIL, MAILED, MAILED))
                .hasMessage("notice_mailed event of account 6: the opt-out window must close after the mailing date"
                        + " 2024-11-22, was 2024-11-22");
        assertThat(EnrollmentEvent.noticeMailed(FAYE, AT, "staff", Channel.MAIL, MAILED, MAILED.plusDays(1))
                .windowCloses()).contains(MAILED.plusDays(1));
        assertThatThrownBy(() -> new EnrollmentEvent(FAYE, EventKind.OPTED_OUT, AT, "staff", Channel.MAIL, "",
                Optional.empty(), Optional.empty(), Optional.of(MAILED))).hasMessage("opted_out event of account 6:"
                        + " only a notice_mailed event opens an opt-out window, was given 2024-11-22");
    }

    @Test
    void everyFieldIsRequired() {
        assertThatThrownBy(() -> EnrollmentEvent.of(null, EventKind.OPTED_OUT, AT, "staff", Channel.PHONE))
                .hasMessage("account");
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, null, AT, "staff", Channel.PHONE)).hasMessage("kind");
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, EventKind.OPTED_OUT, null, "staff", Channel.PHONE))
                .hasMessage("at");
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, EventKind.OPTED_OUT, AT, null, Channel.PHONE))
                .hasMessage("actor");
        assertThatThrownBy(() -> EnrollmentEvent.of(FAYE, EventKind.OPTED_OUT, AT, "staff", null)).hasMessage("channel");
        assertThatThrownBy(() -> EnrollmentEvent.ofReason(FAYE, EventKind.OPTED_OUT, AT, "staff", Channel.PHONE, null))
                .hasMessage("reason");
        assertThatThrownBy(() -> new EnrollmentEvent(FAYE, EventKind.OPTED_OUT, AT, "staff", Channel.PHONE, "", null,
                Optional.empty(), Optional.empty())).hasMessage("product");
        assertThatThrownBy(() -> new EnrollmentEvent(FAYE, EventKind.OPTED_OUT, AT, "staff", Channel.PHONE, "",
                Optional.empty(), null, Optional.empty())).hasMessage("date");
        assertThatThrownBy(() -> new EnrollmentEvent(FAYE, EventKind.OPTED_OUT, AT, "staff", Channel.PHONE, "",
                Optional.empty(), Optional.empty(), null)).hasMessage("windowCloses");
    }
}
