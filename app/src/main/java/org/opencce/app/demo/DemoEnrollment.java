package org.opencce.app.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.OptOutWindow;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.store.EnrollmentStore;

/**
 * The enrollment histories of the demo's accounts, as a campaign that ran before launch would have left
 * them, so that the status, the portal and the console work on the demo as on a real program: every account
 * listed two months before launch; Basic Service accounts mailed their notice with a window that closed
 * before launch; those the program supplies enrolled at launch with their product, the others (still on Basic
 * Service) opted out during their window, except a few whose notice came back undeliverable (one in
 * {@value #RETURNED_MAIL_EVERY}) and a few whose enrollment the utility rejected (one in
 * {@value #REJECTED_EVERY}), so that the console's exception queues have something to show; competitive accounts
 * listed as such. Every event goes through the state machine, as any other. Stateless and thread-safe.
 */
public final class DemoEnrollment {
    /** The actor of the demo's made-up history. */
    public static final String ACTOR = "demo";
    /** One Basic Service account in this many (by account id) had its notice returned. */
    static final int RETURNED_MAIL_EVERY = 41;
    /** One Basic Service account in this many (by account id) was rejected by the utility. */
    static final int REJECTED_EVERY = 37;
    /**
     * The rejections the demo's utilities give: UIG REF*7G codes with their descriptions, as the utility
     * simulator uses them (docs/formats/edi-814.md).
     */
    private static final List<String> REJECTIONS = List.of("A76 ACCOUNT NOT FOUND",
            "API REQUIRED INFORMATION MISSING");

    private DemoEnrollment() {
    }

    /**
     * Records the histories of {@code accounts} (none of which has one yet) in one transaction; rejected
     * enrollments had asked for {@code defaultProduct} (without one, none is rejected).
     */
    public static void record(EnrollmentStore store, Program program, Optional<ProductId> defaultProduct,
            List<Account> accounts) {
        LocalDate launch = program.launchDate();
        OptOutWindow window = new OptOutWindow(program.optOutWindowDays());
        LocalDate mailed = launch.minusDays(program.optOutWindowDays() + 15L);
        LocalDate closes = window.closesOn(mailed);
        Instant listedAt = at(launch.minusDays(program.optOutWindowDays() + 30L));
        Instant mailedAt = at(mailed);
        Instant optedOutAt = at(mailed.plusDays(10));
        List<EnrollmentEvent> events = new ArrayList<>();
        for (Account a : accounts) {
            if (a.supplyStatus() == SupplyStatus.COMPETITIVE) {
                events.add(EnrollmentEvent.of(a.id(), EventKind.LISTED_COMPETITIVE, listedAt, ACTOR, Channel.SYSTEM));
                continue;
            }
            events.add(EnrollmentEvent.of(a.id(), EventKind.LISTED_ELIGIBLE, listedAt, ACTOR, Channel.SYSTEM));
            events.add(EnrollmentEvent.noticeMailed(a.id(), mailedAt, ACTOR, Channel.MAIL, mailed, closes));
            if (a.supplyStatus() == SupplyStatus.PROGRAM && a.product().isPresent()) {
                events.add(EnrollmentEvent.ofProduct(a.id(), EventKind.ENROLLMENT_REQUESTED, at(launch.minusDays(10)),
                        ACTOR, Channel.SYSTEM, a.product().get()));
                events.add(EnrollmentEvent.of(a.id(), EventKind.ENROLLMENT_SENT, at(launch.minusDays(9)), ACTOR,
                        Channel.EDI));
                events.add(EnrollmentEvent.of(a.id(), EventKind.ENROLLMENT_ACCEPTED, at(launch.minusDays(5)), ACTOR,
                        Channel.EDI).withDate(launch));
            } else if (a.id().value() % RETURNED_MAIL_EVERY == 0) {
                events.add(EnrollmentEvent.of(a.id(), EventKind.MAIL_RETURNED, optedOutAt, ACTOR, Channel.MAIL));
            } else if (a.id().value() % REJECTED_EVERY == 0 && defaultProduct.isPresent()) {
                events.add(EnrollmentEvent.ofProduct(a.id(), EventKind.ENROLLMENT_REQUESTED, at(launch.minusDays(10)),
                        ACTOR, Channel.SYSTEM, defaultProduct.get()));
                events.add(EnrollmentEvent.of(a.id(), EventKind.ENROLLMENT_SENT, at(launch.minusDays(9)), ACTOR,
                        Channel.EDI));
                events.add(EnrollmentEvent.ofReason(a.id(), EventKind.ENROLLMENT_REJECTED, at(launch.minusDays(5)),
                        ACTOR, Channel.EDI, REJECTIONS.get((int) (a.id().value() % REJECTIONS.size()))));
            } else {
                events.add(EnrollmentEvent.of(a.id(), EventKind.OPTED_OUT, optedOutAt, ACTOR, Channel.MAIL));
            }
        }
        store.inTransaction(program.id(), tx -> {
            tx.lock(accounts.stream().map(Account::id).toList());
            return tx.append(events);
        });
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(LocalCalendar.ZONE).toInstant();
    }
}
