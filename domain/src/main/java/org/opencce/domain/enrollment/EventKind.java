package org.opencce.domain.enrollment;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of fact an account's enrollment history records. Each says what happened, not what to do;
 * {@link Enrollment#apply} decides whether it may happen in the account's current state. The table of
 * transitions is in {@code docs/enrollment.md}. {@link #wireName()} is the lower_snake name used in JSON
 * and in the database.
 */
public enum EventKind {
    /**
     * A utility's customer list shows the account on Basic Service in a member town: the first event of
     * a new account, or a return to Basic Service found by a later list.
     */
    LISTED_ELIGIBLE(false, false),
    /** A customer list shows the account with a competitive supplier: it may only opt in. */
    LISTED_COMPETITIVE(false, false),
    /**
     * A later list no longer has the account on Basic Service in a member town: it closed or moved
     * away (a move to a competitive supplier is {@link #LISTED_COMPETITIVE}, since the customer may
     * still opt in). An enrolled account is then dropped; one never enrolled becomes ineligible.
     */
    LEFT_BASIC_SERVICE(false, false),
    /** The opt-out notice was mailed: {@code date} is the mailing date, {@code windowCloses} the window's last day. */
    NOTICE_MAILED(false, false),
    /** The opt-out notice came back undeliverable. */
    MAIL_RETURNED(false, false),
    /** The customer asked not to be in the program (any channel, any time, no fee). */
    OPTED_OUT(false, false),
    /**
     * A customer who is not being enrolled automatically (competitive supplier, opted out, returned
     * mail, dropped, rejected) asks to join, with the product they chose.
     */
    OPTED_IN(true, false),
    /**
     * The program queues an enrollment request for the utility, with the product: the enrollment run
     * once an account's opt-out window has closed, or staff retrying a rejected enrollment.
     */
    ENROLLMENT_REQUESTED(true, false),
    /** The queued enrollment request left in an 814 file. */
    ENROLLMENT_SENT(false, false),
    /** The utility accepted the enrollment; {@code date}, when given, is the date supply starts. */
    ENROLLMENT_ACCEPTED(false, false),
    /** The utility rejected the enrollment; {@code reason} holds its reason code and text. */
    ENROLLMENT_REJECTED(false, true),
    /**
     * The customer chose another product (opt up, opt down). Before enrollment it replaces the product
     * they will be enrolled in; once enrolled, {@code date} is its effective date, the next meter-read
     * date ({@link MeterReadCalendar}), and a change request is queued for the utility.
     */
    PRODUCT_CHANGE_REQUESTED(true, false),
    /** The queued product change left in an 814 file. */
    PRODUCT_CHANGE_SENT(false, false),
    /** The utility accepted the product change: the new product applies from the change's effective date. */
    PRODUCT_CHANGE_APPLIED(false, false),
    /** The utility rejected the product change; {@code reason} holds its reason. The product stays. */
    PRODUCT_CHANGE_REJECTED(false, true),
    /**
     * The program (staff) decides to end one account's supply, for instance after finding it outside the
     * member towns. A customer's own wish to leave is {@link #OPTED_OUT}.
     */
    DROP_REQUESTED(false, false),
    /** The queued drop request left in an 814 file. */
    DROP_SENT(false, false),
    /** The utility accepted the drop: the account is back on Basic Service. */
    DROP_ACCEPTED(false, false),
    /** The utility rejected the drop; {@code reason} holds its reason. Staff must act and request it again. */
    DROP_REJECTED(false, true),
    /** The program ends and returns every account to Basic Service: the same transition as a drop request. */
    MASS_DROP(false, false),
    /**
     * A renewal notice was mailed to an account enrolled or being enrolled: at a new supply contract the
     * customer stays in their product at its new price and term unless they opt out, at no fee
     * ({@code docs/enrollment.md}, "Renewal"). {@code date} is the mailing date, {@code product} the
     * product the letter names, {@code reason} the price, term and effective date it printed. It changes
     * nothing but the history: the state, the product and any request stay as they were.
     */
    RENEWAL_NOTICE_MAILED(false, false);

    private final boolean requiresProduct;
    private final boolean requiresReason;

    EventKind(boolean requiresProduct, boolean requiresReason) {
        this.requiresProduct = requiresProduct;
        this.requiresReason = requiresReason;
    }

    /** Whether an event of this kind must name a product. */
    public boolean requiresProduct() {
        return requiresProduct;
    }

    /** Whether an event of this kind must give a reason: the utility's rejections do. */
    public boolean requiresReason() {
        return requiresReason;
    }

    /** The name in JSON and in the database: {@code opted_out}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a {@link #wireName()}, ignoring case and surrounding spaces. */
    public static Optional<EventKind> fromWireName(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String w = wireName.trim().toLowerCase(Locale.ROOT);
        for (EventKind k : values()) {
            if (k.wireName().equals(w)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
