package org.opencce.domain.community;

/** Who supplies an account's electricity. */
public enum SupplyStatus {
    /** The utility's default supply (Basic Service): eligible for automatic enrollment. */
    BASIC_SERVICE("Basic Service"),
    /** A competitive supplier the customer chose: not enrolled automatically. */
    COMPETITIVE("Competitive supplier"),
    /** Supplied by the program, on one of its products. */
    PROGRAM("Program");

    private final String displayName;

    SupplyStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
