package org.opencce.domain.enrollment;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Utility;

/**
 * How a program exchanges 814 and 997 files with its utilities: whether the files are production or
 * test data (ISA15), the program's own supplier party, each utility's party, and the code each product
 * is billed under (REF*RB of an enrollment or change request). A program's file may set it (the
 * optional {@code edi:} section, {@code docs/formats/program.md}); a program without one exchanges
 * {@link #testDefaults()}, whose ids are plainly fictitious and whose files are marked test data.
 *
 * <p>Invariants: no two parties share an N1 id or an ISA id (an inbound file names its sender by
 * them); product codes are 1 to 30 letters, digits or dashes (REF02 is AN 1/30 in X12 004010). A
 * product without a code of its own is billed under its id when the id fits those rules.
 * Immutable and thread-safe.
 */
public record EdiSetup(Usage usage, EdiPartner supplier, Map<Utility, EdiPartner> utilities,
        Map<ProductId, String> productCodes) {

    /** REF02 is AN 1/30 (X12 004010 element 127); OpenCCE's codes are letters, digits and dashes. */
    private static final Pattern PRODUCT_CODE = Pattern.compile("[0-9A-Za-z-]{1,30}");

    /** ISA15: whether the files carry production or test data. */
    public enum Usage {
        /** Real enrollments: ISA15 {@code P}. */
        PRODUCTION,
        /** Test data that the utility must not act on: ISA15 {@code T}. */
        TEST
    }

    public EdiSetup {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(utilities, "utilities");
        Objects.requireNonNull(productCodes, "productCodes");
        // EnumMap and TreeMap keep a stable order, so messages and stored rows come out the same every time.
        utilities = utilities.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(utilities));
        TreeMap<ProductId, String> sorted = new TreeMap<>(Comparator.comparing(ProductId::value));
        sorted.putAll(productCodes);
        productCodes = Collections.unmodifiableMap(sorted);
        for (Map.Entry<Utility, EdiPartner> u : utilities.entrySet()) {
            Objects.requireNonNull(u.getValue(), "EDI partner of " + u.getKey());
            if (u.getValue().sharesAnIdWith(supplier)) {
                throw new IllegalArgumentException("EDI partner of " + u.getKey() + " has an id of the program's"
                        + " supplier (" + supplier.qualifier() + " " + supplier.id() + ", ISA "
                        + supplier.interchangeId() + "); each party needs its own ids");
            }
            for (Map.Entry<Utility, EdiPartner> other : utilities.entrySet()) {
                if (u.getKey().compareTo(other.getKey()) < 0 && u.getValue().sharesAnIdWith(other.getValue())) {
                    throw new IllegalArgumentException("EDI partners of " + u.getKey() + " and " + other.getKey()
                            + " share an id; each utility needs its own N1 and ISA ids");
                }
            }
        }
        Map<String, ProductId> coded = new HashMap<>();
        for (Map.Entry<ProductId, String> code : productCodes.entrySet()) {
            Optional<String> problem = problemWithProductCode(code.getValue());
            if (problem.isPresent()) {
                throw new IllegalArgumentException("EDI product code of " + code.getKey().value() + " " + problem.get());
            }
            ProductId other = coded.put(code.getValue(), code.getKey());
            if (other != null) {
                // the utility bills by the code: two products under one code could not be told apart
                throw new IllegalArgumentException("products " + other.value() + " and " + code.getKey().value()
                        + " have the same EDI product code " + code.getValue());
            }
        }
    }

    /** Why {@code code} cannot be a product's REF*RB code, if it cannot. */
    public static Optional<String> problemWithProductCode(String code) {
        return code != null && PRODUCT_CODE.matcher(code).matches() ? Optional.empty()
                : Optional.of("must be 1 to 30 letters, digits or dashes (REF*RB), was '" + code + "'");
    }

    /**
     * The setup of a program that has none of its own: test data (ISA15 {@code T}), the supplier
     * {@code ZZ TEST-SUPPLIER}, Eversource {@code ZZ TEST-EVERSOURCE} and National Grid
     * {@code ZZ TEST-NGRID} (mutually defined ids that no real party uses), each product billed under its
     * id. A utility receiving such a file would treat it as a test; real ids come from each utility's
     * trading-partner agreement.
     */
    public static EdiSetup testDefaults() {
        return new EdiSetup(Usage.TEST, EdiPartner.of("OPENCCE TEST SUPPLIER", "ZZ", "TEST-SUPPLIER"),
                Map.of(Utility.EVERSOURCE_WMA, EdiPartner.of("EVERSOURCE ENERGY", "ZZ", "TEST-EVERSOURCE"),
                        Utility.NATIONAL_GRID_MA, EdiPartner.of("NATIONAL GRID", "ZZ", "TEST-NGRID")),
                Map.of());
    }

    /**
     * The party of {@code utility}.
     *
     * @throws OpenCceException if the setup names none: the program cannot send that utility's accounts
     */
    public EdiPartner utility(Utility utility) {
        EdiPartner partner = utilities.get(utility);
        if (partner == null) {
            throw new OpenCceException("the program's EDI setup names no trading partner for " + utility.displayName()
                    + "; add it under edi.utilities in the program file (docs/formats/program.md)");
        }
        return partner;
    }

    /** The utility whose ISA qualifier and id are these, if the setup names one. */
    public Optional<Utility> utilityByInterchangeId(String interchangeQualifier, String interchangeId) {
        for (Map.Entry<Utility, EdiPartner> u : utilities.entrySet()) {
            if (u.getValue().interchangeQualifier().equals(interchangeQualifier)
                    && u.getValue().interchangeId().equals(interchangeId)) {
                return Optional.of(u.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * The code {@code product} is billed under in REF*RB: its own code, or else its id.
     *
     * @throws OpenCceException if it has no code and its id is too long for REF*RB
     */
    public String productCode(ProductId product) {
        String code = productCodes.get(product);
        if (code != null) {
            return code;
        }
        if (!PRODUCT_CODE.matcher(product.value()).matches()) {
            throw new OpenCceException("product " + product.value() + " has no EDI product code and its id is longer"
                    + " than the 30 characters of REF*RB; give it one under edi.product_codes in the program file");
        }
        return product.value();
    }
}
