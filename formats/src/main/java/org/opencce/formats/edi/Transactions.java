package org.opencce.formats.edi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.formats.FormatException;

/**
 * Turns the segments of one transaction set (BGN or AK1 to the segment before SE), already valid
 * against the 814 or 997 schema, into its value, applying the rules the schema cannot express. Each
 * rule's source is named where it is applied and in {@code docs/formats/edi-814.md}.
 */
final class Transactions {
    private final String source;
    private final TradingPartners partners;

    Transactions(String source, TradingPartners partners) {
        this.source = source;
        this.partners = partners;
    }

    /** The message of a problem with {@code element} (0: the segment as a whole) of {@code s}. */
    static FormatException problem(String source, Segment s, int element, String text) {
        String where = element > 0 ? s.name() + ", element " + X12Text.elementName(s.tag(), element) : s.name();
        return new FormatException(source, s.line(), where + ": " + text);
    }

    private FormatException problem(Segment s, int element, String text) {
        return problem(source, s, element, text);
    }

    /** An 814: a request (BGN01 13) or a response (BGN01 11). */
    EdiTransaction enrollment(List<Segment> segments) {
        Segment bgn = segments.get(0);
        boolean request = "13".equals(bgn.element(1));
        Parties parties = new Parties();
        Segment lin = null;
        Segment asi = null;
        List<Segment> refs = new ArrayList<>();
        Segment dtm = null;
        for (Segment s : segments.subList(1, segments.size())) {
            switch (s.tag()) {
                case "N1":
                case "N3":
                case "N4":
                    parties.add(s);
                    break;
                case "LIN":
                    lin = s;
                    break;
                case "ASI":
                    asi = s;
                    break;
                case "REF":
                    refs.add(s);
                    break;
                default:
                    dtm = s;
                    break;
            }
        }
        // The schema makes LIN and ASI mandatory: both are present here.
        Utility utility = parties.utility(lin);
        parties.requireSupplier(lin);
        String trackingNumber = service(lin);
        String action = asi.element(1);
        boolean requestAction = "7".equals(action) || "F".equals(action);
        if (request != requestAction) {
            throw problem(asi, 1, "'" + action + "' " + (requestAction ? "asks for an action" : "answers a request")
                    + ", but BGN01 " + bgn.element(1) + " makes this 814 a " + (request ? "request" : "response")
                    + "; a request has ASI01 7 or F, a response WQ or U");
        }
        EnrollmentKind kind = EnrollmentKind.ofMaintenanceTypeCode(asi.element(2)).orElseThrow();
        References references = new References(refs, request, kind, "WQ".equals(action), asi);
        Optional<LocalDate> effective = effectiveDate(dtm);
        try {
            if (request) {
                if (!trackingNumber.equals(bgn.element(2))) {
                    throw problem(lin, 1, "tracking number '" + trackingNumber + "' differs from the request's BGN02 '"
                            + bgn.element(2) + "'; OpenCCE uses the request's reference for both");
                }
                Segment customer = parties.customer(lin);
                return new Enrollment814Request(kind, bgn.element(2), references.account(), utility,
                        customer.element(2), parties.serviceAddress(customer), effective, references.productCode());
            }
            // BGN06 refers to the request's BGN02 and is optional on a response (PA/NJ/DE/MD 814 IG, BGN);
            // LIN01 always returns the request's tracking number.
            String original = bgn.element(6).isEmpty() ? trackingNumber : bgn.element(6);
            if (!original.equals(trackingNumber)) {
                throw problem(lin, 1, "tracking number '" + trackingNumber + "' differs from BGN06 '" + original
                        + "', the request this response answers");
            }
            return new Enrollment814Response(bgn.element(2), original, kind, references.account(), utility,
                    "WQ".equals(action), references.rejections(), effective);
        } catch (IllegalArgumentException e) {
            throw problem(bgn, 0, e.getMessage());
        }
    }

    /** LIN: the service must be electric generation, LIN*id*SH*EL*SH*CE (UIG 814 4010, LIN). */
    private String service(Segment lin) {
        if (lin.element(1).isEmpty()) {
            throw problem(lin, 1, "the tracking number is missing; a request and its response carry it in LIN01");
        }
        if (!"EL".equals(lin.element(3))) {
            throw problem(lin, 3, "'" + lin.element(3) + "' is not EL; OpenCCE exchanges electric service only");
        }
        if (!"CE".equals(lin.element(5))) {
            throw problem(lin, 5, "'" + lin.element(5) + "' is not CE; OpenCCE requests generation service only"
                    + " (LIN*...*SH*EL*SH*CE)");
        }
        return lin.element(1);
    }

    private Optional<LocalDate> effectiveDate(Segment dtm) {
        if (dtm == null) {
            return Optional.empty();
        }
        if (dtm.element(2).isEmpty()) {
            throw problem(dtm, 2, "the effective date is missing; OpenCCE reads DTM*007*CCYYMMDD");
        }
        return Optional.of(LocalDate.parse(dtm.element(2), X12Text.DATE));
    }

