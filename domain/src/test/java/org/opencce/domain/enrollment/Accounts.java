package org.opencce.domain.enrollment;

import java.util.Optional;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

/** The fixture accounts, and copies of them with one field changed, as a later customer list gives them. */
final class Accounts {
    private Accounts() {
    }

    static Account get(AccountId id) {
        return java.util.stream.Stream.concat(Fixtures.valleyAccounts().stream(), Fixtures.campaignAccounts().stream())
                .filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    static Account withTown(Account a, String town) {
        return new Account(a.id(), a.program(), a.number(), a.utility(), town, a.rateClass(), a.customerName(),
                a.serviceAddress(), a.supplyStatus(), a.product(), a.lowIncome(), a.netMetered(), a.loadZone());
    }

    static Account withUtility(Account a, Utility utility) {
        return new Account(a.id(), a.program(), a.number(), utility, a.town(), a.rateClass(), a.customerName(),
                a.serviceAddress(), a.supplyStatus(), a.product(), a.lowIncome(), a.netMetered(), a.loadZone());
    }

    static Account withProgram(Account a, ProgramId program) {
        return new Account(a.id(), program, a.number(), a.utility(), a.town(), a.rateClass(), a.customerName(),
                a.serviceAddress(), a.supplyStatus(), a.product(), a.lowIncome(), a.netMetered(), a.loadZone());
    }

    static Account withNumber(Account a, AccountId id, String number) {
        return new Account(id, a.program(), new UtilityAccountNumber(number), a.utility(), a.town(), a.rateClass(),
                a.customerName(), a.serviceAddress(), a.supplyStatus(), a.product(), a.lowIncome(), a.netMetered(),
                a.loadZone());
    }

    static Account withSupply(Account a, SupplyStatus status, ProductId product) {
        return new Account(a.id(), a.program(), a.number(), a.utility(), a.town(), a.rateClass(), a.customerName(),
                a.serviceAddress(), status, Optional.ofNullable(product), a.lowIncome(), a.netMetered(), a.loadZone());
    }

    static Account withFlags(Account a, boolean lowIncome, boolean netMetered) {
        return new Account(a.id(), a.program(), a.number(), a.utility(), a.town(), a.rateClass(), a.customerName(),
                a.serviceAddress(), a.supplyStatus(), a.product(), lowIncome, netMetered, a.loadZone());
    }

    static Account withNameAndClass(Account a, String name, RateClass rateClass) {
        return new Account(a.id(), a.program(), a.number(), a.utility(), a.town(), rateClass, name, a.serviceAddress(),
                a.supplyStatus(), a.product(), a.lowIncome(), a.netMetered(), a.loadZone());
    }
}
