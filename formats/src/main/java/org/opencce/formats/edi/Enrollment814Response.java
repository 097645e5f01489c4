package org.opencce.formats.edi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

/**
 * The answer to one 814 request: the utility accepted it (ASI01 WQ) or rejected it (ASI01 U) with one
 * or more reasons in REF*7G.
 *
 * <ul>
 *   <li>{@code reference}: BGN02, the responder's own id of the response;</li>
 *   <li>{@code originalReference}: BGN06 and LIN01, the {@link Enrollment814Request#reference()} it
 *       answers (PA/NJ/DE/MD 814 IG: the response returns the request's LIN01 tracking number);</li>
 *   <li>{@code kind}: ASI02, what the request asked;</li>
 *   <li>{@code account}: REF*12; {@code utility}: the N1*8S party (account numbers are unique only
 *       within one utility);</li>
 *   <li>{@code accepted}: exactly when {@code rejections} is empty;</li>
 *   <li>{@code effectiveDate}: DTM*007, the date the utility will apply an accepted request.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public record Enrollment814Response(
        String reference,
        String originalReference,
        EnrollmentKind kind,
        UtilityAccountNumber account,
        Utility utility,
        boolean accepted,
        List<Rejection> rejections,
        Optional<LocalDate> effectiveDate) implements EdiTransaction {

    public Enrollment814Response {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(originalReference, "originalReference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        rejections = List.copyOf(rejections);
        if (!Enrollment814Request.REFERENCE.matcher(reference).matches()
                || !Enrollment814Request.REFERENCE.matcher(originalReference).matches()) {
            throw new IllegalArgumentException("814 response references must be letters, digits or dashes, were '"
                    + reference + "' and '" + originalReference + "'");
        }
        // PA/NJ/DE/MD 814 IG, REF*7G: required on a reject response, not used on an accept.
        if (accepted && !rejections.isEmpty()) {
            throw new IllegalArgumentException("814 response " + reference + " accepts the request but lists "
                    + rejections.size() + " rejection reason(s)");
        }
        if (!accepted && rejections.isEmpty()) {
            throw new IllegalArgumentException("814 response " + reference + " rejects the request without a reason"
                    + " (REF*7G)");
        }
    }

    @Override
    public String transactionSetCode() {
        return "814";
    }
}
