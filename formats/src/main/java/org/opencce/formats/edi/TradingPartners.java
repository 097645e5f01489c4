package org.opencce.formats.edi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.Utility;

/**
 * Who the program exchanges 814s with: the program's own supplier party (N1*SJ in every 814, in both
 * directions) and each utility's party (N1*8S). The writer names the parties from here; the reader
 * finds the utility of an inbound 814 by its N1*8S id and refuses a file whose N1*SJ is not the
 * program's supplier. Immutable and thread-safe.
 */
public record TradingPartners(EdiParty supplier, Map<Utility, EdiParty> utilities) {

    public TradingPartners {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(utilities, "utilities");
        // An EnumMap keeps the utilities in declaration order, so messages list them the same way every time.
        utilities = utilities.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(utilities));
        for (Map.Entry<Utility, EdiParty> a : utilities.entrySet()) {
            Objects.requireNonNull(a.getValue(), "party of " + a.getKey());
            if (a.getValue().isIdentifiedBy(supplier.qualifier(), supplier.id())) {
                throw new IllegalArgumentException("utility " + a.getKey() + " has the supplier's own id "
                        + supplier.qualifier() + " " + supplier.id());
            }
            for (Map.Entry<Utility, EdiParty> b : utilities.entrySet()) {
                if (a.getKey().compareTo(b.getKey()) < 0
                        && a.getValue().isIdentifiedBy(b.getValue().qualifier(), b.getValue().id())) {
                    throw new IllegalArgumentException("utilities " + a.getKey() + " and " + b.getKey()
                            + " have the same id " + a.getValue().qualifier() + " " + a.getValue().id());
                }
            }
        }
    }

    /** The party of {@code utility}; fails when the program has no EDI partner for it. */
    public EdiParty utilityParty(Utility utility) {
        EdiParty party = utilities.get(utility);
        if (party == null) {
            throw new IllegalArgumentException("no EDI trading partner is configured for utility " + utility
                    + "; known: " + utilities.keySet());
        }
        return party;
    }

    /** The utility whose N1*8S is {@code qualifier} {@code id}, if it is one of the program's. */
    public Optional<Utility> utilityIdentifiedBy(String qualifier, String id) {
        for (Map.Entry<Utility, EdiParty> e : utilities.entrySet()) {
            if (e.getValue().isIdentifiedBy(qualifier, id)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
