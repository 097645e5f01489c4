package org.opencce.app.web.view;

import java.util.List;
import java.util.Optional;

/**
 * One account's record and its monthly usage ({@code usageSrc} is the JSON the chart reads), with the
 * form for recording a customer's request when the user's role may ({@code requestForm} empty for
 * viewers), and its enrollment timeline.
 */
public record AccountDetailView(Frame frame, AccountCard account, List<UsageRow> usage, String usageTotal,
        String usageSrc, Optional<StaffRequestForm> requestForm, EnrollmentTimeline timeline) {

    public AccountDetailView {
        usage = List.copyOf(usage);
    }

    public boolean hasUsage() {
        return !usage.isEmpty();
    }

    /** A month of the account's usage: energy and how many of the month's hours have a read. */
    public record UsageRow(String month, String energy, String coverage) {
    }
}
