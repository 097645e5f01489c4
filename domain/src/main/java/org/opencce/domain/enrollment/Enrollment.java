package org.opencce.domain.enrollment;

import static org.opencce.domain.enrollment.EnrollmentState.COMPETITIVE;
import static org.opencce.domain.enrollment.EnrollmentState.DROPPED;
import static org.opencce.domain.enrollment.EnrollmentState.DROPPING;
import static org.opencce.domain.enrollment.EnrollmentState.ELIGIBLE;
import static org.opencce.domain.enrollment.EnrollmentState.ENROLLED;
import static org.opencce.domain.enrollment.EnrollmentState.ENROLLING;
import static org.opencce.domain.enrollment.EnrollmentState.INELIGIBLE;
import static org.opencce.domain.enrollment.EnrollmentState.NOTIFIED;
import static org.opencce.domain.enrollment.EnrollmentState.OPTED_OUT;
import static org.opencce.domain.enrollment.EnrollmentState.REJECTED;
import static org.opencce.domain.enrollment.EnrollmentState.RETURNED_MAIL;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.time.LocalCalendar;

/**
 * The enrollment of one account, derived only from its event history: {@link #replay} folds the history
 * through {@link #apply}, which returns the enrollment after one more event or refuses an event the
 * rules do not allow. The rules (G. L. c. 164, § 134; D.P.U. 23-67-A; issue 6) and the full transition
 * table are in {@code docs/enrollment.md}; the ones that protect customers are:
 * <ul>
 * <li>an opt-out received before enrollment always wins: once opted out, no event but the customer's
 * own opt-in puts the account in {@link EnrollmentState#ENROLLING} or {@link EnrollmentState#ENROLLED}.
 * An opt-out that arrives after the enrollment request was sent makes the account
 * {@link EnrollmentState#OPTED_OUT} at once, and the utility's acceptance of that request then queues a
 * drop ({@link EnrollmentState#DROPPING}) instead of enrolling it;</li>
 * <li>a customer may opt out at any time, at no fee: an enrolled account moves to
 * {@link EnrollmentState#DROPPING} and a drop request is queued for the utility;</li>
 * <li>an account is enrolled automatically only from {@link EnrollmentState#NOTIFIED}, after the last
 * day of its opt-out window; returned mail and competitive customers never are;</li>
 * <li>one product at a time; a product change takes effect on the next meter-read date.</li>
 * </ul>
 * Besides the state it keeps what the EDI exchange needs: the {@link UtilityRequest} queued for the next
 * 814 file, those sent and awaiting the utility's answer (an answer nobody awaits is refused), and the
 * latest rejection reason for staff. Immutable and thread-safe.
 */
public final class Enrollment {
    private final AccountId account;
    private final EnrollmentState state;
    private final Optional<ProductId> product;
    private final Optional<PendingChange> pendingChange;
    private final Optional<LocalDate> noticeMailed;
    private final Optional<LocalDate> optOutWindowCloses;
    private final boolean optedOut;
    private final Optional<UtilityRequest> requestToSend;
    private final Set<UtilityRequest> awaitingResponse;
    private final Optional<String> rejection;
    private final int historySize;

    private Enrollment(Next n) {
        this.account = n.account;
        this.state = n.state;
        this.product = n.product;
        this.pendingChange = n.pendingChange;
        this.noticeMailed = n.noticeMailed;
        this.optOutWindowCloses = n.optOutWindowCloses;
        this.optedOut = n.optedOut;
        this.requestToSend = n.requestToSend;
        this.awaitingResponse = n.awaitingResponse.isEmpty() ? Set.of() : Set.copyOf(n.awaitingResponse);
        this.rejection = n.rejection;
        this.historySize = n.historySize;
    }

