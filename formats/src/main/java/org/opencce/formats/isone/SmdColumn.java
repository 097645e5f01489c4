package org.opencce.formats.isone;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The value columns of ISO New England's "SMD Hourly Data" workbook, one sheet per load zone (the
 * {@code ISO NE CA} sheet adds the system columns). Units as the workbook's Notes sheet states them:
 * demand in MW (the hour's average, so numerically the hour's MWh), prices in $/MWh, temperatures in °F
 * at the zone's representative weather station. Each column is found by its header, as the 2017
 * workbook spells it or as the Notes sheet names it.
 */
public enum SmdColumn {
    DA_DEMD("DA_DEMD", "MW", "day-ahead cleared demand", "DA_Demand"),
    DEMAND("DEMAND", "MW", "real-time demand", "RT_Demand"),
    DA_LMP("DA_LMP", "$/MWh", "day-ahead locational marginal price"),
    DA_EC("DA_EC", "$/MWh", "day-ahead energy component"),
    DA_CC("DA_CC", "$/MWh", "day-ahead congestion component"),
    DA_MLC("DA_MLC", "$/MWh", "day-ahead marginal loss component"),
    RT_LMP("RT_LMP", "$/MWh", "real-time locational marginal price"),
    RT_EC("RT_EC", "$/MWh", "real-time energy component"),
    RT_CC("RT_CC", "$/MWh", "real-time congestion component"),
    RT_MLC("RT_MLC", "$/MWh", "real-time marginal loss component"),
    DRY_BULB("DryBulb", "°F", "dry-bulb temperature", "Dry_Bulb"),
    DEW_POINT("DewPnt", "°F", "dew-point temperature", "Dew_Point"),
    SYSTEM_LOAD("SYSLoad", "MW", "system load (ISO NE CA sheet)", "System_Load"),
    REG_SERVICE_PRICE("RegSP", "$/MWh", "regulation service price (ISO NE CA sheet)", "Reg_Service_Price"),
    REG_CAPACITY_PRICE("RegCP", "$/MWh", "regulation capacity price (ISO NE CA sheet)", "Reg_Capacity_Price");

    private final String header;
    private final String unit;
    private final String description;
    private final List<String> otherHeaders;

    SmdColumn(String header, String unit, String description, String... otherHeaders) {
        this.header = header;
        this.unit = unit;
        this.description = description;
        this.otherHeaders = List.of(otherHeaders);
    }

    /** The header as the 2017 workbook writes it, {@code DA_DEMD}. */
    public String header() {
        return header;
    }

    /** The unit of the published values: {@code MW}, {@code $/MWh} or {@code °F}. */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** Whether the column is an hourly average power in MW, which over its hour is that many MWh. */
    public boolean isDemand() {
        return unit.equals("MW");
    }

    /** The unit of this column's values in an hourly series: MWh for demand, the published unit otherwise. */
    public String seriesUnit() {
        return isDemand() ? "MWh" : unit;
    }

    /** The column a header names, ignoring case. */
    public static Optional<SmdColumn> forHeader(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (SmdColumn c : values()) {
            if (c.header.toLowerCase(Locale.ROOT).equals(t)
                    || c.otherHeaders.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(t))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
