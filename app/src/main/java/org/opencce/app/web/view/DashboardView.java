package org.opencce.app.web.view;

import java.util.List;

/**
 * The console's dashboard: summary tiles, the hourly load of one week and the monthly energy over
 * the data's year ({@code monthlySrc} is the JSON the bar chart reads; {@code dataPeriod} names the
 * months it covers).
 */
public record DashboardView(Frame frame, List<Tile> tiles, boolean hasData, WeekPanel week, String monthlySrc,
        String dataPeriod) {

    public DashboardView {
        tiles = List.copyOf(tiles);
    }

    /** A headline number with a label and a line of detail. */
    public record Tile(String label, String value, String detail) {
    }
}
