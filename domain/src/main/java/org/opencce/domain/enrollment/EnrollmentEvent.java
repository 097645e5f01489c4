package org.opencce.domain.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;

/**
 * One fact in an account's append-only enrollment history: what happened ({@code kind}), when it was
 * recorded ({@code at}, an instant), who recorded it ({@code actor}: a staff login, {@code system}, the
 * utility's EDI id, {@code customer} for the portal) and through which {@code channel}. {@code reason} is
 * free text, empty when there is none, and required for the utility's rejections.
 * {@code product} names the product chosen or requested ({@link EventKind#requiresProduct()}).
 * {@code date} is the calendar date the fact is about: the mailing date of a notice, the effective date
 * of a product change, the start of supply. {@code windowCloses} is the last day of the opt-out window a
 * notice opened (printed on the letter, so it is recorded as mailed and never recomputed), present on
 * {@link EventKind#NOTICE_MAILED} only. Immutable and thread-safe.
 */
public record EnrollmentEvent(
        AccountId account,
        EventKind kind,
        Instant at,
        String actor,
        Channel channel,
        String reason,
        Optional<ProductId> product,
        Optional<LocalDate> date,
        Optional<LocalDate> windowCloses) {

    /** The actor of events the program records by itself (reconciliation, the enrollment run). */
    public static final String SYSTEM_ACTOR = "system";

    public EnrollmentEvent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(windowCloses, "windowCloses");
        String what = kind.wireName() + " event of account " + account;
        if (actor.isBlank()) {
            throw new IllegalArgumentException(what + ": the actor must not be blank (every fact says who recorded it)");
        }
        if (kind.requiresProduct() && product.isEmpty()) {
            throw new IllegalArgumentException(what + ": a product is required (the product the customer chose)");
        }
        if (kind.requiresReason() && reason.isBlank()) {
            throw new IllegalArgumentException(what + ": a reason is required (the utility's reason for rejecting)");
        }
        if (kind == EventKind.NOTICE_MAILED) {
            if (date.isEmpty() || windowCloses.isEmpty()) {
                throw new IllegalArgumentException(what + ": the mailing date and the last day of the opt-out window"
                        + " are required, were " + date.orElse(null) + " and " + windowCloses.orElse(null));
            }
            if (!windowCloses.get().isAfter(date.get())) {
                throw new IllegalArgumentException(what + ": the opt-out window must close after the mailing date "
                        + date.get() + ", was " + windowCloses.get());
            }
        } else if (windowCloses.isPresent()) {
            throw new IllegalArgumentException(what + ": only a notice_mailed event opens an opt-out window, was given "
                    + windowCloses.get());
        }
    }

    /** An event with no reason, product or date: listings, opt-outs, returned mail, sends, acceptances, drops. */
    public static EnrollmentEvent of(AccountId account, EventKind kind, Instant at, String actor, Channel channel) {
        return new EnrollmentEvent(account, kind, at, actor, channel, "", Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** An event naming a product: an opt-in, an enrollment request, a product change (add its date). */
    public static EnrollmentEvent ofProduct(AccountId account, EventKind kind, Instant at, String actor,
            Channel channel, ProductId product) {
        return new EnrollmentEvent(account, kind, at, actor, channel, "", Optional.of(product), Optional.empty(),
                Optional.empty());
    }

    /** An event with a reason: the utility's rejections, or any event staff explain. */
    public static EnrollmentEvent ofReason(AccountId account, EventKind kind, Instant at, String actor,
            Channel channel, String reason) {
        return new EnrollmentEvent(account, kind, at, actor, channel, reason, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The opt-out notice mailed on {@code mailingDate}, whose window's last day is {@code windowCloses}. */
    public static EnrollmentEvent noticeMailed(AccountId account, Instant at, String actor, Channel channel,
            LocalDate mailingDate, LocalDate windowCloses) {
        return new EnrollmentEvent(account, EventKind.NOTICE_MAILED, at, actor, channel, "", Optional.empty(),
                Optional.of(mailingDate), Optional.of(windowCloses));
    }

    /** The same event with {@code date} set: a product change's effective date, the start of supply. */
    public EnrollmentEvent withDate(LocalDate newDate) {
        return new EnrollmentEvent(account, kind, at, actor, channel, reason, product, Optional.of(newDate),
                windowCloses);
    }

    /** The same event with {@code reason} set. */
    public EnrollmentEvent withReason(String newReason) {
        return new EnrollmentEvent(account, kind, at, actor, channel, newReason, product, date, windowCloses);
    }
}
