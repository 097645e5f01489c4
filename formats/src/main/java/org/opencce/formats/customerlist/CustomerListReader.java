package org.opencce.formats.customerlist;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.RateClass;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.SupplyStatus;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

/**
 * Reads the list of eligible customers a distribution utility gives a program before enrollment
 * (G. L. c. 164, § 134 and D.P.U. 23-67-A: the utility supplies the names, addresses and accounts of its
 * Basic Service customers in the member towns). The list is CSV (UTF-8, a byte-order mark and CR LF
 * allowed) with a header row; columns are found by name, see {@link CustomerListColumn} and
 * {@code docs/formats/customer-list.md}.
 *
 * <p>A row that cannot become a {@link CustomerListRow} is rejected with its line and every reason, and
 * reading goes on; the second row for the same utility and account number is rejected as a duplicate of
 * the first accepted one. A file that is empty or lacks a required column cannot be read at all and
 * fails with a {@link FormatException} that lists the missing columns and the headers accepted for them.
 * Stateless and thread-safe.
 */
public final class CustomerListReader {
    private static final Set<String> BASIC_SERVICE_WORDS = Set.of("bs", "basic", "default", "defaultservice",
            "standardoffer", "none");
    private static final Set<String> COMPETITIVE_WORDS = Set.of("cs", "competitive", "competitivesupply",
            "competitivesupplier", "thirdparty", "thirdpartysupplier");
    private static final Set<String> UNKNOWN_WORDS = Set.of("", "na", "unknown", "tbd");
    private static final Map<String, Boolean> YES_NO = Map.of("y", true, "yes", true, "true", true, "1", true,
            "n", false, "no", false, "false", false, "0", false);
    private static final String RATE_CLASSES = Arrays.stream(RateClass.values()).map(RateClass::code)
            .collect(Collectors.joining(", "));
    private static final String LOAD_ZONES = Arrays.stream(LoadZone.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private CustomerListReader() {
    }

    public static CustomerList read(Path file) {
        return read(CsvInput.open(file), file.getFileName().toString());
    }

    /** Reads a customer list from {@code reader}, closing it; {@code source} names it in the report. */
    public static CustomerList read(Reader reader, String source) {
        List<CsvInput.Line> lines = CsvInput.readAll(reader, source);
        if (lines.isEmpty() || lines.stream().allMatch(CsvInput.Line::isBlank)) {
            throw new FormatException(source, "the file is empty; a customer list needs a header row with the"
                    + " columns " + describe(requiredColumns()));
        }
        int headerIndex = 0;
        while (lines.get(headerIndex).isBlank()) {
            headerIndex++;
        }
        CsvInput.Line header = lines.get(headerIndex);
        Map<CustomerListColumn, Integer> columns = new EnumMap<>(CustomerListColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.field(i);
            Optional<CustomerListColumn> column = CustomerListColumn.forHeader(name);
            if (column.isEmpty()) {
                if (!name.isEmpty()) {
                    ignored.add(name);
                }
                continue;
            }
            Integer earlier = columns.putIfAbsent(column.get(), i);
            if (earlier != null) {
                throw new FormatException(source, header.number(), "columns '" + header.field(earlier) + "' and '"
                        + name + "' both mean " + column.get().canonical() + "; keep one of them");
            }
        }
        List<CustomerListColumn> missing = requiredColumns().stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new FormatException(source, header.number(), "the customer list lacks the required column"
                    + (missing.size() > 1 ? "s " : " ") + describe(missing) + "; its header has "
                    + header.record().toList());
        }

        int read = 0;
        List<CustomerListRow> rows = new ArrayList<>();
        List<BatchReport.Rejection> rejections = new ArrayList<>();
        Map<String, Long> lineByAccount = new HashMap<>();
        for (CsvInput.Line line : lines.subList(headerIndex + 1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            read++;
            List<String> problems = new ArrayList<>();
            CustomerListRow row = row(line, header.size(), columns, problems);
            if (row != null) {
                String key = row.utility() + "/" + row.accountNumber().value().toUpperCase(Locale.ROOT);
                Long first = lineByAccount.putIfAbsent(key, line.number());
                if (first != null) {
                    problems.add("duplicate of line " + first + " (same utility and account number)");
                    row = null;
                }
            }
            if (row == null) {
                rejections.add(new BatchReport.Rejection(line.number(), String.join("; ", problems)));
            } else {
                rows.add(row);
            }
        }
        return new CustomerList(source, read, rows, rejections, ignored);
    }

    /** The row, or null with the reasons added to {@code problems}. */
    private static CustomerListRow row(CsvInput.Line line, int headerSize, Map<CustomerListColumn, Integer> columns,
            List<String> problems) {
        if (line.size() > headerSize) {
            for (int i = headerSize; i < line.size(); i++) {
                if (!line.field(i).isEmpty()) {
                    problems.add("the row has " + line.size() + " fields but the header has " + headerSize
                            + " columns; put values that contain commas in double quotes");
                    return null;
                }
            }
        }
        Map<CustomerListColumn, String> v = new EnumMap<>(CustomerListColumn.class);
        columns.forEach((column, index) -> v.put(column, line.field(index)));

        UtilityAccountNumber account = accountNumber(v.get(CustomerListColumn.ACCOUNT_NUMBER), problems);
        Utility utility = utility(v.get(CustomerListColumn.UTILITY), problems);
        String town = required(v.get(CustomerListColumn.TOWN), "town", problems);
        RateClass rateClass = rateClass(v.get(CustomerListColumn.RATE_CLASS), problems);
        String name = required(v.get(CustomerListColumn.CUSTOMER_NAME), "customer name", problems);
        String street = required(v.get(CustomerListColumn.SERVICE_STREET), "service street", problems);
        String city = required(v.get(CustomerListColumn.SERVICE_CITY), "service city", problems);
        String zip = zip(v.get(CustomerListColumn.SERVICE_ZIP), problems);
        SupplyStatus status = supplyStatus(v.get(CustomerListColumn.SUPPLY_STATUS), problems);
        Boolean lowIncome = yesNo(v.getOrDefault(CustomerListColumn.LOW_INCOME, ""), "low income", problems);
        Boolean netMetered = yesNo(v.getOrDefault(CustomerListColumn.NET_METERED, ""), "net metered", problems);
        LoadZone zone = loadZone(v.getOrDefault(CustomerListColumn.LOAD_ZONE, ""), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        // Without a low-income column, the rate class says it: are the low-income discount rates.
        boolean isLowIncome = lowIncome != null ? lowIncome
                : rateClass == RateClass.R_2 || rateClass == RateClass.R_4;
        return new CustomerListRow(line.number(), account, utility, town, rateClass, name,
                new ServiceAddress(street, city, zip), status, isLowIncome,
                netMetered != null && netMetered, zone);
    }

    private static String required(String value, String what, List<String> problems) {
        if (value.isEmpty()) {
            problems.add(what + " is missing");
        }
        return value;
    }

    private static UtilityAccountNumber accountNumber(String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add("account number is missing");
            return null;
        }
        if (value.matches("\\d+(\\.\\d+)?[eE]\\+?\\d+")) {
            problems.add("account number '" + value + "' was turned into a number in scientific notation by a"
                    + " spreadsheet; format the column as text and export the list again");
            return null;
        }
        if (!value.matches("[0-9A-Za-z-]{4,30}")) {
            problems.add("account number '" + value + "' must be 4 to 30 letters, digits or dashes");
            return null;
        }
        return new UtilityAccountNumber(value);
    }

    private static Utility utility(String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add("utility is missing");
            return null;
        }
        Optional<Utility> utility = Utility.parse(value);
        if (utility.isEmpty()) {
            problems.add("utility '" + value + "' is not one of Eversource, National Grid");
            return null;
        }
        return utility.get();
    }

