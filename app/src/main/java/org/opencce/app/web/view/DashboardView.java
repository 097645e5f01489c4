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

    /**
     * A headline number with a label and a line of detail; {@code href}, when not empty, is the page that
     * shows what the number counts.
     */
    public record Tile(String label, String value, String detail, String href) {
        public Tile(String label, String value, String detail) {
            this(label, value, detail, "");
        }

        public boolean hasLink() {
            return !href.isEmpty();
        }
    }
}
