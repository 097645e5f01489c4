package org.opencce.app.edi;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.EdiPartner;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.formats.edi.EdiParty;
import org.opencce.formats.edi.InterchangeEnvelope;
import org.opencce.formats.edi.TradingPartners;

/**
 * The program's {@link EdiSetup} as the X12 formats take it: the N1 parties of the 814s and the ISA/GS
 * envelope of each file, in either direction. Stateless and thread-safe.
 */
public final class EdiParties {

    private EdiParties() {
    }

    /** The N1 parties: N1*SJ the program's supplier, N1*8S each utility. */
    public static TradingPartners tradingPartners(EdiSetup setup) {
        Map<Utility, EdiParty> utilities = new EnumMap<>(Utility.class);
        setup.utilities().forEach((u, p) -> utilities.put(u, party(p)));
        return new TradingPartners(party(setup.supplier()), utilities);
    }

    /** The envelope of a file the program sends {@code utility}: ISA13 and GS06 are both {@code controlNumber}. */
    public static InterchangeEnvelope toUtility(EdiSetup setup, Utility utility, long controlNumber,
            LocalDateTime created) {
        return envelope(setup, setup.supplier(), setup.utility(utility), controlNumber, created);
    }

    /** The envelope of a file {@code utility} sends the program (the utility simulator writes these). */
    public static InterchangeEnvelope fromUtility(EdiSetup setup, Utility utility, long controlNumber,
            LocalDateTime created) {
        return envelope(setup, setup.utility(utility), setup.supplier(), controlNumber, created);
    }

    /** The utility in file names: {@code eversource-wma}, {@code national-grid-ma}. */
    public static String slug(Utility utility) {
        return utility.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static InterchangeEnvelope envelope(EdiSetup setup, EdiPartner from, EdiPartner to, long controlNumber,
            LocalDateTime created) {
        return new InterchangeEnvelope(from.interchangeQualifier(), from.interchangeId(), to.interchangeQualifier(),
                to.interchangeId(), from.applicationCode(), to.applicationCode(), controlNumber, controlNumber, created,
                setup.usage() == EdiSetup.Usage.PRODUCTION ? InterchangeEnvelope.Usage.PRODUCTION
                        : InterchangeEnvelope.Usage.TEST);
    }

    private static EdiParty party(EdiPartner p) {
        return new EdiParty(p.id(), p.qualifier(), p.name());
    }
}