    private static RateClass rateClass(String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add("rate class is missing");
            return null;
        }
        Optional<RateClass> rateClass = RateClass.parse(value);
        if (rateClass.isEmpty()) {
            problems.add("rate class '" + value + "' is not one of " + RATE_CLASSES);
            return null;
        }
        return rateClass.get();
    }

    private static String zip(String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add("ZIP code is missing");
        } else if (!value.matches("\\d{5}(-\\d{4})?")) {
            // Massachusetts ZIP codes start with 0; spreadsheets drop it when they take the column for a number.
            String hint = value.matches("[12]\\d{3}") ? " (a spreadsheet may have dropped its leading zero: 0"
                    + value + "?)" : "";
            problems.add("ZIP code '" + value + "' must be 5 digits" + hint);
        }
        return value;
    }

    private static SupplyStatus supplyStatus(String value, List<String> problems) {
        String key = CustomerListColumn.key(value);
        if (value.isEmpty()) {
            problems.add("supply status is missing (write Basic Service, or Competitive or the supplier's name)");
            return null;
        }
        if (key.startsWith("basicservice") || BASIC_SERVICE_WORDS.contains(key)) {
            return SupplyStatus.BASIC_SERVICE;
        }
        if (UNKNOWN_WORDS.contains(key)) {
            problems.add("supply status '" + value + "' is not known (write Basic Service, or Competitive or the"
                    + " supplier's name)");
            return null;
        }
        // Any other value is taken as the name of a competitive supplier.
        return SupplyStatus.COMPETITIVE;
    }

    private static Boolean yesNo(String value, String what, List<String> problems) {
        if (value.isEmpty()) {
            return null;
        }
        Boolean b = YES_NO.get(value.toLowerCase(Locale.ROOT));
        if (b == null) {
            problems.add(what + " '" + value + "' must be Y or N (or yes/no, true/false, 1/0)");
        }
        return b;
    }

    private static LoadZone loadZone(String value, List<String> problems) {
        if (value.isEmpty()) {
            // The program's towns are all in ISO-NE's Western/Central Massachusetts zone.
            return LoadZone.WCMA;
        }
        String key = CustomerListColumn.key(value);
        for (LoadZone zone : LoadZone.values()) {
            if (key.equals(zone.name().toLowerCase(Locale.ROOT)) || key.equals(CustomerListColumn.key(zone.displayName()))) {
                return zone;
            }
        }
        // ISO-NE names the zones' SMD sheets WCMASS, NEMASSBOST and SEMASS.
        if (key.equals("wcmass")) {
            return LoadZone.WCMA;
        }
        if (key.equals("nemassbost")) {
            return LoadZone.NEMA;
        }
        if (key.equals("semass")) {
            return LoadZone.SEMA;
        }
        problems.add("load zone '" + value + "' is not one of " + LOAD_ZONES);
        return null;
    }

    private static List<CustomerListColumn> requiredColumns() {
        return Arrays.stream(CustomerListColumn.values()).filter(CustomerListColumn::isRequired).toList();
    }

    private static String describe(List<CustomerListColumn> columns) {
        return columns.stream().map(CustomerListColumn::describe).collect(Collectors.joining("; "));
    }
}
