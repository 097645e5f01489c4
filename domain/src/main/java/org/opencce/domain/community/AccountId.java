package org.opencce.domain.community;

/**
 * Our own identifier of an account, assigned by the store when the account is first imported. It is
 * the {@code account_id} of the interval data. Stable for the account's life; never shown as the
 * utility's account number.
 */
public record AccountId(long value) {
    public AccountId {
        if (value <= 0) {
            throw new IllegalArgumentException("account id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
