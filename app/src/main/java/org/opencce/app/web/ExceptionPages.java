package org.opencce.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencce.app.web.view.ExceptionsView;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.store.EnrollmentStore;
import org.opencce.store.EnrollmentStore.Queue;
import org.opencce.store.Page;

/**
 * The exception queues (issue 6, section 8): {@code GET /console/exceptions?queue=rejected|returned-mail
 * &sort=newest|oldest&page=N}, the accounts whose enrollment the utility rejected and those whose opt-out
 * notice came back, {@value #PAGE_SIZE} to a page, sorted by the date of the rejection or the returned mail,
 * each linking to the account's page. Staff and admins act from there, with the request form of
 * {@link StaffRequestPages} (a customer who asks to join again after a rejection is an opt-in, which the rules
 * allow from {@code rejected}); a viewer sees the queues with the account numbers masked and without names or
 * addresses. Thread-safe.
 */
final class ExceptionPages {
    static final int PAGE_SIZE = 50;
    static final String REJECTED = "rejected";
    static final String RETURNED_MAIL = "returned-mail";
    /** A utility reason as EDI import records it: the REF*7G code, then its text ("A13 Account not found"). */
    private static final Pattern CODED_REASON = Pattern.compile("([A-Z0-9]{2,4})(?: (.*))?");

    private final WebApp.Dependencies deps;
    private final Frames frames;
    private final Templates templates;

    ExceptionPages(WebApp.Dependencies deps, Frames frames, Templates templates) {
        this.deps = deps;
        this.frames = frames;
        this.templates = templates;
    }

    /** The queue's page, sorted newest first. */
    static String href(String queue) {
        return "/console/exceptions?queue=" + queue;
    }

    /** {@code GET /console/exceptions}. */
    void page(Context ctx) {
        ConsoleUser user = Requests.user(ctx);
        String name = Requests.query(ctx, "queue").orElse(REJECTED);
        Queue queue;
        if (name.equals(REJECTED)) {
            queue = Queue.REJECTED;
        } else if (name.equals(RETURNED_MAIL)) {
            queue = Queue.RETURNED_MAIL;
        } else {
            throw WebProblem.badRequest("queue must be " + REJECTED + " or " + RETURNED_MAIL + ", was '" + name + "'");
        }
        String sort = Requests.query(ctx, "sort").orElse("newest");
        if (!sort.equals("newest") && !sort.equals("oldest")) {
            throw WebProblem.badRequest("sort must be newest or oldest, was '" + sort + "'");
        }
        boolean newestFirst = sort.equals("newest");
        int page = Requests.query(ctx, "page").map(p -> {
            try {
                return Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw WebProblem.badRequest("page must be a whole number, was '" + p + "'");
            }
        }).orElse(1);
        if (page < 1 || page > 1_000_000) {
            throw WebProblem.badRequest("page must be between 1 and 1,000,000, was " + page);
        }

        Page<EnrollmentStore.QueueEntry> entries = deps.enrollments().queue(deps.program(), queue, newestFirst,
                page - 1, PAGE_SIZE);
        boolean personal = user.seesPersonalInformation();
        boolean mayAct = StaffRequestPages.mayRecord(user);
        List<ExceptionsView.RejectedRow> rejected = new ArrayList<>();
        List<ExceptionsView.ReturnedRow> returned = new ArrayList<>();
        for (EnrollmentStore.QueueEntry entry : entries.items()) {
            Account a = entry.account();
            EnrollmentEvent event = entry.event().event();
            String href = "/console/accounts/" + a.id();
            String number = personal ? a.number().value() : a.number().masked();
            String when = Display.dateTime(event.at());
            String whenIso = event.at().toString();
            if (queue == Queue.REJECTED) {
                rejected.add(new ExceptionsView.RejectedRow(a.id().toString(), href, number, a.town(),
                        a.utility().displayName(), reasons(event.reason()), when, whenIso,
                        entry.event().reference().orElse("—"), mayAct ? href + "#request-title" : ""));
            } else {
                returned.add(new ExceptionsView.ReturnedRow(a.id().toString(), href, number,
                        personal ? a.customerName() : AccountPages.HIDDEN, personal ? noticeAddress(a)
                                : AccountPages.HIDDEN, a.town(), when, whenIso));
            }
        }

        EnrollmentCounts.Tally counts = deps.enrollments().counts(deps.program()).total();
        String current = queue == Queue.REJECTED ? REJECTED : RETURNED_MAIL;
        List<ExceptionsView.Tab> tabs = List.of(
                new ExceptionsView.Tab("Rejected enrollments", href(REJECTED),
                        Display.count(counts.count(EnrollmentState.REJECTED)), queue == Queue.REJECTED),
                new ExceptionsView.Tab("Returned mail", href(RETURNED_MAIL),
                        Display.count(counts.count(EnrollmentState.RETURNED_MAIL)), queue == Queue.RETURNED_MAIL));
        String base = href(current) + "&sort=" + sort + "&page=";
        long first = (long) (page - 1) * PAGE_SIZE + 1;
        long last = (long) (page - 1) * PAGE_SIZE + entries.items().size();
        String noun = queue == Queue.REJECTED ? "rejected enrollment" : "returned notice";
        String summary = entries.total() == 0 ? "The queue is empty."
                : entries.items().isEmpty() ? "No accounts on this page; " + Display.count(entries.total())
                        + " in the queue."
                : Display.count(first) + "–" + Display.count(last) + " of " + Display.count(entries.total()) + " "
                        + noun + (entries.total() == 1 ? "" : "s");
        ExceptionsView view = new ExceptionsView(
                frames.consolePage(ctx, "Exception queues", "exceptions", List.of()), tabs, queue == Queue.REJECTED,
                queue == Queue.REJECTED ? "Rejected enrollments" : "Returned mail",
                queue == Queue.REJECTED
                        ? "Accounts whose enrollment the utility rejected, with its reasons. Correct the cause, then"
                                + " record the customer's request on the account's page."
                        : "Accounts whose opt-out notice came back undeliverable: they are never enrolled"
                                + " automatically. Find a correct address, or record the customer's request.",
                rejected, returned, summary, newestFirst, href(current) + "&sort=newest",
                href(current) + "&sort=oldest",
                page > 1 ? Optional.of(base + (page - 1)) : Optional.empty(),
                page < entries.pageCount() ? Optional.of(base + (page + 1)) : Optional.empty(),
                "Page " + page + " of " + entries.pageCount(), personal, mayAct);
        templates.respond(ctx, "console/exceptions.jte", view);
    }

    /** Where the notice went: the mailing address, or the service address when the list gave none. */
    private static String noticeAddress(Account a) {
        return a.mailingAddress().map(MailingAddress::toString)
                .orElse(a.serviceAddress().toString() + " (service address)");
    }

    /** The utility's reasons, "A13 Account not found; W05 Name mismatch", each split into code and text. */
    static List<ExceptionsView.Reason> reasons(String reason) {
        List<ExceptionsView.Reason> reasons = new ArrayList<>();
        for (String part : reason.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = CODED_REASON.matcher(p);
            if (m.matches()) {
                reasons.add(new ExceptionsView.Reason(m.group(1), m.group(2) == null ? "" : m.group(2)));
            } else {
                reasons.add(new ExceptionsView.Reason("", p));
            }
        }
        return reasons;
    }
}
