package org.opencce.app.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.SupplyStatus;

/**
 * An in-memory {@link EnrollmentRequests} over a few named accounts (the Valley fixture), recording
 * every request it applied, for the web tests. Its rules are a simplified stand-in for enrollment's:
 * an opt-out is always confirmed; a product change needs an account in the program; an opt-in needs
 * one that is not; a product change or an opt-in takes effect on {@link #NEXT_METER_READ}.
 * Confirmation numbers count up from {@code VGE-000001}. Thread-safe (every method is synchronized).
 */
public final class InMemoryEnrollmentRequests implements EnrollmentRequests {
    /** The next meter-read date the fake gives every product change and opt-in. */
    public static final LocalDate NEXT_METER_READ = LocalDate.of(2025, 4, 4);
    public static final String OPT_OUT_TEXT = "You will return to your utility's Basic Service on your next meter"
            + " read. There is no fee.";
    public static final String NOT_IN_PROGRAM = "This account is not in the program, so its product cannot change."
            + " Choose to join the program instead.";

    /** A request the fake applied: to which account, what, by whom ("customer" for the portal), and its number. */
    public record Applied(AccountId account, PortalRequest request, String actor, String confirmationNumber) {
    }

    private final List<Account> accounts;
    private final List<Applied> applied = new ArrayList<>();
    private int portalCalls;

    public InMemoryEnrollmentRequests(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    @Override
    public synchronized PortalOutcome submitFromPortal(ProgramId program, PortalRequest request) {
        portalCalls++;
        // Every account is compared on both fields, so that an unknown number costs what a wrong ZIP code does.
        Account match = null;
        for (Account a : accounts) {
            boolean number = PortalRequest.keyOf(a.number().value()).equals(request.accountNumberKey());
            boolean zip = a.serviceAddress().zip().substring(0, 5).equals(request.serviceZip5());
            if (number & zip & a.program().equals(program)) {
                match = a;
            }
        }
        return match == null ? new PortalOutcome.NotMatched() : apply(match, request, "customer");
    }

    @Override
    public synchronized PortalOutcome submitForStaff(ProgramId program, AccountId account, PortalRequest request,
            String staffUser) {
        Optional<Account> found = accounts.stream().filter(a -> a.id().equals(account) && a.program().equals(program))
                .findFirst();
        return found.isEmpty() ? new PortalOutcome.NotMatched() : apply(found.get(), request, staffUser);
    }

    /** The requests applied so far, oldest first. */
    public synchronized List<Applied> applied() {
        return List.copyOf(applied);
    }

    /** How many portal requests reached the fake, applied or not. */
    public synchronized int portalCalls() {
        return portalCalls;
    }

    private PortalOutcome apply(Account account, PortalRequest request, String actor) {
        boolean inProgram = account.supplyStatus() == SupplyStatus.PROGRAM;
        if (request.kind() == PortalRequest.Kind.CHANGE_PRODUCT && !inProgram) {
            return new PortalOutcome.Refused(NOT_IN_PROGRAM);
        }
        if (request.kind() == PortalRequest.Kind.OPT_IN && inProgram) {
            return new PortalOutcome.Refused("This account is already in the program.");
        }
        String number = String.format("VGE-%06d", applied.size() + 1);
        applied.add(new Applied(account.id(), request, actor, number));
        if (request.kind() == PortalRequest.Kind.OPT_OUT) {
            return new PortalOutcome.Confirmed(number, OPT_OUT_TEXT, Optional.empty());
        }
        return new PortalOutcome.Confirmed(number, "Your new product starts on your next meter read.",
                Optional.of(NEXT_METER_READ));
    }
}
