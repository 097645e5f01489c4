package org.opencce.domain.enrollment;

import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Town;

/**
 * Whether an account may be enrolled in a program, with a reason a staff member can read. Eligible means
 * in a member town and on the utility's Basic Service (G. L. c. 164, § 134(a): a town aggregates the load
 * of consumers within its boundaries, on an opt-out basis). A customer of a competitive supplier is not
 * enrolled automatically but may opt in. Low-income (R-2/R-4 discount) and net-metered accounts are
 * eligible and flagged, never excluded: they keep the utility's discount and their net metering credits
 * (issue 6, "flag, never exclude"). Immutable and thread-safe.
 */
public sealed interface Eligibility {

    /** Why, for staff: "in member town Pelham, on Basic Service; low-income: flagged, never excluded; ...". */
    String reason();

    /** Enrolled on an opt-out basis after notice. */
    record Eligible(String reason) implements Eligibility {
        public Eligible {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not enrolled: outside the member towns, or not this program's account. */
    record Ineligible(String reason) implements Eligibility {
        public Ineligible {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** With a competitive supplier: enrolled only if the customer opts in. */
    record OptInOnly(String reason) implements Eligibility {
        public OptInOnly {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The decision for one account of {@code program}'s customer lists. */
    static Eligibility decide(Account account, Program program) {
        if (!account.program().equals(program.id())) {
            return new Ineligible("account of program " + account.program() + ", not of " + program.id());
        }
        Optional<Town> town = program.town(account.town());
        if (town.isEmpty()) {
            return new Ineligible(account.town() + " is not a member town of " + program.name());
        }
        Town member = town.get();
        if (member.utility() != account.utility()) {
            // a town has one distribution company; the list and the program disagree, so staff must look
            return new Ineligible(member.name() + " is served by " + member.utility().displayName()
                    + ", but the list gives " + account.utility().displayName());
        }
        String where = "in member town " + member.name();
        if (account.supplyStatus() == SupplyStatus.COMPETITIVE) {
            return new OptInOnly(where + ", with a competitive supplier: not enrolled automatically, may opt in"
                    + flags(account));
        }
        String supply = account.supplyStatus() == SupplyStatus.PROGRAM ? "supplied by the program" : "on Basic Service";
        return new Eligible(where + ", " + supply + flags(account));
    }

    private static String flags(Account account) {
        StringBuilder s = new StringBuilder();
        if (account.lowIncome()) {
            s.append("; low-income (").append(account.rateClass().code())
                    .append("): flagged, never excluded; keeps the utility's low-income discount when enrolled");
        }
        if (account.netMetered()) {
            s.append("; net-metered: flagged, never excluded; keeps its net metering credits when enrolled");
        }
        return s.toString();
    }
}
