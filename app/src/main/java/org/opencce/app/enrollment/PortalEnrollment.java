package org.opencce.app.enrollment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.Decision;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.FixedReadDay;
import org.opencce.domain.enrollment.MeterReadCalendar;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.store.Database;
import org.opencce.store.EnrollmentStore;

/**
 * The customer portal's and the staff console's requests applied to the enrollment history
 * ({@link EnrollmentRequests}): an opt-out records {@link EventKind#OPTED_OUT}, a product change
 * {@link EventKind#PRODUCT_CHANGE_REQUESTED} (for an enrolled account effective on its next meter-read date,
 * issue 6, section 2), an opt-in {@link EventKind#OPTED_IN}; each in one transaction with the account
 * locked, with the actor ({@value #CUSTOMER} for the portal, the staff login otherwise), the channel, the
 * client's address in the reason, and the confirmation number given to the customer as the event's
 * reference. The rules are the domain's ({@link Enrollment#check}): what they refuse is refused with a
 * reason safe to show.
 *
 * <p>Matching does the same work whether or not the number exists: one indexed look-up by the number's
 * key, then the ZIP code compared for every account found, or for none against a ZIP code no account has,
 * so that neither the answer nor its timing tells whether an account number exists. Thread-safe.
 */
public final class PortalEnrollment implements EnrollmentRequests {
    /**
     * Until the utilities' read cycles are imported, every meter is taken to be read on the first of the
     * month (docs/enrollment.md, "Meter reads and counts": {@link FixedReadDay} is the documented stand-in).
     */
    public static final MeterReadCalendar FIRST_OF_THE_MONTH = new FixedReadDay(1);
    /** The actor of a customer's own request through the portal (docs/enrollment.md). */
    public static final String CUSTOMER = "customer";
    /** Letters and digits that cannot be mistaken for one another when read over the phone. */
    private static final String CONFIRMATION_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int CONFIRMATION_LENGTH = 8;
    private static final String NO_ZIP = "-----";

    private final Database db;
    private final MeterReadCalendar reads;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param reads when each account's meter is read: a product change of an enrolled account takes effect
     *     on its next read after the request day
     */
    public PortalEnrollment(Database db, MeterReadCalendar reads, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PortalOutcome submitFromPortal(ProgramId program, PortalRequest request) {
        Objects.requireNonNull(request, "request");
        List<Account> candidates = db.accounts().findByNumberKey(program, request.accountNumberKey());
        // The ZIP code is compared even when no account was found, so an unknown number costs what a wrong ZIP costs.
        List<String> zips = candidates.isEmpty() ? List.of(NO_ZIP)
                : candidates.stream().map(a -> zip5(a.serviceAddress().zip())).toList();
        Account matched = null;
        int matches = 0;
        for (int i = 0; i < zips.size(); i++) {
            if (zips.get(i).equals(request.serviceZip5())) {
                matched = candidates.get(i);
                matches++;
            }
        }
        if (matches != 1) {
            return new PortalOutcome.NotMatched();
        }
        return apply(program, matched, request, CUSTOMER, Channel.WEB);
    }

    @Override
    public PortalOutcome submitForStaff(ProgramId program, AccountId account, PortalRequest request,
            String staffUser) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(staffUser, "staffUser");
        Optional<Account> found = db.accounts().find(account).filter(a -> a.program().equals(program));
        if (found.isEmpty()) {
            return new PortalOutcome.NotMatched();
        }
        Channel channel = Channel.fromWireName(request.channel().code()).orElse(Channel.STAFF);
        return apply(program, found.get(), request, staffUser, channel);
    }

