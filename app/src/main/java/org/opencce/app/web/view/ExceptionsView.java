package org.opencce.app.web.view;

import java.util.List;
import java.util.Optional;

/**
 * An exception queue of the console: the tabs of the queues with their lengths, the queue shown (rejected
 * enrollments or returned mail) one page at a time, sorted by date ({@code newestFirst}), with links to sort
 * the other way and to the neighbouring pages. Only the rows of the queue shown are filled. Customer names
 * and mailing addresses are in the rows only for roles that may see them ({@code personal}); {@code mayAct}
 * says whether the user may record requests on the accounts (staff and admins).
 */
public record ExceptionsView(Frame frame, List<Tab> tabs, boolean rejectedQueue, String title, String description,
        List<RejectedRow> rejected, List<ReturnedRow> returned, String summary, boolean newestFirst,
        String newestHref, String oldestHref, Optional<String> previous, Optional<String> next, String pageLabel,
        boolean personal, boolean mayAct) {

    public ExceptionsView {
        tabs = List.copyOf(tabs);
        rejected = List.copyOf(rejected);
        returned = List.copyOf(returned);
    }

    public boolean isEmpty() {
        return rejected.isEmpty() && returned.isEmpty();
    }

    /** A queue's tab: its name, its page, how many accounts it holds, whether it is the one shown. */
    public record Tab(String label, String href, String count, boolean current) {
    }

    /**
     * A rejected enrollment: the account (id, link, number as the role may see it), its town and utility, the
     * utility's reasons (code and text), when the rejection was recorded, the 814 reference, and where staff
     * act on it.
     */
    public record RejectedRow(String accountId, String href, String number, String town, String utility,
            List<Reason> reasons, String when, String whenIso, String reference, String actHref) {
        public RejectedRow {
            reasons = List.copyOf(reasons);
        }
    }

    /** One of the utility's reasons: its code (empty when the text has none) and its text. */
    public record Reason(String code, String text) {
    }

    /**
     * A returned notice: the account, the customer's name and the address the notice went to (or a note that
     * they are hidden), the town, and when the returned mail was recorded.
     */
    public record ReturnedRow(String accountId, String href, String number, String customerName,
            String mailingAddress, String town, String when, String whenIso) {
    }
}
