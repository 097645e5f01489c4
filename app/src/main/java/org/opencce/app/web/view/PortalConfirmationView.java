package org.opencce.app.web.view;

import java.util.Optional;

/**
 * The page after an applied request: a heading, the confirmation number the customer keeps, what
 * happens next in plain words and the day it takes effect when known ("Friday, April 4, 2025").
 * No personal information: the visitor proved only that they know an account number and ZIP code.
 */
public record PortalConfirmationView(Frame frame, String heading, String confirmationNumber, String whatHappens,
        Optional<String> effectiveOn) {
}