    /** The N1 loops: N1*8S the utility, N1*SJ the supplier, N1*8R the customer with N3 and N4. */
    private final class Parties {
        private Segment utility;
        private Segment supplier;
        private Segment customer;
        private Segment street;
        private Segment place;
        private String loop;

        void add(Segment s) {
            if ("N1".equals(s.tag())) {
                loop = s.element(1);
                if ("8S".equals(loop) && utility == null) {
                    utility = s;
                } else if ("SJ".equals(loop) && supplier == null) {
                    supplier = s;
                } else if ("8R".equals(loop) && customer == null) {
                    customer = s;
                } else {
                    throw problem(s, 1, "a second N1*" + loop + "; an 814 names each party once");
                }
                return;
            }
            // The schema puts N3 and N4 only after an N1.
            if (!"8R".equals(loop)) {
                throw problem(s, 0, "an address belongs to the customer's N1*8R loop, not to N1*" + loop);
            }
            if ("N3".equals(s.tag())) {
                street = s;
            } else {
                place = s;
            }
        }

        /** The utility of N1*8S, which must be one of the program's trading partners. */
        Utility utility(Segment lin) {
            Segment n1 = required(utility, "8S", "utility", lin);
            String qualifier = n1.element(3);
            String id = n1.element(4);
            return partners.utilityIdentifiedBy(qualifier, id).orElseThrow(() -> problem(n1, 4, "'" + qualifier + " "
                    + id + "' is not the id of a utility the program exchanges 814s with; known: "
                    + known()));
        }

        private String known() {
            List<String> names = new ArrayList<>();
            partners.utilities().forEach((u, p) -> names.add(u + " " + p.qualifier() + " " + p.id()));
            return String.join(", ", names);
        }

        /** N1*SJ must name the program's own supplier: the file is for this program. */
        void requireSupplier(Segment lin) {
            Segment n1 = required(supplier, "SJ", "supplier", lin);
            if (!partners.supplier().isIdentifiedBy(n1.element(3), n1.element(4))) {
                throw problem(n1, 4, "the 814 is for the supplier '" + n1.element(3) + " " + n1.element(4)
                        + "', not for this program's supplier '" + partners.supplier().qualifier() + " "
                        + partners.supplier().id() + "'");
            }
        }

        private Segment required(Segment n1, String code, String who, Segment lin) {
            if (n1 == null) {
                throw problem(lin, 0, "the 814 names no " + who + " (N1*" + code + ") before its LIN");
            }
            if (n1.element(4).isEmpty()) {
                throw problem(n1, 4, "the " + who + "'s id is missing; N103 and N104 identify the party");
            }
            return n1;
        }

        /** N1*8R with its name: a request names the customer whose service it is about. */
        Segment customer(Segment lin) {
            if (customer == null) {
                throw problem(lin, 0, "the request names no customer (N1*8R with N3 and N4) before its LIN");
            }
            if (customer.element(2).isEmpty()) {
                throw problem(customer, 2, "the customer's name is missing");
            }
            return customer;
        }

        /** N3 and N4 of N1*8R: the service address, in Massachusetts. */
        ServiceAddress serviceAddress(Segment n1) {
            if (street == null || place == null) {
                throw problem(n1, 0, "the customer's service address is incomplete; a request has N3 (street) and N4"
                        + " (city, state, ZIP) after N1*8R");
            }
            for (int element = 1; element <= 3; element++) {
                if (place.element(element).isEmpty()) {
                    throw problem(place, element, "the " + List.of("city", "state", "ZIP code").get(element - 1)
                            + " of the service address is missing");
                }
            }
            if (!"MA".equals(place.element(2))) {
                throw problem(place, 2, "'" + place.element(2) + "' is not MA; the program's towns are in"
                        + " Massachusetts");
            }
            try {
                return new ServiceAddress(street.element(1), place.element(1), place.element(3));
            } catch (IllegalArgumentException e) {
                throw problem(place, 3, e.getMessage());
            }
        }
    }

    /** The REF segments of the LIN loop. */
    private final class References {
        private Segment account;
        private Segment rateCode;
        private final List<Rejection> rejections = new ArrayList<>();

