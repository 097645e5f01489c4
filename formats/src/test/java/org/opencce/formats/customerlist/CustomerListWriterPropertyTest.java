package org.opencce.formats.customerlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.MailingAddress;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

/**
 * The customer-list writer and reader agree on any list of rows. A property: left out of mutation runs
 * (hundreds of random lists for every mutant), where the golden-file tests of {@link CustomerListWriterTest}
 * judge the mutants.
 */
class CustomerListWriterPropertyTest {

    @Property(tries = 200)
    void whateverIsWrittenReadsBackTheSame(@ForAll("rows") List<CustomerListRow> rows) {
        List<CustomerListRow> unique = new ArrayList<>();
        rows.stream().filter(r -> unique.stream().noneMatch(u -> u.utility() == r.utility()
                && u.accountNumber().value().equalsIgnoreCase(r.accountNumber().value()))).forEach(unique::add);

        CustomerList back = CustomerListReader.read(new StringReader(CustomerListWriterTest.write(unique)), "property.csv");

        assertThat(back.rejections()).isEmpty();
        assertThat(back.rows()).extracting(CustomerListRow::withoutLine).isEqualTo(unique);
    }

    @Provide
    Arbitrary<List<CustomerListRow>> rows() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('é', 'ñ', '\n', '’')
                .ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank() && s.strip().equals(s));
        Arbitrary<UtilityAccountNumber> account = Arbitraries.strings().withCharRange('0', '9').withChars('A', 'z', '-')
                .ofMinLength(4).ofMaxLength(30).map(UtilityAccountNumber::new);
        Arbitrary<ServiceAddress> address = Combinators.combine(text, text,
                        Arbitraries.strings().numeric().ofLength(5))
                .as(ServiceAddress::new);
        Arbitrary<Optional<MailingAddress>> mailing = Combinators.combine(text, text,
                        Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
                        Arbitraries.of("01035", "01035-0112", "90210"))
                .as(MailingAddress::new).optional(0.5);
        Arbitrary<CustomerListRow> row = Combinators.combine(account, Arbitraries.of(Utility.class), text,
                        Arbitraries.of(RateClass.class), text, address,
                        Arbitraries.of(SupplyStatus.BASIC_SERVICE, SupplyStatus.COMPETITIVE),
                        Arbitraries.of(true, false))
                .as((number, utility, town, rateClass, name, addr, status, flag) -> new CustomerListRow(0, number,
                        utility, town, rateClass, name, addr, status, flag, !flag, LoadZone.WCMA))
                .flatMap(r -> mailing.map(m -> new CustomerListRow(0, r.accountNumber(), r.utility(), r.town(),
                        r.rateClass(), r.customerName(), r.serviceAddress(), r.supplyStatus(), r.lowIncome(),
                        r.netMetered(), r.loadZone(), m)));
        return row.list().ofMaxSize(8);
    }
}
