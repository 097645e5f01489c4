package org.opencce.app.web;

import java.util.EnumMap;
import java.util.Map;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;

/**
 * Enrollment events and states in words for the account timeline (docs/enrollment.md, "Events and
 * transitions" and "States"). Stateless and thread-safe.
 */
final class EventText {
    private static final Map<EventKind, String> WHAT = new EnumMap<>(EventKind.class);
    private static final Map<Channel, String> CHANNEL = new EnumMap<>(Channel.class);
    private static final Map<EnrollmentState, String> MEANING = new EnumMap<>(EnrollmentState.class);

    static {
        WHAT.put(EventKind.LISTED_ELIGIBLE, "Listed on Basic Service in a member town");
        WHAT.put(EventKind.LISTED_COMPETITIVE, "Listed with a competitive supplier");
        WHAT.put(EventKind.LEFT_BASIC_SERVICE, "Left Basic Service or the member towns' list");
        WHAT.put(EventKind.NOTICE_MAILED, "Opt-out notice mailed");
        WHAT.put(EventKind.MAIL_RETURNED, "Notice returned undeliverable");
        WHAT.put(EventKind.OPTED_OUT, "Opted out");
        WHAT.put(EventKind.OPTED_IN, "Opted in");
        WHAT.put(EventKind.ENROLLMENT_REQUESTED, "Enrollment requested");
        WHAT.put(EventKind.ENROLLMENT_SENT, "Enrollment sent to the utility (814)");
        WHAT.put(EventKind.ENROLLMENT_ACCEPTED, "Enrollment accepted by the utility");
        WHAT.put(EventKind.ENROLLMENT_REJECTED, "Enrollment rejected by the utility");
        WHAT.put(EventKind.PRODUCT_CHANGE_REQUESTED, "Product change requested");
        WHAT.put(EventKind.PRODUCT_CHANGE_SENT, "Product change sent to the utility (814)");
        WHAT.put(EventKind.PRODUCT_CHANGE_APPLIED, "Product change applied by the utility");
        WHAT.put(EventKind.PRODUCT_CHANGE_REJECTED, "Product change rejected by the utility");
        WHAT.put(EventKind.DROP_REQUESTED, "Drop requested by the program");
        WHAT.put(EventKind.DROP_SENT, "Drop sent to the utility (814)");
        WHAT.put(EventKind.DROP_ACCEPTED, "Drop accepted: back on Basic Service");
        WHAT.put(EventKind.DROP_REJECTED, "Drop rejected by the utility");
        WHAT.put(EventKind.MASS_DROP, "Program ended: returned to Basic Service (mass drop)");
        WHAT.put(EventKind.RENEWAL_NOTICE_MAILED, "Renewal notice mailed (new price and term; stays enrolled"
                + " unless the customer opts out)");

        CHANNEL.put(Channel.MAIL, "mail");
        CHANNEL.put(Channel.PHONE, "phone");
        CHANNEL.put(Channel.WEB, "web portal");
        CHANNEL.put(Channel.REPLY_CARD, "reply card");
        CHANNEL.put(Channel.EDI, "EDI");
        CHANNEL.put(Channel.STAFF, "staff");
        CHANNEL.put(Channel.SYSTEM, "system");

        MEANING.put(EnrollmentState.ELIGIBLE, "On Basic Service in a member town; no notice mailed yet.");
        MEANING.put(EnrollmentState.COMPETITIVE, "Has a competitive supplier: never enrolled automatically, may opt in.");
        MEANING.put(EnrollmentState.NOTIFIED, "The opt-out notice was mailed; enrolled once its window has closed.");
        MEANING.put(EnrollmentState.OPTED_OUT, "The customer opted out; enrolled again only if they opt in.");
        MEANING.put(EnrollmentState.RETURNED_MAIL, "The notice came back undeliverable; never enrolled automatically.");
        MEANING.put(EnrollmentState.ENROLLING, "An 814 enrollment request is queued or awaits the utility's answer.");
        MEANING.put(EnrollmentState.ENROLLED, "The utility accepted the enrollment; the program supplies the account.");
        MEANING.put(EnrollmentState.REJECTED, "The utility rejected the enrollment; correct the cause and request it"
                + " again.");
        MEANING.put(EnrollmentState.DROPPING, "An 814 drop is queued or awaits the answer; still supplied until then.");
        MEANING.put(EnrollmentState.DROPPED, "Back on Basic Service (or closed) after the program supplied it.");
        MEANING.put(EnrollmentState.INELIGIBLE, "Closed or off the member towns' list before the program supplied it.");
    }

    private EventText() {
    }

    /** What happened, with the dates the event carries: "Opt-out notice mailed on Nov 22, 2024; …". */
    static String what(EnrollmentEvent e) {
        String what = WHAT.get(e.kind());
        if (e.kind() == EventKind.NOTICE_MAILED) {
            return what + " on " + Display.date(e.date().orElseThrow()) + "; the opt-out window closes "
                    + Display.date(e.windowCloses().orElseThrow());
        }
        if (e.date().isEmpty()) {
            return what;
        }
        if (e.kind() == EventKind.RENEWAL_NOTICE_MAILED) {
            return what + " on " + Display.date(e.date().get());
        }
        if (e.kind() == EventKind.ENROLLMENT_ACCEPTED) {
            return what + "; supply starts " + Display.date(e.date().get());
        }
        return what + ", effective " + Display.date(e.date().get());
    }

    static String channel(Channel c) {
        return CHANNEL.get(c);
    }

    /** What the state means, in a sentence. */
    static String meaning(EnrollmentState s) {
        return MEANING.get(s);
    }
}
