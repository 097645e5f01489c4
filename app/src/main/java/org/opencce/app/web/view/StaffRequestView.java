package org.opencce.app.web.view;

import java.util.Optional;

/**
 * What became of a request staff recorded for an account: {@code confirmed} with its confirmation
 * number, what happens next and the day it takes effect, or not applied with the reason
 * ({@code message}); and the way back to the account.
 */
public record StaffRequestView(Frame frame, String accountId, String accountHref, boolean confirmed, String heading,
        Optional<String> confirmationNumber, String message, Optional<String> effectiveOn) {
}
