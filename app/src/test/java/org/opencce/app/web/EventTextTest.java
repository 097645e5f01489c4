package org.opencce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;

class EventTextTest {

    @Test
    void everyEventKindStateAndChannelHasWordsOnTheTimeline() {
        // A kind added to the domain without words here would show as "null" on the account page.
        for (EventKind kind : EventKind.values()) {
            EnrollmentEvent e = new EnrollmentEvent(new AccountId(7), kind, Instant.parse("2025-01-06T15:00:00Z"),
                    "system", Channel.SYSTEM, "A76 ACCOUNT NOT FOUND", Optional.of(new ProductId("standard")),
                    kind == EventKind.NOTICE_MAILED || kind == EventKind.RENEWAL_NOTICE_MAILED
                            ? Optional.of(LocalDate.of(2025, 1, 6)) : Optional.empty(),
                    kind == EventKind.NOTICE_MAILED ? Optional.of(LocalDate.of(2025, 2, 5)) : Optional.empty());
            assertThat(EventText.what(e)).as(kind.wireName()).isNotBlank().doesNotContain("null");
        }
        for (EnrollmentState state : EnrollmentState.values()) {
            assertThat(EventText.meaning(state)).as(state.wireName()).isNotBlank();
        }
        for (Channel channel : Channel.values()) {
            assertThat(EventText.channel(channel)).as(channel.name()).isNotBlank();
        }
    }

    @Test
    void aRenewalNoticeIsShownWithItsMailingDate() {
        EnrollmentEvent e = new EnrollmentEvent(new AccountId(7), EventKind.RENEWAL_NOTICE_MAILED,
                Instant.parse("2025-10-01T15:00:00Z"), "ana", Channel.MAIL,
                "renewal: standard at 13.990 cents/kWh, term 2026-01 to 2027-12, effective 2026-01-01",
                Optional.of(new ProductId("standard")), Optional.of(LocalDate.of(2025, 10, 1)), Optional.empty());
        assertThat(EventText.what(e)).startsWith("Renewal notice mailed").endsWith("on Oct 1, 2025");
    }
}