    /**
     * The enrollment a history leads to: its first event must list the account
     * ({@link EventKind#LISTED_ELIGIBLE} or {@link EventKind#LISTED_COMPETITIVE}), and each later one must
     * be allowed in the state before it.
     *
     * @throws IllegalArgumentException if the history is empty
     * @throws IllegalTransitionException at the first event the rules refuse
     */
    public static Enrollment replay(List<EnrollmentEvent> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("an enrollment is replayed from at least one event, its listing;"
                    + " the history given is empty");
        }
        Enrollment enrollment = start(history.get(0));
        for (EnrollmentEvent event : history.subList(1, history.size())) {
            enrollment = enrollment.apply(event);
        }
        return enrollment;
    }

    /**
     * The enrollment of an account first found on a customer list.
     *
     * @throws IllegalTransitionException unless the event is a listing
     */
    public static Enrollment start(EnrollmentEvent listing) {
        EnrollmentState first;
        if (listing.kind() == EventKind.LISTED_ELIGIBLE) {
            first = ELIGIBLE;
        } else if (listing.kind() == EventKind.LISTED_COMPETITIVE) {
            first = COMPETITIVE;
        } else {
            throw new IllegalTransitionException("account " + listing.account() + " has no history yet; "
                    + listing.kind().wireName() + " refused: the first event of an account is its listing"
                    + " (listed_eligible or listed_competitive)");
        }
        Next n = new Next(listing.account());
        n.state = first;
        return new Enrollment(n);
    }

    /**
     * The enrollment after {@code event}.
     *
     * @throws IllegalTransitionException if the rules do not allow the event in this state; the message
     *         names the account, the state, the event and why
     */
    public Enrollment apply(EnrollmentEvent event) {
        Decision decision = check(event);
        if (decision instanceof Decision.Allowed) {
            return ((Decision.Allowed) decision).next();
        }
        throw new IllegalTransitionException(((Decision.Refused) decision).reason());
    }

    /** Whether {@code event} may be recorded now, and the enrollment after it; never throws for a refusal. */
    public Decision check(EnrollmentEvent event) {
        Objects.requireNonNull(event, "event");
        if (!event.account().equals(account)) {
            return refuse(event, "the event is for account " + event.account());
        }
        EventKind kind = event.kind();
        if (awaitingResponse.contains(UtilityRequest.ENROLL) && state != ENROLLING
                && kind != EventKind.ENROLLMENT_ACCEPTED && kind != EventKind.ENROLLMENT_REJECTED
                && kind != EventKind.OPTED_OUT) {
            return refuse(event, "the enrollment request sent before it left the program awaits the utility's"
                    + " answer; record that answer first");
        }
        return switch (kind) {
            case LISTED_ELIGIBLE -> listedEligible(event);
            case LISTED_COMPETITIVE -> listedCompetitive(event);
            case LEFT_BASIC_SERVICE -> leftBasicService(event);
            case NOTICE_MAILED -> noticeMailed(event);
            case MAIL_RETURNED -> mailReturned(event);
            case OPTED_OUT -> optOut(event);
            case OPTED_IN -> optIn(event);
            case ENROLLMENT_REQUESTED -> enrollmentRequested(event);
            case ENROLLMENT_SENT -> enrollmentSent(event);
            case ENROLLMENT_ACCEPTED -> enrollmentAnswered(event, true);
            case ENROLLMENT_REJECTED -> enrollmentAnswered(event, false);
            case PRODUCT_CHANGE_REQUESTED -> productChangeRequested(event);
            case PRODUCT_CHANGE_SENT -> sent(event, UtilityRequest.CHANGE, "no product change is queued for the utility");
            case PRODUCT_CHANGE_APPLIED -> changeAnswered(event, true);
            case PRODUCT_CHANGE_REJECTED -> changeAnswered(event, false);
            case DROP_REQUESTED, MASS_DROP -> drop(event);
            case DROP_SENT -> sent(event, UtilityRequest.DROP, "no drop request is queued for the utility");
            case DROP_ACCEPTED -> dropAnswered(event, true);
            case DROP_REJECTED -> dropAnswered(event, false);
            case RENEWAL_NOTICE_MAILED -> renewalNoticeMailed(event);
        };
    }

    // A later list shows the account back on Basic Service: it gets its own notice and window (issue 6, § 2).
    private Decision listedEligible(EnrollmentEvent e) {
        if (optedOut) {
            return refuse(e, "the customer opted out, and a customer who opted out is enrolled again only if"
                    + " they opt in");
        }
        if (state != COMPETITIVE && state != INELIGIBLE && state != DROPPED) {
            return refuse(e, "it is already listed on Basic Service or supplied by the program");
        }
        Next n = next();
        n.state = ELIGIBLE;
        n.forgetNotice();
        return allow(n);
    }

    // Competitive customers are never enrolled automatically but may opt in (G. L. c. 164, § 134(a)).
    private Decision listedCompetitive(EnrollmentEvent e) {
        if (state == COMPETITIVE) {
            return refuse(e, "it is already listed with a competitive supplier");
        }
        if (state == OPTED_OUT) {
            return refuse(e, "the opt-out stands whoever supplies the account; nothing changes");
        }
        Next n = next();
        if (state == ENROLLING) {
            n.cancelEnrollment(COMPETITIVE);
        } else {
            n.leaveSupply(COMPETITIVE);
        }
        n.forgetNotice();
        return allow(n);
    }

    // "Accounts that left it are dropped" (issue 6, § 2): the utility ends supply of a closed account itself.
    private Decision leftBasicService(EnrollmentEvent e) {
        if (state == OPTED_OUT) {
            return refuse(e, "the opt-out stands; an opted-out account needs nothing more");
        }
        if (state == INELIGIBLE || state == DROPPED) {
            return refuse(e, "it is already out of the program");
        }
        Next n = next();
        if (state == ENROLLING) {
            n.cancelEnrollment(INELIGIBLE);
        } else if (state == ENROLLED || state == DROPPING) {
            n.leaveSupply(DROPPED);
        } else {
            n.leaveSupply(INELIGIBLE);
        }
        n.forgetNotice();
        return allow(n);
    }

    // Every eligible customer is mailed an opt-out notice before enrollment (G. L. c. 164, § 134(a)).
    private Decision noticeMailed(EnrollmentEvent e) {
        if (state == COMPETITIVE) {
            return refuse(e, "competitive customers are not enrolled automatically and get no opt-out notice;"
                    + " they may opt in");
        }
        if (state == NOTIFIED) {
            return refuse(e, "its notice was already mailed on " + noticeMailed.orElseThrow()
                    + " and its opt-out window closes on " + optOutWindowCloses.orElseThrow());
        }
        if (state != ELIGIBLE && state != RETURNED_MAIL) {
            return refuse(e, "an opt-out notice goes only to an eligible account not yet notified, or to one"
                    + " whose notice came back");
        }
        Next n = next();
        n.state = NOTIFIED;
        n.noticeMailed = e.date();
        n.optOutWindowCloses = e.windowCloses();
        return allow(n);
    }

    // Returned or undeliverable mail is never enrolled (issue 6, § 2): its customer had no fair chance to opt out.
    private Decision mailReturned(EnrollmentEvent e) {
        if (state == ENROLLING) {
            Next n = next();
            n.cancelEnrollment(RETURNED_MAIL);
            return allow(n);
        }
        if (state == ENROLLED) {
            Next n = next();
            n.queueDrop();
            return allow(n);
        }
        if (state != NOTIFIED) {
            return refuse(e, "no opt-out notice of an account about to be enrolled is out to come back");
        }
        Next n = next();
        n.state = RETURNED_MAIL;
        n.product = Optional.empty();
        return allow(n);
    }

    // A customer may opt out at any time, with no fee (D.P.U. 23-67-A); an opt-out before enrollment always wins.
    private Decision optOut(EnrollmentEvent e) {
        if (optedOut) {
            return refuse(e, "the customer has already opted out");
        }
        Next n = next();
        n.optedOut = true;
        if (state == ENROLLING) {
            n.cancelEnrollment(OPTED_OUT);
        } else if (state == ENROLLED) {
            n.queueDrop();
        } else if (state == DROPPING) {
            // a drop the utility rejected must now be sent again: the customer wants out
            if (requestToSend.isEmpty() && !awaitingResponse.contains(UtilityRequest.DROP)) {
                n.requestToSend = Optional.of(UtilityRequest.DROP);
            }
        } else {
            n.state = OPTED_OUT;
            if (!awaitingResponse.contains(UtilityRequest.ENROLL)) {
                n.product = Optional.empty();
            }
        }
        return allow(n);
    }

    // Competitive, opted-out and other customers not enrolled automatically may opt in (G. L. c. 164, § 134(a)).
    private Decision optIn(EnrollmentEvent e) {
        if (state == ELIGIBLE || state == NOTIFIED) {
            return refuse(e, "it will be enrolled when its opt-out window closes; to choose a product, request a"
                    + " product change");
        }
        if (state == ENROLLING || state == ENROLLED) {
            return refuse(e, "it is already enrolled or being enrolled; to choose a product, request a product"
                    + " change");
        }
        if (state == DROPPING) {
            return refuse(e, "a drop is in progress; the customer may opt in again once it is done");
        }
        if (state == INELIGIBLE) {
            return refuse(e, "it is not on Basic Service or with a competitive supplier in a member town");
        }
        Next n = next();
        n.optedOut = false;
        queueEnrollment(n, e);
        return allow(n);
    }

    // The run enrolls a notified account only after the last day of its opt-out window (G. L. c. 164, § 134(a)).
    private Decision enrollmentRequested(EnrollmentEvent e) {
        if (state == NOTIFIED) {
            LocalDate day = LocalCalendar.local(e.at()).toLocalDate();
            LocalDate closes = optOutWindowCloses.orElseThrow();
            if (!day.isAfter(closes)) {
                return refuse(e, "its opt-out window is open until " + closes + " inclusive; it may be enrolled"
                        + " from " + closes.plusDays(1));
            }
        } else if (state == OPTED_OUT) {
            return refuse(e, "an enrollment cannot be requested after an opt-out; only the customer's opt-in can");
        } else if (state == RETURNED_MAIL) {
            return refuse(e, "its notice came back, and returned mail is never enrolled automatically");
        } else if (state == COMPETITIVE) {
            return refuse(e, "competitive customers are enrolled only if they opt in");
        } else if (state == ELIGIBLE) {
            return refuse(e, "no opt-out notice has been mailed; it is enrolled only after its opt-out window");
        } else if (state != REJECTED) {
            return refuse(e, "only a notified account whose window has closed, or a rejected one staff retry, can"
                    + " be enrolled");
        }
        Next n = next();
        queueEnrollment(n, e);
        return allow(n);
    }

    private Decision enrollmentSent(EnrollmentEvent e) {
        if (state == OPTED_OUT) {
            return refuse(e, "an enrollment cannot be sent after an opt-out");
        }
        return sent(e, UtilityRequest.ENROLL, "no enrollment request is queued for the utility");
    }

    private Decision sent(EnrollmentEvent e, UtilityRequest request, String otherwise) {
        if (!requestToSend.equals(Optional.of(request))) {
            return refuse(e, otherwise);
        }
        Next n = next();
        n.requestToSend = Optional.empty();
        n.awaitingResponse.add(request);
        return allow(n);
    }

    private Decision enrollmentAnswered(EnrollmentEvent e, boolean accepted) {
        if (!awaitingResponse.contains(UtilityRequest.ENROLL)) {
            return refuse(e, "no enrollment request sent to the utility awaits an answer");
        }
        Next n = next();
        n.awaitingResponse.remove(UtilityRequest.ENROLL);
        if (state == ENROLLING) {
            if (accepted) {
                n.state = ENROLLED;
                n.rejection = Optional.empty();
            } else {
                n.state = REJECTED;
                n.product = Optional.empty();
                n.rejection = Optional.of(e.reason());
            }
        } else if (accepted) {
            // the account left (opted out, mail returned, dropped, closed) while its enrollment was on its
            // way: the utility enrolled it anyway, so a drop follows and it is never counted as enrolled
            n.state = DROPPING;
            n.requestToSend = Optional.of(UtilityRequest.DROP);
        } else {
            n.product = Optional.empty();
            n.rejection = Optional.of(e.reason());
        }
        return allow(n);
    }

    // Opt up or down takes effect on the next meter-read date (issue 6, § 2); before enrollment it is a choice.
    private Decision productChangeRequested(EnrollmentEvent e) {
        ProductId chosen = e.product().orElseThrow();
        if (state == ELIGIBLE || state == NOTIFIED || (state == ENROLLING && requestToSend.isPresent())) {
            if (product.equals(e.product())) {
                return refuse(e, "the customer already chose " + chosen);
            }
            Next n = next();
            n.product = e.product();
            return allow(n);
        }
        if (state == ENROLLING) {
            return refuse(e, "the enrollment in " + product.orElseThrow() + " was sent; request the change once"
                    + " the utility has accepted it");
        }
        if (state != ENROLLED) {
            return refuse(e, "only an account enrolled or about to be can change product; others opt in");
        }
        if (awaitingResponse.contains(UtilityRequest.CHANGE)) {
            return refuse(e, "a change to " + pendingChange.orElseThrow().product() + " awaits the utility's answer");
        }
        Next n = next();
        if (product.equals(e.product())) {
            if (pendingChange.isEmpty()) {
                return refuse(e, "it is already supplied with " + chosen);
            }
            // back to the current product before the change left: nothing to send
            n.pendingChange = Optional.empty();
            n.requestToSend = Optional.empty();
            return allow(n);
        }
        if (e.date().isEmpty()) {
            return refuse(e, "a product change needs its effective date, the account's next meter-read date");
        }
        n.pendingChange = Optional.of(new PendingChange(chosen, e.date().get()));
        n.requestToSend = Optional.of(UtilityRequest.CHANGE);
        n.rejection = Optional.empty();
        return allow(n);
    }

    private Decision changeAnswered(EnrollmentEvent e, boolean applied) {
        if (!awaitingResponse.contains(UtilityRequest.CHANGE)) {
            return refuse(e, "no product change sent to the utility awaits an answer");
        }
        Next n = next();
        n.awaitingResponse.remove(UtilityRequest.CHANGE);
        if (applied) {
            n.product = Optional.of(pendingChange.orElseThrow().product());
        } else {
            n.rejection = Optional.of(e.reason());
        }
        n.pendingChange = Optional.empty();
        return allow(n);
    }

    private Decision drop(EnrollmentEvent e) {
        if (state == ENROLLING) {
            Next n = next();
            n.cancelEnrollment(DROPPED);
            return allow(n);
        }
        if (state == ENROLLED) {
            Next n = next();
            n.queueDrop();
            return allow(n);
        }
        if (state == DROPPING) {
            if (requestToSend.isPresent() || awaitingResponse.contains(UtilityRequest.DROP)) {
                return refuse(e, "a drop is already in progress");
            }
            // the utility rejected the last drop: staff send it again
            Next n = next();
            n.requestToSend = Optional.of(UtilityRequest.DROP);
            return allow(n);
        }
        return refuse(e, "it is not supplied by the program, so there is nothing to drop");
    }

    private Decision dropAnswered(EnrollmentEvent e, boolean accepted) {
        if (!awaitingResponse.contains(UtilityRequest.DROP)) {
            return refuse(e, "no drop request sent to the utility awaits an answer");
        }
        Next n = next();
        if (accepted) {
            n.leaveSupply(DROPPED);
        } else {
            n.awaitingResponse.remove(UtilityRequest.DROP);
            n.rejection = Optional.of(e.reason());
        }
        return allow(n);
    }

    // At renewal customers stay in their product at the new price, after notice (issue 6, section 2); the
    // notice goes to those the program supplies or is about to, and changes nothing but the history.
    private Decision renewalNoticeMailed(EnrollmentEvent e) {
        if (state != ENROLLED && state != ENROLLING) {
            return refuse(e, "a renewal notice goes only to an account enrolled or being enrolled, which stays in its"
                    + " product at the new price unless it opts out");
        }
        return allow(next());
    }

    private static void queueEnrollment(Next n, EnrollmentEvent e) {
        n.state = ENROLLING;
        n.product = e.product();
        n.requestToSend = Optional.of(UtilityRequest.ENROLL);
        n.rejection = Optional.empty();
    }

    private Next next() {
        return new Next(this);
    }

    private Decision allow(Next n) {
        n.historySize = historySize + 1;
        return new Decision.Allowed(new Enrollment(n));
    }

    private Decision refuse(EnrollmentEvent e, String why) {
        return new Decision.Refused("account " + account + " is " + state.wireName() + "; " + e.kind().wireName()
                + " refused: " + why);
    }

    /** The account whose history this is. */
    public AccountId account() {
        return account;
    }

    public EnrollmentState state() {
        return state;
    }

    /**
     * The account's one product: the product it will be enrolled in when the customer chose one before
     * enrollment ({@link EnrollmentState#ELIGIBLE}, {@link EnrollmentState#NOTIFIED}; otherwise the run uses
     * the default product), the product of its enrollment request ({@link EnrollmentState#ENROLLING}, or
     * an account that left while that request awaits the utility's answer), the product that supplies it
     * ({@link EnrollmentState#ENROLLED}, {@link EnrollmentState#DROPPING}); empty in every other state.
     */
    public Optional<ProductId> product() {
        return product;
    }

    /** The product the program supplies the account with now: present when enrolled or dropping. */
    public Optional<ProductId> enrolledProduct() {
        return state == ENROLLED || state == DROPPING ? product : Optional.empty();
    }

    /** A product change requested and not yet applied or rejected by the utility. */
    public Optional<PendingChange> pendingChange() {
        return pendingChange;
    }

    /**
     * The mailing date of the account's latest opt-out notice; forgotten when a later list makes the
     * account eligible anew (it then gets a notice of its own) or moves it away.
     */
    public Optional<LocalDate> noticeMailed() {
        return noticeMailed;
    }

    /** The last day of the opt-out window of that notice, inclusive, as printed on the letter. */
    public Optional<LocalDate> optOutWindowCloses() {
        return optOutWindowCloses;
    }

    /**
     * Whether the customer's opt-out stands: set by an opt-out, cleared only by the customer's opt-in.
     * While it stands the account is never {@link EnrollmentState#ENROLLING} or
     * {@link EnrollmentState#ENROLLED}, and a later list showing it on Basic Service does not make it
     * eligible again.
     */
    public boolean optedOut() {
        return optedOut;
    }

    /** The request to put in the next 814 file for this account, if any. */
    public Optional<UtilityRequest> requestToSend() {
        return requestToSend;
    }

    /** The requests sent to the utility that await its answer. */
    public Set<UtilityRequest> awaitingResponse() {
        return awaitingResponse;
    }

    /** The reason the utility gave for its latest rejection, until the request is made again. */
    public Optional<String> rejection() {
        return rejection;
    }

    /** How many events the history holds. */
    public int historySize() {
        return historySize;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Enrollment)) {
            return false;
        }
        Enrollment other = (Enrollment) o;
        return account.equals(other.account) && state == other.state && product.equals(other.product)
                && pendingChange.equals(other.pendingChange) && noticeMailed.equals(other.noticeMailed)
                && optOutWindowCloses.equals(other.optOutWindowCloses) && optedOut == other.optedOut
                && requestToSend.equals(other.requestToSend) && awaitingResponse.equals(other.awaitingResponse)
                && rejection.equals(other.rejection) && historySize == other.historySize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, state, product, pendingChange, noticeMailed, optOutWindowCloses, optedOut,
                requestToSend, awaitingResponse, rejection, historySize);
    }

    @Override
    public String toString() {
        return "Enrollment[account " + account + ", " + state.wireName() + ", product " + product.orElse(null)
                + ", pending change " + pendingChange.orElse(null) + ", notice " + noticeMailed.orElse(null)
                + ", window closes " + optOutWindowCloses.orElse(null) + ", opted out " + optedOut + ", to send "
                + requestToSend.map(UtilityRequest::wireName).orElse(null) + ", awaiting " + awaitingResponse
                + ", rejection " + rejection.orElse(null) + ", " + historySize + " events]";
    }

    /** The fields of the next enrollment while a transition builds it; never leaves this class. */
    private static final class Next {
        private final AccountId account;
        private EnrollmentState state;
        private Optional<ProductId> product = Optional.empty();
        private Optional<PendingChange> pendingChange = Optional.empty();
        private Optional<LocalDate> noticeMailed = Optional.empty();
        private Optional<LocalDate> optOutWindowCloses = Optional.empty();
        private boolean optedOut;
        private Optional<UtilityRequest> requestToSend = Optional.empty();
        private final Set<UtilityRequest> awaitingResponse = EnumSet.noneOf(UtilityRequest.class);
        private Optional<String> rejection = Optional.empty();
        private int historySize = 1;

        Next(AccountId account) {
            this.account = account;
        }

        Next(Enrollment from) {
            this.account = from.account;
            this.state = from.state;
            this.product = from.product;
            this.pendingChange = from.pendingChange;
            this.noticeMailed = from.noticeMailed;
            this.optOutWindowCloses = from.optOutWindowCloses;
            this.optedOut = from.optedOut;
            this.requestToSend = from.requestToSend;
            this.awaitingResponse.addAll(from.awaitingResponse);
            this.rejection = from.rejection;
            this.historySize = from.historySize;
        }

        /**
         * An enrollment request that has not left is withdrawn; one that has left stays awaited (with its
         * product), and the utility's acceptance of it will then queue a drop.
         */
        void cancelEnrollment(EnrollmentState outcome) {
            state = outcome;
            if (requestToSend.isPresent()) {
                requestToSend = Optional.empty();
                product = Optional.empty();
            }
        }

        /** An enrolled account to be returned to Basic Service: a change not yet sent is withdrawn. */
        void queueDrop() {
            state = DROPPING;
            requestToSend = Optional.of(UtilityRequest.DROP);
            if (!awaitingResponse.contains(UtilityRequest.CHANGE)) {
                pendingChange = Optional.empty();
            }
        }

        /** Supply ends (or never began): no product, nothing to send, no answer awaited. */
        void leaveSupply(EnrollmentState outcome) {
            state = outcome;
            product = Optional.empty();
            pendingChange = Optional.empty();
            requestToSend = Optional.empty();
            awaitingResponse.clear();
        }

        void forgetNotice() {
            noticeMailed = Optional.empty();
            optOutWindowCloses = Optional.empty();
            rejection = Optional.empty();
        }
    }
}
