package org.opencce.domain.community;

/**
 * The distribution utility's account number, the key the utility uses in its customer lists and in
 * EDI transactions (REF*12 in the MA EBT 814/867). Unique within one utility. Kept as text: leading
 * zeros matter.
 */
public record UtilityAccountNumber(String value) {
    public UtilityAccountNumber {
        if (value == null || !value.matches("[0-9A-Za-z-]{4,30}")) {
            throw new IllegalArgumentException("utility account number must be 4 to 30 letters, digits or"
                    + " dashes, was '" + value + "'");
        }
    }

    /** The number with all but its last four characters masked, for people who may not see PII. */
    public String masked() {
        int keep = Math.min(4, value.length());
        return "•".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    @Override
    public String toString() {
        return value;
    }
}
