package org.opencce.domain.enrollment;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One party of the program's EDI 814/997 exchange (the program's supplier, or a utility) as the
 * program's setup names it, in the three places an X12 004010 file names a party:
 * <ul>
 *   <li>the N1 loop of every 814 (N1*SJ the supplier, N1*8S the utility): {@code name} (N102),
 *       {@code qualifier} (N103: {@code 1} a D-U-N-S number, {@code 9} a D-U-N-S+4, {@code ZZ} mutually
 *       defined) and {@code id} (N104);</li>
 *   <li>the interchange header ISA: {@code interchangeQualifier} (ISA05/ISA07) and {@code interchangeId}
 *       (ISA06/ISA08, at most 15 characters: the ISA pads it to its fixed width);</li>
 *   <li>the functional group header GS: {@code applicationCode} (GS02/GS03).</li>
 * </ul>
 * The rules are those of ASC X12 004010 for these elements, narrowed to the characters OpenCCE writes
 * ({@code docs/formats/edi-814.md}): no X12 delimiter ({@code * ~ >}) and printable ASCII only.
 * Real ids come from the trading-partner agreement with each utility; {@link EdiSetup#testDefaults()}
 * holds plainly fictitious ones. Immutable and thread-safe.
 */
public record EdiPartner(String name, String qualifier, String id, String interchangeQualifier,
        String interchangeId, String applicationCode) {

    /** N102 is AN 1/60 (X12 004010 element 93); printable ASCII without OpenCCE's delimiters. */
    private static final Pattern NAME = Pattern.compile("[\\x20-\\x7E&&[^*~>]]{1,60}");
    /** N103 (element 66) codes OpenCCE exchanges: D-U-N-S, D-U-N-S+4, mutually defined. */
    private static final Pattern QUALIFIER = Pattern.compile("1|9|ZZ");
    /** N104 (element 67) is AN 2/80. */
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z-]{2,80}");
    /** ISA05/ISA07 (element I05) are two characters, such as 01 (D-U-N-S) or ZZ. */
    private static final Pattern INTERCHANGE_QUALIFIER = Pattern.compile("[0-9A-Z]{2}");
    /** ISA06/ISA08 (element I06/I07) are 15 characters, padded with spaces. */
    private static final Pattern INTERCHANGE_ID = Pattern.compile("[0-9A-Za-z]([0-9A-Za-z -]{0,13}[0-9A-Za-z-])?");
    /** GS02/GS03 (element 142/124) are AN 2/15. */
    private static final Pattern APPLICATION_CODE = Pattern.compile("[0-9A-Za-z-]{2,15}");

    public EdiPartner {
        check("name (N102)", name, problemWithName(name));
        check("qualifier (N103)", qualifier, problemWithQualifier(qualifier));
        check("id (N104)", id, problemWithId(id));
        check("interchange qualifier (ISA05/ISA07)", interchangeQualifier,
                problemWithInterchangeQualifier(interchangeQualifier));
        check("interchange id (ISA06/ISA08)", interchangeId, problemWithInterchangeId(interchangeId));
        check("application code (GS02/GS03)", applicationCode, problemWithApplicationCode(applicationCode));
    }

    /** Why {@code name} cannot be N102, if it cannot. */
    public static Optional<String> problemWithName(String name) {
        return problem(name, NAME, "1 to 60 printable ASCII characters without * ~ >");
    }

    /** Why {@code qualifier} cannot be N103, if it cannot. */
    public static Optional<String> problemWithQualifier(String qualifier) {
        return problem(qualifier, QUALIFIER, "1 (D-U-N-S), 9 (D-U-N-S+4) or ZZ (mutually defined)");
    }

    /** Why {@code id} cannot be N104, if it cannot. */
    public static Optional<String> problemWithId(String id) {
        return problem(id, ID, "2 to 80 letters, digits or dashes");
    }

    /** Why {@code qualifier} cannot be ISA05 or ISA07, if it cannot. */
    public static Optional<String> problemWithInterchangeQualifier(String qualifier) {
        return problem(qualifier, INTERCHANGE_QUALIFIER, "2 capital letters or digits, such as 01 (D-U-N-S) or ZZ");
    }

    /** Why {@code id} cannot be ISA06 or ISA08, if it cannot. */
    public static Optional<String> problemWithInterchangeId(String id) {
        return problem(id, INTERCHANGE_ID, "1 to 15 letters, digits, dashes or inner spaces");
    }

    /** Why {@code code} cannot be GS02 or GS03, if it cannot. */
    public static Optional<String> problemWithApplicationCode(String code) {
        return problem(code, APPLICATION_CODE, "2 to 15 letters, digits or dashes");
    }

    /**
     * The party named {@code name} with N1 id {@code id} of kind {@code qualifier}, using the same id in
     * the ISA and GS headers, as trading partners commonly do: the ISA qualifier is the one that
     * corresponds to {@code qualifier} ({@link #interchangeQualifierOf}).
     *
     * @throws IllegalArgumentException if a value breaks a rule, or {@code id} is longer than the 15
     *     characters the ISA holds (give the interchange id then)
     */
    public static EdiPartner of(String name, String qualifier, String id) {
        return new EdiPartner(name, qualifier, id, interchangeQualifierOf(qualifier), id, id);
    }

    /**
     * The ISA qualifier (element I05) of the kind of id an N1 qualifier (element 66) names: {@code 1}
     * D-U-N-S is {@code 01}, {@code 9} D-U-N-S+4 is {@code 14} (D-U-N-S plus suffix), anything else
     * {@code ZZ} (mutually defined). Source: ASC X12 004010 code lists of elements I05 and 66.
     */
    public static String interchangeQualifierOf(String qualifier) {
        if ("1".equals(qualifier)) {
            return "01";
        }
        if ("9".equals(qualifier)) {
            return "14";
        }
        return "ZZ";
    }

    /** Whether this party and {@code other} share the N1 id or the ISA id, so that a file could not tell them apart. */
    public boolean sharesAnIdWith(EdiPartner other) {
        return qualifier.equals(other.qualifier) && id.equals(other.id)
                || interchangeQualifier.equals(other.interchangeQualifier) && interchangeId.equals(other.interchangeId);
    }

    private static Optional<String> problem(String value, Pattern rule, String ruleText) {
        return value != null && rule.matcher(value).matches() ? Optional.empty()
                : Optional.of("must be " + ruleText + ", was '" + value + "'");
    }

    private static void check(String field, String value, Optional<String> problem) {
        Objects.requireNonNull(value, field);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("EDI partner " + field + " " + problem.get());
        }
    }
}
