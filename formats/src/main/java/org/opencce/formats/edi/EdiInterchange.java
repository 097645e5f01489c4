package org.opencce.formats.edi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One X12 004010 interchange (ISA to IEA) with one functional group (GS to GE): the envelope and the
 * transaction sets in file order. All sets are of one functional group: 814s (requests and responses
 * may be mixed) or 997s. Control numbers are unique within the interchange (X12 997 code 23 rejects a
 * duplicate within a group). Immutable and thread-safe.
 */
public record EdiInterchange(InterchangeEnvelope envelope, List<TransactionSet> sets) {
    /**
     * The most transaction sets one functional group may hold: StAEDI's X12 control schema lets the ST
     * loop repeat 99,999 times. A larger batch is split into several files, each with its own control
     * numbers.
     */
    public static final int MAX_TRANSACTION_SETS = 99_999;

    public EdiInterchange {
        Objects.requireNonNull(envelope, "envelope");
        sets = List.copyOf(sets);
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("an interchange needs at least one transaction set");
        }
        if (sets.size() > MAX_TRANSACTION_SETS) {
            throw new IllegalArgumentException("an interchange holds at most " + MAX_TRANSACTION_SETS
                    + " transaction sets, this one " + sets.size() + "; split the batch into several files");
        }
        String group = sets.get(0).content().functionalGroupCode();
        Set<String> controlNumbers = new HashSet<>();
        for (TransactionSet set : sets) {
            if (!set.content().functionalGroupCode().equals(group)) {
                throw new IllegalArgumentException("one functional group holds one kind of transaction set: "
                        + sets.get(0).content().transactionSetCode() + " and " + set.content().transactionSetCode()
                        + " cannot share an interchange");
            }
            if (!controlNumbers.add(set.controlNumber())) {
                throw new IllegalArgumentException("transaction set control number " + set.controlNumber()
                        + " occurs twice in the interchange");
            }
        }
    }

    /**
     * The interchange holding {@code transactions} in order, numbered {@code 0001}, {@code 0002}, and so
     * on (ST02 is unique within the group; four digits are the usual minimum width).
     */
    public static EdiInterchange numbered(InterchangeEnvelope envelope, List<? extends EdiTransaction> transactions) {
        List<TransactionSet> sets = new ArrayList<>();
        for (EdiTransaction t : transactions) {
            sets.add(new TransactionSet(String.format("%04d", sets.size() + 1), t));
        }
        return new EdiInterchange(envelope, sets);
    }

    /** GS01 of the group: {@code GE} for 814s, {@code FA} for 997s. */
    public String functionalGroupCode() {
        return sets.get(0).content().functionalGroupCode();
    }

    /** The 814 requests, in file order. */
    public List<Enrollment814Request> requests() {
        return contents(Enrollment814Request.class);
    }

    /** The 814 responses, in file order. */
    public List<Enrollment814Response> responses() {
        return contents(Enrollment814Response.class);
    }

    /** The 997 acknowledgments, in file order. */
    public List<FunctionalAck997> acknowledgments() {
        return contents(FunctionalAck997.class);
    }

    private <T extends EdiTransaction> List<T> contents(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (TransactionSet set : sets) {
            if (type.isInstance(set.content())) {
                found.add(type.cast(set.content()));
            }
        }
        return List.copyOf(found);
    }
}