    private PortalOutcome apply(ProgramId program, Account account, PortalRequest request, String actor,
            Channel channel) {
        Optional<ProductId> product = request.product();
        if (product.isPresent() && db.programs().product(program, product.get()).isEmpty()) {
            return new PortalOutcome.Refused("That product is not offered; choose one of the products listed.");
        }
        if (request.kind() == PortalRequest.Kind.OPT_IN && product.isEmpty()) {
            product = db.programs().products(program).stream().filter(Product::isDefault).map(Product::id).findFirst();
            if (product.isEmpty()) {
                return new PortalOutcome.Refused("The program has no default product; please choose one.");
            }
        }
        Instant now = clock.instant();
        LocalDate today = LocalCalendar.local(now).toLocalDate();
        String confirmation = confirmationNumber();
        Optional<ProductId> chosen = product;
        return db.enrollments().inTransaction(program, tx -> {
            Enrollment enrollment = tx.lock(List.of(account.id())).get(account.id());
            if (enrollment == null) {
                return new PortalOutcome.Refused("This account is not yet in the program's enrollment records;"
                        + " please call the program.");
            }
            if (request.kind() == PortalRequest.Kind.OPT_OUT && enrollment.optedOut()) {
                return new PortalOutcome.Refused("This account has already opted out of the program; nothing"
                        + " changed.");
            }
            EnrollmentEvent event = event(account.id(), request.kind(), chosen, enrollment, now, today, actor,
                    channel, "requested from " + request.clientAddress());
            // An ended program takes no one in (docs/enrollment.md, "The end of the program"); the store
            // would refuse the event too, this says it in the customer's words.
            if (tx.programEnd().flatMap(end -> end.refusal(event)).isPresent()) {
                return new PortalOutcome.Refused("The program has ended and returned its customers to Basic Service;"
                        + " it takes no new customers.");
            }
            Decision decision = enrollment.check(event);
            if (!decision.isAllowed()) {
                return new PortalOutcome.Refused(refusal(request.kind(), enrollment.state()));
            }
            tx.appendReferenced(List.of(new EnrollmentStore.ReferencedEvent(event, confirmation)));
            return new PortalOutcome.Confirmed(confirmation, whatHappens(request.kind(), enrollment.state()),
                    event.kind() == EventKind.PRODUCT_CHANGE_REQUESTED ? event.date() : Optional.empty());
        });
    }

    private EnrollmentEvent event(AccountId id, PortalRequest.Kind kind, Optional<ProductId> product,
            Enrollment enrollment, Instant now, LocalDate today, String actor, Channel channel, String reason) {
        if (kind == PortalRequest.Kind.OPT_OUT) {
            return EnrollmentEvent.ofReason(id, EventKind.OPTED_OUT, now, actor, channel, reason);
        }
        if (kind == PortalRequest.Kind.OPT_IN) {
            return EnrollmentEvent.ofProduct(id, EventKind.OPTED_IN, now, actor, channel, product.orElseThrow())
                    .withReason(reason);
        }
        EnrollmentEvent change = EnrollmentEvent.ofProduct(id, EventKind.PRODUCT_CHANGE_REQUESTED, now, actor, channel,
                product.orElseThrow()).withReason(reason);
        // Once supplied, the utility switches the product on a meter-read date (issue 6, section 2).
        return enrollment.state() == EnrollmentState.ENROLLED
                ? change.withDate(reads.effectiveDateOfChange(id, today)) : change;
    }

    /** Words for the customer: what the rules refused, without naming the account. */
    private static String refusal(PortalRequest.Kind kind, EnrollmentState state) {
        if (kind == PortalRequest.Kind.OPT_IN) {
            return state == EnrollmentState.ELIGIBLE || state == EnrollmentState.NOTIFIED
                    || state == EnrollmentState.ENROLLING || state == EnrollmentState.ENROLLED
                    ? "This account is already being enrolled or is in the program; to choose another product,"
                            + " ask for a product change."
                    : "This account cannot join the program online now; please call the program.";
        }
        if (kind == PortalRequest.Kind.CHANGE_PRODUCT) {
            return "The product cannot be changed online now (a change may already be under way, or the account is"
                    + " not in the program); please call the program.";
        }
        return "This opt-out cannot be recorded online now; please call the program.";
    }

    private static String whatHappens(PortalRequest.Kind kind, EnrollmentState before) {
        if (kind == PortalRequest.Kind.OPT_OUT) {
            return before == EnrollmentState.ENROLLED
                    ? "You are leaving the program, at no cost. The utility returns the account to its Basic Service;"
                            + " this can take until the next meter reading."
                    : "You have opted out. The account will not be enrolled and stays with its current supply.";
        }
        if (kind == PortalRequest.Kind.OPT_IN) {
            return "Your request to join has been recorded. The program will ask the utility to enroll the account;"
                    + " supply starts on a meter-read date.";
        }
        return before == EnrollmentState.ENROLLED
                ? "Your product change has been recorded. It takes effect on the account's next meter-read date."
                : "Your product choice has been recorded. The account will be enrolled in this product.";
    }

    private String confirmationNumber() {
        StringBuilder s = new StringBuilder(CONFIRMATION_LENGTH);
        for (int i = 0; i < CONFIRMATION_LENGTH; i++) {
            s.append(CONFIRMATION_ALPHABET.charAt(random.nextInt(CONFIRMATION_ALPHABET.length())));
        }
        return s.toString();
    }

    private static String zip5(String zip) {
        return zip.length() >= 5 ? zip.substring(0, 5) : zip;
    }
}
