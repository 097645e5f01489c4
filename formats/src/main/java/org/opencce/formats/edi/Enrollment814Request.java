package org.opencce.formats.edi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

/**
 * One 814 request about one account (one account per transaction set: UIG 814 Ver/Rel 004010): enroll
 * it with the program's supplier, drop it back to Basic Service, or change its rate code. The supplier
 * sends these to the utility; a utility may send a drop too (a customer who moved or chose another
 * supplier).
 *
 * <ul>
 *   <li>{@code reference}: the sender's id of the request, unique over all time; it is BGN02 and the
 *       LIN01 tracking number, which the response echoes (PA/NJ/DE/MD 814 IG, General Notes). 1 to 20
 *       letters, digits or dashes;</li>
 *   <li>{@code account}: REF*12, the utility account number; {@code utility}: the N1*8S party;</li>
 *   <li>{@code customerName}: N1*8R; {@code serviceAddress}: its N3 and N4 (state MA);</li>
 *   <li>{@code effectiveDate}: DTM*007, the date asked for; absent, the utility applies its rule (the
 *       next meter read);</li>
 *   <li>{@code productCode}: REF*RB, the supplier's rate code for the product the account is billed;
 *       required for a change, not sent with a drop.</li>
 * </ul>
 * Lengths and the X12 character set are checked when the request is written, against the 814 schema.
 * Immutable and thread-safe; {@code customerName} and {@code serviceAddress} are personal information.
 */
public record Enrollment814Request(
        EnrollmentKind kind,
        String reference,
        UtilityAccountNumber account,
        Utility utility,
        String customerName,
        ServiceAddress serviceAddress,
        Optional<LocalDate> effectiveDate,
        Optional<String> productCode) implements EdiTransaction {

    static final Pattern REFERENCE = Pattern.compile("[0-9A-Za-z-]+");

    public Enrollment814Request {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(serviceAddress, "serviceAddress");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(productCode, "productCode");
        if (!REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("814 request reference must be letters, digits or dashes, was '"
                    + reference + "'");
        }
        if (customerName.isBlank()) {
            throw new IllegalArgumentException("814 request " + reference + ": the customer name must not be blank");
        }
        if (productCode.isPresent() && productCode.get().isBlank()) {
            throw new IllegalArgumentException("814 request " + reference + ": the product code must not be blank");
        }
        // A change request changes the rate code (REF*TD*REFRB names what changed); a drop ends supply, so
        // there is no rate to bill.
        if (kind == EnrollmentKind.CHANGE && productCode.isEmpty()) {
            throw new IllegalArgumentException("814 change request " + reference + " needs the new product code");
        }
        if (kind == EnrollmentKind.DROP && productCode.isPresent()) {
            throw new IllegalArgumentException("814 drop request " + reference + " must not carry a product code, was '"
                    + productCode.get() + "'");
        }
    }

    @Override
    public String transactionSetCode() {
        return "814";
    }
}
