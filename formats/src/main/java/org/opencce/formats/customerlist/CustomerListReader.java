package org.opencce.formats.customerlist;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.MailingAddress;
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
 * the first accepted one. A file that is empty, lacks a required column, or has some of the four
 * mailing-address columns but not all, cannot be read at all and fails with a {@link FormatException}
 * that lists the missing columns and the headers accepted for them. A row gets a mailing address when
 * its four mailing columns are filled in, none when they are blank; a row with only some of them is
 * rejected with the ones it lacks.
 * Text that is not UTF-8 fails the same way, with the line and byte offset of the first bad byte. A
 * value longer than its column's {@link CustomerListColumn#maxLength() limit} or holding a control
 * character (a NUL, an escape) rejects its row with the column, the length or the character's position.
 *
 * <p>{@link #read(Reader, String, int, ChunkHandler)} reads a list of any size in constant memory
 * (apart from about 25 bytes per accepted account for the duplicate check); {@link #read(Reader, String)}
 * collects a small list in memory. Stateless and thread-safe.
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
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE]\\+?\\d+");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9A-Za-z-]{4,30}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern ZIP_WITHOUT_LEADING_ZERO = Pattern.compile("[12]\\d{3}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Map<LoadZone, String> ZONE_NAME_KEYS = Arrays.stream(LoadZone.values())
            .collect(Collectors.toMap(z -> z, z -> CustomerListColumn.key(z.displayName())));
    /*
     * A list repeats a handful of spellings of utilities and rate classes millions of times; parsing
     * each spelling once keeps regular expressions out of the per-row path. Bounded by the size of
     * the value (at most 50 and 10 characters) times the spellings seen, and shared by all readers.
     */
    private static final Map<String, Optional<Utility>> UTILITIES = new BoundedCache<>(1_000);
    private static final Map<String, Optional<RateClass>> RATE_CLASS_CODES = new BoundedCache<>(1_000);
    private static final String LOAD_ZONES = Arrays.stream(LoadZone.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    /** Records per chunk of {@link #read(Reader, String)}: the size matters only for memory. */
    private static final int DEFAULT_CHUNK = 10_000;

    private CustomerListReader() {
    }

    public static CustomerList read(Path file) {
        return read(CsvInput.open(file), file.getFileName().toString());
    }

    /**
     * Reads a whole customer list from {@code reader} into memory, closing it; {@code source} names it in
     * the report. For small lists and tests; {@link #read(Reader, String, int, ChunkHandler)} reads a list
     * of any size in constant memory.
     */
    public static CustomerList read(Reader reader, String source) {
        List<CustomerListRow> rows = new ArrayList<>();
        List<BatchReport.Rejection> rejections = new ArrayList<>();
        Summary summary = read(reader, source, DEFAULT_CHUNK, (chunkRows, chunkRejections) -> {
            rows.addAll(chunkRows);
            rejections.addAll(chunkRejections);
        });
        return new CustomerList(source, summary.read(), rows, rejections, summary.ignoredColumns());
    }

    /**
     * Reads a customer list from {@code reader} and hands it to {@code handler} in chunks of about
     * {@code chunkSize} records, in file order, holding only one chunk (and the duplicate check's compact
     * set of account keys) in memory. Closes the reader.
     *
     * @return the counts of the whole list, once every chunk has been handled
     * @throws FormatException if the list cannot be read at all (empty, a required column missing, not
     *     UTF-8, an unclosed quote); chunks before the failure have been handed over already, so a caller
     *     that stores them must do so in a transaction it can roll back
     */
    public static Summary read(Reader reader, String source, int chunkSize, ChunkHandler handler) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive, was " + chunkSize);
        }
        try (CsvInput.Records records = CsvInput.records(reader, source)) {
            CsvInput.Line header = null;
            while (records.hasNext()) {
                CsvInput.Line line = records.next();
                if (!line.isBlank()) {
                    header = line;
                    break;
                }
            }
            if (header == null) {
                throw new FormatException(source, "the file is empty; a customer list needs a header row with the"
                        + " columns " + describe(requiredColumns()));
            }
            Map<CustomerListColumn, Integer> columns = new EnumMap<>(CustomerListColumn.class);
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.field(i);
                Optional<CustomerListColumn> column = CustomerListColumn.forHeader(name);
                if (column.isEmpty()) {
                    if (!name.isEmpty()) {
                        ignored.add(shortened(name));
                    }
                    continue;
                }
                Integer earlier = columns.putIfAbsent(column.get(), i);
                if (earlier != null) {
                    throw new FormatException(source, header.number(), "columns '" + header.field(earlier) + "' and '"
                            + name + "' both mean " + column.get().canonical() + "; keep one of them");
                }
            }
            List<CustomerListColumn> missing = requiredColumns().stream().filter(c -> !columns.containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                throw new FormatException(source, header.number(), "the customer list lacks the required column"
                        + (missing.size() > 1 ? "s " : " ") + describe(missing) + "; its header has "
                        + header.record().toList().stream().map(CustomerListReader::shortened).toList());
            }
            List<CustomerListColumn> mailingMissing = CustomerListColumn.mailingAddress().stream()
                    .filter(c -> !columns.containsKey(c)).toList();
            if (!mailingMissing.isEmpty() && mailingMissing.size() < CustomerListColumn.mailingAddress().size()) {
                throw new FormatException(source, header.number(), "a mailing address needs all four columns "
                        + CustomerListColumn.mailingAddress().stream().map(CustomerListColumn::canonical)
                                .collect(Collectors.joining(", "))
                        + ", but the header lacks " + describe(mailingMissing)
                        + "; add the missing column" + (mailingMissing.size() > 1 ? "s" : "")
                        + " or remove the mailing columns");
            }

            int read = 0;
            int accepted = 0;
            List<CustomerListRow> rows = new ArrayList<>();
            List<BatchReport.Rejection> rejections = new ArrayList<>();
            AccountKeys firstLineByAccount = new AccountKeys();
            while (records.hasNext()) {
                CsvInput.Line line = records.next();
                if (line.isBlank()) {
                    continue;
                }
                read++;
                List<String> problems = new ArrayList<>();
                CustomerListRow row = row(line, header.size(), columns, problems);
                if (row != null) {
                    long first = firstLineByAccount.putIfAbsent(row.utility(),
                            row.accountNumber().value().toUpperCase(Locale.ROOT), line.number());
                    if (first >= 0) {
                        problems.add("duplicate of line " + first + " (same utility and account number)");
                        row = null;
                    }
                }
                if (row == null) {
                    rejections.add(new BatchReport.Rejection(line.number(), String.join("; ", problems)));
                } else {
                    rows.add(row);
                    accepted++;
                }
                if (rows.size() + rejections.size() >= chunkSize) {
                    handler.handle(rows, rejections);
                    rows = new ArrayList<>();
                    rejections = new ArrayList<>();
                }
            }
            if (!rows.isEmpty() || !rejections.isEmpty()) {
                handler.handle(rows, rejections);
            }
            return new Summary(source, read, accepted, read - accepted, ignored);
        }
    }

    /** Receives a customer list chunk by chunk. */
    @FunctionalInterface
    public interface ChunkHandler {
        /**
         * One chunk: the accepted rows and the rejections of consecutive records, each list in line order.
         * The lists are the handler's to keep.
         */
        void handle(List<CustomerListRow> rows, List<BatchReport.Rejection> rejections);
    }

    /**
     * What a chunked read found in the whole list: {@code read = accepted + rejected}, and the header
     * columns it did not use. Immutable and thread-safe.
     */
    public record Summary(String source, int read, int accepted, int rejected, List<String> ignoredColumns) {
        public Summary {
            Objects.requireNonNull(source, "source");
            ignoredColumns = List.copyOf(ignoredColumns);
            if (read != accepted + rejected) {
                throw new IllegalArgumentException("customer list " + source + " does not add up: read " + read
                        + " ≠ accepted " + accepted + " + rejected " + rejected);
            }
        }
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
        boolean usable = true;
        for (Map.Entry<CustomerListColumn, Integer> column : columns.entrySet()) {
            String value = line.field(column.getValue());
            if (isStorable(column.getKey(), value, problems)) {
                v.put(column.getKey(), value);
            } else {
                usable = false;
            }
        }
        if (!usable) {
            return null;
        }

        UtilityAccountNumber account = accountNumber(v.get(CustomerListColumn.ACCOUNT_NUMBER), problems);
        Utility utility = utility(v.get(CustomerListColumn.UTILITY), problems);
        String town = required(v.get(CustomerListColumn.TOWN), "town", problems);
        RateClass rateClass = rateClass(v.get(CustomerListColumn.RATE_CLASS), problems);
        String name = required(v.get(CustomerListColumn.CUSTOMER_NAME), "customer name", problems);
        String street = required(v.get(CustomerListColumn.SERVICE_STREET), "service street", problems);
        String city = required(v.get(CustomerListColumn.SERVICE_CITY), "service city", problems);
        String zip = zip(v.get(CustomerListColumn.SERVICE_ZIP), CustomerListColumn.SERVICE_ZIP, problems);
        SupplyStatus status = supplyStatus(v.get(CustomerListColumn.SUPPLY_STATUS), problems);
        Boolean lowIncome = yesNo(v.getOrDefault(CustomerListColumn.LOW_INCOME, ""), "low income", problems);
        Boolean netMetered = yesNo(v.getOrDefault(CustomerListColumn.NET_METERED, ""), "net metered", problems);
        LoadZone zone = loadZone(v.getOrDefault(CustomerListColumn.LOAD_ZONE, ""), problems);
        Optional<MailingAddress> mailing = mailingAddress(v, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        // Without a low-income column, the rate class says it: are the low-income discount rates.
        boolean isLowIncome = lowIncome != null ? lowIncome
                : rateClass == RateClass.R_2 || rateClass == RateClass.R_4;
        return new CustomerListRow(line.number(), account, utility, town, rateClass, name,
                new ServiceAddress(street, city, zip), status, isLowIncome,
                netMetered != null && netMetered, zone, mailing);
    }

    /**
     * Whether a value can be stored and shown as it is: not longer than its column's limit, and free of
     * control characters. Line breaks and tabs may stand in a quoted value (an address on two lines);
     * other C0 controls (NUL above all, which PostgreSQL cannot store in text), DEL and the C1 controls
     * U+0080–U+009F (Windows-1252 text decoded as Latin-1 produces them) cannot.
     */
    private static boolean isStorable(CustomerListColumn column, String value, List<String> problems) {
        if (value.length() > column.maxLength()) {
            problems.add(String.format(Locale.ROOT, "%s is %,d characters long; at most %d are allowed",
                    column.label(), value.length(), column.maxLength()));
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                problems.add(String.format(Locale.ROOT, "%s contains the control character U+%04X%s at character"
                        + " %d; delete it (a file exported as \"CSV UTF-8\" has none)", column.label(), (int) c,
                        c == 0 ? " (NUL)" : "", i + 1));
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** A header as messages show it: at most 40 characters, so a garbled header cannot flood a message. */
    private static String shortened(String header) {
        return header.length() <= 40 ? header : header.substring(0, 40) + "…";
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
        if (SCIENTIFIC.matcher(value).matches()) {
            problems.add("account number '" + value + "' was turned into a number in scientific notation by a"
                    + " spreadsheet; format the column as text and export the list again");
            return null;
        }
        if (!ACCOUNT_NUMBER.matcher(value).matches()) {
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
        Optional<Utility> utility = UTILITIES.computeIfAbsent(value, Utility::parse);
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
        Optional<RateClass> rateClass = RATE_CLASS_CODES.computeIfAbsent(value, RateClass::parse);
        if (rateClass.isEmpty()) {
            problems.add("rate class '" + value + "' is not one of " + RATE_CLASSES);
            return null;
        }
        return rateClass.get();
    }

    private static String zip(String value, CustomerListColumn column, List<String> problems) {
        if (value.isEmpty()) {
            problems.add(column.label() + " is missing");
        } else if (!ZIP.matcher(value).matches()) {
            // Massachusetts ZIP codes start with 0; spreadsheets drop it when they take the column for a number.
            String hint = ZIP_WITHOUT_LEADING_ZERO.matcher(value).matches() ? " (a spreadsheet may have dropped its leading zero: 0"
                    + value + "?)" : "";
            problems.add(column.label() + " '" + value + "' must be 5 digits" + hint);
        }
        return value;
    }

    /**
     * The mailing address of a row: empty when its four columns are blank (or absent), the address when
     * all four are filled in; a row with some of them filled in is rejected with the ones that are
     * missing, since a notice sent to half an address would not arrive (issue 6, Notices).
     */
    private static Optional<MailingAddress> mailingAddress(Map<CustomerListColumn, String> v, List<String> problems) {
        List<CustomerListColumn> blank = new ArrayList<>();
        for (CustomerListColumn c : CustomerListColumn.mailingAddress()) {
            if (v.getOrDefault(c, "").isEmpty()) {
                blank.add(c);
            }
        }
        if (blank.size() == CustomerListColumn.mailingAddress().size()) {
            return Optional.empty();
        }
        if (!blank.isEmpty()) {
            problems.add("the mailing address lacks its " + blank.stream().map(CustomerListColumn::label)
                    .collect(Collectors.joining(", ")) + "; fill in all four mailing columns or leave all four blank");
            return Optional.empty();
        }
        int before = problems.size();
        // USPS state codes are upper case (Publication 28, Appendix B); "ma" is read as MA.
        String state = v.get(CustomerListColumn.MAILING_STATE).toUpperCase(Locale.ROOT);
        if (!STATE.matcher(state).matches()) {
            problems.add("mailing state '" + v.get(CustomerListColumn.MAILING_STATE)
                    + "' must be a two-letter state code such as MA");
        }
        String zip = zip(v.get(CustomerListColumn.MAILING_ZIP), CustomerListColumn.MAILING_ZIP, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MailingAddress(v.get(CustomerListColumn.MAILING_STREET),
                v.get(CustomerListColumn.MAILING_CITY), state, zip));
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
            if (key.equals(zone.name().toLowerCase(Locale.ROOT)) || key.equals(ZONE_NAME_KEYS.get(zone))) {
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

    /** A thread-safe map that stops growing at {@code capacity} entries (and then just computes). */
    private static final class BoundedCache<K, V> extends java.util.concurrent.ConcurrentHashMap<K, V> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        BoundedCache(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public V computeIfAbsent(K key, java.util.function.Function<? super K, ? extends V> compute) {
            V known = get(key);
            if (known != null) {
                return known;
            }
            V value = compute.apply(key);
            if (size() < capacity) {
                putIfAbsent(key, value);
            }
            return value;
        }
    }
}
