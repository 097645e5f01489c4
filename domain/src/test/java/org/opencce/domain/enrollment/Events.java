package org.opencce.domain.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.time.LocalCalendar;

/** Builds the events of the enrollment tests: noon, Massachusetts time, on a given day. */
final class Events {
    private Events() {
    }

    /** Noon of a local day, as an instant. */
    static Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(LocalCalendar.ZONE).toInstant();
    }

    static EnrollmentEvent event(AccountId account, EventKind kind, LocalDate day) {
        return EnrollmentEvent.of(account, kind, noon(day), "staff", Channel.STAFF);
    }

    static EnrollmentEvent withProduct(AccountId account, EventKind kind, LocalDate day, ProductId product) {
        return EnrollmentEvent.ofProduct(account, kind, noon(day), "staff", Channel.STAFF, product);
    }

    static EnrollmentEvent change(AccountId account, LocalDate day, ProductId product, LocalDate effective) {
        return withProduct(account, EventKind.PRODUCT_CHANGE_REQUESTED, day, product).withDate(effective);
    }

    static EnrollmentEvent rejected(AccountId account, EventKind kind, LocalDate day, String reason) {
        return EnrollmentEvent.ofReason(account, kind, noon(day), "utility", Channel.EDI, reason);
    }

    static EnrollmentEvent notice(AccountId account, LocalDate mailed, LocalDate closes) {
        return EnrollmentEvent.noticeMailed(account, noon(mailed), "staff", Channel.MAIL, mailed, closes);
    }

    /** A fully specified event of any kind: every field a kind may need is filled in. */
    static EnrollmentEvent any(AccountId account, EventKind kind, LocalDate day, ProductId product) {
        return new EnrollmentEvent(account, kind, noon(day), "staff", Channel.STAFF, "A13 account not found",
                Optional.of(product), Optional.of(day.plusDays(14)),
                kind == EventKind.NOTICE_MAILED ? Optional.of(day.plusDays(30)) : Optional.empty());
    }

    /** A history read as a list, for appending in tests. */
    static List<EnrollmentEvent> plus(List<EnrollmentEvent> history, EnrollmentEvent... more) {
        List<EnrollmentEvent> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }
}
