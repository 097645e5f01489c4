package org.opencce.app.web.view;

import java.util.List;

/** One account's record and its monthly usage ({@code usageSrc} is the JSON the chart reads). */
public record AccountDetailView(Frame frame, AccountCard account, List<UsageRow> usage, String usageTotal,
        String usageSrc) {

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