        References(List<Segment> refs, boolean request, EnrollmentKind kind, boolean accepted, Segment asi) {
            Segment reasonForChange = null;
            for (Segment ref : refs) {
                String qualifier = ref.element(1);
                if (ref.element(2).isEmpty()) {
                    throw problem(ref, 2, "the value of REF*" + qualifier + " is missing");
                }
                switch (qualifier) {
                    case "12":
                        account = once(account, ref);
                        break;
                    case "RB":
                        if (!request || kind == EnrollmentKind.DROP) {
                            throw problem(ref, 1, "a rate code (REF*RB) belongs to an enrollment or change request"
                                    + " only");
                        }
                        rateCode = once(rateCode, ref);
                        break;
                    case "TD":
                        if (!request || kind != EnrollmentKind.CHANGE) {
                            throw problem(ref, 1, "a reason for change (REF*TD) belongs to a change request only");
                        }
                        if (!"REFRB".equals(ref.element(2))) {
                            throw problem(ref, 2, "'" + ref.element(2) + "' is not REFRB; OpenCCE changes the rate"
                                    + " code (REF*RB) only");
                        }
                        reasonForChange = once(reasonForChange, ref);
                        break;
                    default:
                        // REF*7G: rejection reasons, on a reject response only (PA/NJ/DE/MD 814 IG, REF*7G).
                        if (request || accepted) {
                            throw problem(ref, 1, "a rejection reason (REF*7G) belongs to a reject response (ASI01 U)"
                                    + " only");
                        }
                        String text = ref.element(3);
                        rejections.add(new Rejection(ref.element(2), text.isEmpty() ? Optional.empty()
                                : Optional.of(text)));
                        break;
                }
            }
            if (account == null) {
                throw problem(asi, 0, "the 814 has no utility account number (REF*12) after its ASI");
            }
            if (kind == EnrollmentKind.CHANGE && request && (rateCode == null || reasonForChange == null)) {
                throw problem(asi, 0, "a change request carries the new rate code (REF*RB) and the reason for change"
                        + " REF*TD*REFRB");
            }
            if (!request && !accepted && rejections.isEmpty()) {
                throw problem(asi, 1, "a reject response (ASI01 U) gives its reasons in REF*7G, and this one has none");
            }
        }

        private Segment once(Segment earlier, Segment ref) {
            if (earlier != null) {
                throw problem(ref, 1, "a second REF*" + ref.element(1) + "; the 814 carries it once (first in "
                        + earlier.name() + ")");
            }
            return ref;
        }

        UtilityAccountNumber account() {
            try {
                return new UtilityAccountNumber(account.element(2));
            } catch (IllegalArgumentException e) {
                throw problem(account, 2, e.getMessage());
            }
        }

        Optional<String> productCode() {
            return rateCode == null ? Optional.empty() : Optional.of(rateCode.element(2));
        }

        List<Rejection> rejections() {
            return rejections;
        }
    }

    /** A 997: AK1, then per transaction set AK2, its AK3/AK4 notes and AK5, then AK9. */
    FunctionalAck997 acknowledgment(List<Segment> segments) {
        Segment ak1 = segments.get(0);
        List<FunctionalAck997.SetResult> sets = new ArrayList<>();
        Segment ak2 = null;
        List<FunctionalAck997.SegmentNote> notes = new ArrayList<>();
        Segment ak3 = null;
        List<FunctionalAck997.ElementNote> elementNotes = new ArrayList<>();
        Segment ak9 = null;
        try {
            for (Segment s : segments.subList(1, segments.size())) {
                switch (s.tag()) {
                    case "AK2":
                        ak2 = s;
                        notes = new ArrayList<>();
                        break;
                    case "AK3":
                        if (ak3 != null) {
                            notes.add(segmentNote(ak3, elementNotes));
                        }
                        ak3 = s;
                        elementNotes = new ArrayList<>();
                        break;
                    case "AK4":
                        elementNotes.add(elementNote(s));
                        break;
                    case "AK5":
                        if (ak3 != null) {
                            notes.add(segmentNote(ak3, elementNotes));
                            ak3 = null;
                        }
                        sets.add(new FunctionalAck997.SetResult(ak2.element(1), ak2.element(2), ackCode(s),
                                codes(s, 2, 6), notes));
                        break;
                    default:
                        ak9 = s;
                        break;
                }
            }
            return new FunctionalAck997(ak1.element(1), Long.parseLong(ak1.element(2)), sets, ackCode(ak9),
                    Integer.parseInt(ak9.element(2)), Integer.parseInt(ak9.element(3)),
                    Integer.parseInt(ak9.element(4)), codes(ak9, 5, 9));
        } catch (IllegalArgumentException e) {
            throw problem(ak1, 0, e.getMessage());
        }
    }

    private static FunctionalAck997.SegmentNote segmentNote(Segment ak3, List<FunctionalAck997.ElementNote> elements) {
        return new FunctionalAck997.SegmentNote(ak3.element(1), Integer.parseInt(ak3.element(2)),
                optional(ak3.element(3)), optional(ak3.element(4)), elements);
    }

    private static FunctionalAck997.ElementNote elementNote(Segment ak4) {
        List<String> position = ak4.components(1);
        OptionalInt component = position.size() > 1 && !position.get(1).isEmpty()
                ? OptionalInt.of(Integer.parseInt(position.get(1))) : OptionalInt.empty();
        return new FunctionalAck997.ElementNote(Integer.parseInt(position.get(0)), component,
                optional(ak4.element(2)), ak4.element(3), optional(ak4.element(4)));
    }

    private static FunctionalAck997.AckCode ackCode(Segment s) {
        // The schema's enumerations of AK501 and AK901 are the codes of AckCode.
        return FunctionalAck997.AckCode.ofCode(s.element(1)).orElseThrow();
    }

    private static List<String> codes(Segment s, int from, int to) {
        List<String> codes = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (!s.element(i).isEmpty()) {
                codes.add(s.element(i));
            }
        }
        return codes;
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
