package org.opencce.domain.community;

/**
 * ISO New England load zones of Massachusetts, where wholesale load is settled. Amherst, Northampton
 * and Pelham are in Western/Central Massachusetts (WCMA).
 */
public enum LoadZone {
    WCMA("Western/Central Massachusetts"),
    NEMA("Northeast Massachusetts and Boston"),
    SEMA("Southeast Massachusetts");

    private final String displayName;

    LoadZone(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
