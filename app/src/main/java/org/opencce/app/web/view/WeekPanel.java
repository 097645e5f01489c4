package org.opencce.app.web.view;

import java.util.List;

/**
 * One week of community load: the week's first day ({@code yyyy-mm-dd}, a Monday), its title, the
 * neighbouring weeks, the JSON the chart reads, and the energy and peak hour of each group with
 * their total. {@code firstDay}/{@code lastDay} bound the date picker to the months with data.
 */
public record WeekPanel(String weekStart, String title, String previousWeek, String nextWeek, String chartSrc,
        List<GroupRow> rows, GroupRow total, boolean hasData, String firstDay, String lastDay) {

    public WeekPanel {
        rows = List.copyOf(rows);
    }

    /** A group's (town's) energy in the week, its share, and its highest hour. */
    public record GroupRow(String name, String energy, String share, String peak, String peakAt) {
    }
}
