package org.opencce.app.web.view;

import java.util.List;

/**
 * The campaign dashboard: headline figures, the accounts in each enrollment state by town, rate class and
 * product (one {@link Table} each: the group's accounts and rates first, then one column per state in the
 * order of {@code states}), the chart of states by town
 * ({@code chartSrc} is the JSON it reads) and the CSV download. {@code rateClassesMerged} says that and
 * are shown together because the user's role may not tell low-income accounts apart.
 */
public record CampaignView(Frame frame, List<DashboardView.Tile> headlines, boolean hasAccounts,
        List<StateColumn> states, Row total, List<Table> tables, String chartSrc, String csvHref,
        boolean rateClassesMerged) {

    public CampaignView {
        headlines = List.copyOf(headlines);
        states = List.copyOf(states);
        tables = List.copyOf(tables);
    }

    /** A state as a column: its wire name (for CSS and the chart) and how staff read it. */
    public record StateColumn(String wireName, String label) {
    }

    /** One breakdown: its anchor id, its title, the heading of its first column and its rows. */
    public record Table(String id, String title, String groupHeading, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One group: its name, its accounts in each state (formatted, in column order), all its accounts, and the
     * opt-out rate and participations as a percentage with the counts they come from ("1 of 7").
     */
    public record Row(String group, List<String> counts, String accounts, String optOutRate, String optOutDetail,
            String lowIncome, String lowIncomeDetail, String netMetered, String netMeteredDetail) {
        public Row {
            counts = List.copyOf(counts);
        }
    }
}
