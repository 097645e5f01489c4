package org.opencce.formats.program;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.GreenContent;
import org.opencce.domain.community.LoadZone;
import org.opencce.domain.community.PostalAddress;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Program;
import org.opencce.domain.community.ProgramContact;
import org.opencce.domain.community.ProgramDefinition;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.units.EnergyPrice;
import org.opencce.domain.units.Percent;
import org.opencce.formats.FormatException;

/**
 * Reads a program file: the YAML text that defines a program, its public contact, towns and products
 * ({@code docs/formats/program.md}). Every key is known: a key the reader does not know is an error,
 * so that a typing mistake ({@code emial:}) is never ignored. The whole file is checked before anything
 * is returned, and every problem found is reported with its line, its field and the reason; a value
 * that depends on a broken one (the lead town, when the towns are wrong) is checked only when it can be.
 *
 * <p>Values are taken as written: {@code zip: 01002} keeps its leading zero, {@code 14.450} is the
 * exact decimal 14.450, and {@code name: yes} is the text "yes". YAML's anchors and aliases are refused,
 * and so is a second document in the file.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProgramFileReader {
    /** The largest file read: a program file is a few kilobytes; a megabyte is a wrong file. */
    static final int MAX_BYTES = 1 << 20;
    /** Longest program or product name kept. */
    static final int MAX_NAME = 200;
    /** Longest town name, as the customer list's town column (docs/formats/customer-list.md). */
    static final int MAX_TOWN = 100;
    /**
     * The highest price accepted, in cents per kWh: Massachusetts supply prices are 10 to 35 cents;
     * 100 or more is a misplaced decimal point (1445 for 14.45).
     */
    static final BigDecimal MAX_PRICE_CENTS = new BigDecimal(100);

    private static final List<String> TOP_KEYS = List.of("id", "name", "contact", "towns", "lead_town",
            "launch_date", "opt_out_window_days", "products", "edi");
    private static final List<String> CONTACT_KEYS = List.of("phone", "email", "web", "return_address");
    private static final List<String> ADDRESS_KEYS = List.of("street", "city", "state", "zip");
    private static final List<String> TOWN_KEYS = List.of("name", "utility", "load_zone", "population");
    private static final List<String> PRODUCT_KEYS = List.of("id", "name", "green_content", "local_share_percent",
            "price_cents_per_kwh", "term_start", "term_end", "default", "illustrative");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern STATE_MINIMUM = Pattern.compile("(?i)state\\s+minimum");
    private static final Pattern MINIMUM_PLUS = Pattern.compile(
            "(?i)(state\\s+)?minimum\\s*(\\+|plus)\\s*(\\S+?)\\s*(points?)?");
    private static final Pattern ABSOLUTE = Pattern.compile("(?i)(\\S+?)\\s*(%|percent)");
    private static final String GREEN_FORMS = "\"state minimum\", \"state minimum + N points\" (extra Class I)"
            + " or \"N %\" (of load, such as 100 %)";
    private static final String ZONES = Arrays.stream(LoadZone.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private ProgramFileReader() {
    }

    /** What reading a program file gave: the file, or every problem found in it. */
    public sealed interface Result {
        /** The name the file was read under, for messages. */
        String source();

        /**
         * The file read, or an {@link OpenCceException} whose message lists every problem, one per line,
         * each as {@link ProgramFileProblem#describe} gives it.
         */
        ProgramFile orElseThrow();
    }

    /** A file without problems. */
    public record Valid(ProgramFile file) implements Result {
        public Valid {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String source() {
            return file.source();
        }

        @Override
        public ProgramFile orElseThrow() {
            return file;
        }
    }

    /** A file with {@code problems} (at least one), in the order of their lines. */
    public record Invalid(String source, List<ProgramFileProblem> problems) implements Result {
        public Invalid {
            Objects.requireNonNull(source, "source");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid file has at least one problem");
            }
        }

        /** One problem as one line; several after a line that counts them. */
        public String message() {
            String lines = problems.stream().map(p -> p.describe(source)).collect(Collectors.joining("\n"));
            return problems.size() == 1 ? lines
                    : source + " has " + problems.size() + " problems; fix them and try again:\n" + lines;
        }

        @Override
        public ProgramFile orElseThrow() {
            throw new OpenCceException(message());
        }
    }

    /**
     * Reads the program file {@code file}, named in messages by its file name.
     *
     * @throws FormatException if the file cannot be opened or read
     */
    public static Result read(Path file) {
        String source = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new FormatException(file.toString(), "no such file; check the path", e);
        } catch (IOException e) {
            throw new FormatException(file.toString(), "cannot be read (" + e.getMessage()
                    + "); check that it exists and is readable", e);
        }
    }

    /**
     * Reads a program file from {@code in} (UTF-8, a byte-order mark allowed), which is left open.
     *
     * @throws IOException if {@code in} cannot be read
     */
    public static Result read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return new Invalid(source, List.of(new ProgramFileProblem(0, "", "the file is larger than "
                    + MAX_BYTES / 1024 + " KiB; a program file is a few kilobytes of YAML: is it the right file?")));
        }
        int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, bom, bytes.length - bom);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, text, true);
        if (result.isError()) {
            int offset = input.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            return new Invalid(source, List.of(new ProgramFileProblem(line, "", String.format(Locale.ROOT,
                    "the text is not UTF-8 (byte 0x%02X at byte offset %d, counting from 0); save the file as UTF-8"
                            + " and try again", bytes[offset], offset))));
        }
        decoder.flush(text);
        return read(text.flip().toString(), source);
    }

    /** Reads a program file's text; {@code source} names it in messages. */
    public static Result read(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Problems problems = new Problems();
        YamlNode root;
        try {
            root = parse(text, problems);
        } catch (IOException e) {
            problems.add(syntaxLine(e), "", "this is not valid YAML: " + syntaxReason(e));
            return new Invalid(source, problems.sorted());
        }
        if (root == null) {
            return new Invalid(source, problems.sorted());
        }
        ProgramFileReader.Document document = new ProgramFileReader.Document(problems);
        ProgramDefinition definition = document.definition(root);
        if (!problems.isEmpty()) {
            return new Invalid(source, problems.sorted());
        }
        return new Valid(new ProgramFile(source, definition, document.edi));
    }

    private static YamlNode parse(String text, Problems problems) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(text)) {
            if (parser.nextToken() == null) {
                problems.add(0, "", "the file is empty; a program file starts with 'id:' and 'name:' (see"
                        + " docs/formats/program.md)");
                return null;
            }
            YamlNode root = YamlNode.read(parser);
            if (parser.nextToken() != null) {
                problems.add(parser.currentTokenLocation().getLineNr(), "", "a second YAML document starts here;"
                        + " a program file holds one: remove the '---' and what follows, or split the file");
                return null;
            }
            return root;
        }
    }

    /** The line of a YAML syntax error: where SnakeYAML saw the problem, else where Jackson was. */
    private static int syntaxLine(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
                org.yaml.snakeyaml.error.Mark mark = ((org.yaml.snakeyaml.error.MarkedYAMLException) t).getProblemMark();
                if (mark != null) {
                    return mark.getLine() + 1;
                }
            }
        }
        JsonLocation at = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getLocation() : null;
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    private static String syntaxReason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
                org.yaml.snakeyaml.error.MarkedYAMLException m = (org.yaml.snakeyaml.error.MarkedYAMLException) t;
                String context = m.getContext() == null ? "" : m.getContext() + ": ";
                return context + m.getProblem();
            }
        }
        String message = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** The problems found so far. Not thread-safe: one reading, one thread. */
    static final class Problems {
        private final List<ProgramFileProblem> found = new ArrayList<>();

        void add(int line, String field, String reason) {
            found.add(new ProgramFileProblem(line, field, reason));
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        int count() {
            return found.size();
        }

        /** By line, then in the order found (the sort is stable). */
        List<ProgramFileProblem> sorted() {
            List<ProgramFileProblem> sorted = new ArrayList<>(found);
            sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return sorted;
        }
    }

    /**
     * The keys of one mapping of the file, at {@code path}: looks values up, and reports the keys that
     * are unknown, given twice or missing.
     */
    static final class Keys {
        private final YamlNode.Mapping mapping;
        private final String path;
        private final Problems problems;

        private Keys(YamlNode.Mapping mapping, String path, List<String> known, Problems problems) {
            this.mapping = mapping;
            this.path = path;
            this.problems = problems;
            List<String> seen = new ArrayList<>();
            for (YamlNode.Entry e : mapping.entries()) {
                int first = seen.indexOf(e.key());
                if (first >= 0) {
                    problems.add(e.line(), field(e.key()), "given twice (first on line "
                            + mapping.entries().get(first).line() + "); keep one");
                } else if (!known.contains(e.key())) {
                    problems.add(e.line(), field(e.key()), "unknown key" + suggestion(e.key(), known)
                            + "; the keys here are " + String.join(", ", known));
                }
                seen.add(e.key());
            }
        }

        /** The keys of {@code node}, when it is a mapping; otherwise a problem, and empty. */
        static Optional<Keys> of(YamlNode node, String path, List<String> known, Problems problems) {
            if (node instanceof YamlNode.Mapping) {
                return Optional.of(new Keys((YamlNode.Mapping) node, path, known, problems));
            }
            problems.add(node.line(), path, "must be " + new YamlNode.Mapping(0, List.of()).kind() + " ("
                    + String.join(", ", known) + "), was " + node.kind());
            return Optional.empty();
        }

        String field(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        int line() {
            return mapping.line();
        }

        /** The value of {@code key}; when it is missing, a problem and empty. */
        Optional<YamlNode> required(String key) {
            Optional<YamlNode> value = optional(key);
            if (value.isEmpty()) {
                problems.add(mapping.line(), field(key), "is required" + (path.isEmpty() ? ""
                        : " (" + path + " starts on line " + mapping.line() + ")"));
            }
            return value;
        }

        /** The value of {@code key}, the first one if it is given twice. */
        Optional<YamlNode> optional(String key) {
            return mapping.entries().stream().filter(e -> e.key().equals(key)).findFirst()
                    .map(YamlNode.Entry::value);
        }

        /** The line of {@code key} itself, or of the mapping when it is missing. */
        int keyLine(String key) {
            return mapping.entries().stream().filter(e -> e.key().equals(key)).findFirst()
                    .map(YamlNode.Entry::line).orElse(mapping.line());
        }

        /** A value of one line, required, trimmed; empty and a problem when it is not such a value. */
        Optional<String> text(String key) {
            return required(key).flatMap(v -> ProgramFileReader.text(v, field(key), problems));
        }

        /** As {@link #text(String)} for a key that may be left out. */
        Optional<String> optionalText(String key) {
            return optional(key).flatMap(v -> ProgramFileReader.text(v, field(key), problems));
        }

        /** Adds a problem for {@code key}'s value when {@code problem} is present, and says whether it was not. */
        boolean check(String key, Optional<String> problem) {
            problem.ifPresent(p -> problems.add(valueLine(key), field(key), p));
            return problem.isEmpty();
        }

        int valueLine(String key) {
            return optional(key).map(YamlNode::line).orElse(mapping.line());
        }

        private static String suggestion(String key, List<String> known) {
            return known.stream().filter(k -> distance(k, key.toLowerCase(Locale.ROOT)) <= 2).findFirst()
                    .map(k -> " (did you mean " + k + "?)").orElse("");
        }
    }

    /** One line of text from a scalar: not empty, not a list or mapping, no control characters. */
    static Optional<String> text(YamlNode node, String field, Problems problems) {
        if (!(node instanceof YamlNode.Scalar)) {
            problems.add(node.line(), field, "must be a single value, was " + node.kind());
            return Optional.empty();
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        if (scalar.alias()) {
            problems.add(node.line(), field, "YAML aliases (*" + scalar.text() + ") are not supported here;"
                    + " write the value out");
            return Optional.empty();
        }
        String text = scalar.text().trim();
        if (scalar.empty() || text.isEmpty()) {
            problems.add(node.line(), field, "must not be empty");
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                problems.add(node.line(), field, c == '\n' || c == '\r' ? "must be one line"
                        : String.format(Locale.ROOT, "holds the control character U+%04X at position %d; remove it",
                                (int) c, i + 1));
                return Optional.empty();
            }
        }
        return Optional.of(text);
    }

    /** Levenshtein distance, for suggesting the key that was meant. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The walk over one file's tree. Not thread-safe: one reading, one thread. */
    private static final class Document {
        private final Problems problems;
        /** The {@code edi:} section's setup, once {@link #definition} has read it. */
        private Optional<EdiSetup> edi = Optional.empty();

        Document(Problems problems) {
            this.problems = problems;
        }

        ProgramDefinition definition(YamlNode root) {
            Optional<Keys> keys = Keys.of(root, "", TOP_KEYS, problems);
            if (keys.isEmpty()) {
                return null;
            }
            Keys top = keys.get();
            int before = problems.count();
            Optional<ProgramId> id = top.text("id").flatMap(v -> slug(top, "id", v,
                    "a lower-case slug of letters, digits and dashes (at most 63), such as valley-green-energy"))
                    .map(ProgramId::new);
            Optional<String> name = top.text("name").filter(v -> top.check("name", tooLong(v, MAX_NAME)));
            Optional<ProgramContact> contact = top.required("contact").flatMap(this::contact);
            List<Town> towns = top.required("towns").map(this::towns).orElse(List.of());
            Optional<String> lead = top.text("lead_town").flatMap(v -> leadTown(top, v, towns));
            Optional<LocalDate> launch = top.text("launch_date").flatMap(v -> date(top, "launch_date", v));
            int window = top.optional("opt_out_window_days").isEmpty() ? Program.DEFAULT_OPT_OUT_WINDOW_DAYS
                    : top.text("opt_out_window_days").flatMap(v -> whole(top, "opt_out_window_days", v,
                            "a whole number of days")).filter(v -> top.check("opt_out_window_days",
                                    Program.problemWithOptOutWindow(v))).orElse(-1);
            // With a wrong id the products are still checked, under a stand-in id, for their own problems.
            ProgramId owner = id.orElse(new ProgramId("unknown"));
            List<Product> products = top.required("products").map(v -> products(v, owner)).orElse(List.of());
            edi = top.optional("edi").flatMap(v -> EdiSection.read(v, top.keyLine("edi"), towns, products, problems));
            if (problems.count() > before || id.isEmpty() || name.isEmpty() || contact.isEmpty() || lead.isEmpty()
                    || launch.isEmpty() || window < 0) {
                return null;
            }
            return new ProgramDefinition(new Program(id.get(), name.get(), lead.get(), towns, launch.get(),
                    contact, window), products);
        }

        private Optional<ProgramContact> contact(YamlNode node) {
            Optional<Keys> keys = Keys.of(node, "contact", CONTACT_KEYS, problems);
            if (keys.isEmpty()) {
                return Optional.empty();
            }
            Keys c = keys.get();
            Optional<String> phone = c.text("phone").filter(v -> c.check("phone", ProgramContact.problemWithPhone(v)));
            Optional<String> email = c.text("email").filter(v -> c.check("email", ProgramContact.problemWithEmail(v)));
            Optional<String> web = c.text("web").filter(v -> c.check("web", ProgramContact.problemWithWeb(v)));
            Optional<PostalAddress> address = c.required("return_address").flatMap(this::address);
            if (phone.isEmpty() || email.isEmpty() || web.isEmpty() || address.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ProgramContact(phone.get(), email.get(), web.get(), address.get()));
        }

        private Optional<PostalAddress> address(YamlNode node) {
            Optional<Keys> keys = Keys.of(node, "contact.return_address", ADDRESS_KEYS, problems);
            if (keys.isEmpty()) {
                return Optional.empty();
            }
            Keys a = keys.get();
            Optional<String> street = a.text("street").filter(v -> a.check("street", PostalAddress.problemWithStreet(v)));
            Optional<String> city = a.text("city").filter(v -> a.check("city", PostalAddress.problemWithCity(v)));
            Optional<String> state = a.text("state").filter(v -> a.check("state", PostalAddress.problemWithState(v)));
            Optional<String> zip = a.text("zip").filter(v -> a.check("zip", PostalAddress.problemWithZip(v)));
            if (street.isEmpty() || city.isEmpty() || state.isEmpty() || zip.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PostalAddress(street.get(), city.get(), state.get(), zip.get()));
        }

        /** The towns, or an empty list (with problems) when any of them is wrong. */
        private List<Town> towns(YamlNode node) {
            List<YamlNode> items = items(node, "towns", "town");
            List<Town> towns = new ArrayList<>();
            boolean complete = !items.isEmpty();
            for (int i = 0; i < items.size(); i++) {
                String path = "towns[" + i + "]";
                Optional<Town> town = Keys.of(items.get(i), path, TOWN_KEYS, problems).flatMap(this::town);
                if (town.isPresent()) {
                    Optional<Town> same = towns.stream()
                            .filter(t -> t.name().equalsIgnoreCase(town.get().name())).findFirst();
                    if (same.isPresent()) {
                        problems.add(items.get(i).line(), path + ".name", "'" + town.get().name() + "' is listed"
                                + " already (towns[" + towns.indexOf(same.get()) + "])");
                        complete = false;
                    }
                    towns.add(town.get());
                } else {
                    complete = false;
                }
            }
            return complete ? towns : List.of();
        }

        private Optional<Town> town(Keys t) {
            Optional<String> name = t.text("name").filter(v -> t.check("name", tooLong(v, MAX_TOWN)));
            Optional<Utility> utility = t.text("utility").flatMap(v -> utility(t, v));
            Optional<LoadZone> zone = t.text("load_zone").flatMap(v -> loadZone(t, v));
            Optional<Integer> population = t.text("population").flatMap(v -> whole(t, "population", v,
                    "a whole number of people (without thousands separators)"))
                    .filter(v -> t.check("population", v < 0 ? Optional.of("must not be negative, was " + v)
                            : Optional.empty()));
            if (name.isEmpty() || utility.isEmpty() || zone.isEmpty() || population.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Town(name.get(), utility.get(), zone.get(), population.get()));
        }

        private Optional<String> leadTown(Keys top, String lead, List<Town> towns) {
            if (towns.isEmpty()) {
                return Optional.empty(); // the towns have problems of their own; the lead town cannot be checked
            }
            Optional<Town> town = towns.stream().filter(t -> t.name().equalsIgnoreCase(lead)).findFirst();
            top.check("lead_town", town.isPresent() ? Optional.empty() : Optional.of("'" + lead
                    + "' is not one of the towns (" + towns.stream().map(Town::name).collect(Collectors.joining(", "))
                    + ")"));
            return town.map(Town::name);
        }

        /** The products, or an empty list (with problems) when any of them is wrong. */
        private List<Product> products(YamlNode node, ProgramId program) {
            List<YamlNode> items = items(node, "products", "product");
            List<Product> products = new ArrayList<>();
            List<Integer> defaults = new ArrayList<>();
            boolean complete = !items.isEmpty();
            for (int i = 0; i < items.size(); i++) {
                String path = "products[" + i + "]";
                Optional<Keys> keys = Keys.of(items.get(i), path, PRODUCT_KEYS, problems);
                Optional<Product> product = keys.flatMap(k -> product(k, program));
                if (product.isEmpty()) {
                    complete = false;
                    continue;
                }
                Product p = product.get();
                Keys k = keys.get();
                for (int j = 0; j < products.size(); j++) {
                    if (products.get(j).id().equals(p.id())) {
                        problems.add(k.valueLine("id"), path + ".id", "'" + p.id() + "' is the id of products["
                                + j + "] too; each product needs its own");
                        complete = false;
                    } else if (products.get(j).name().equalsIgnoreCase(p.name())) {
                        problems.add(k.valueLine("name"), path + ".name", "'" + p.name() + "' is the name of"
                                + " products[" + j + "] too; customers could not tell them apart");
                        complete = false;
                    }
                }
                if (p.isDefault()) {
                    if (!defaults.isEmpty()) {
                        problems.add(k.valueLine("default"), path + ".default", "products[" + defaults.get(0)
                                + "] is the default already; mark exactly one product 'default: true'");
                        complete = false;
                    }
                    defaults.add(i);
                }
                products.add(p);
            }
            if (complete && defaults.isEmpty()) {
                problems.add(node.line(), "products", "no product is the default; mark exactly one with"
                        + " 'default: true' (customers who do not choose are enrolled on it)");
            }
            return complete ? products : List.of();
        }

        private Optional<Product> product(Keys p, ProgramId program) {
            Optional<ProductId> id = p.text("id").flatMap(v -> slug(p, "id", v,
                    "a lower-case slug of letters, digits and dashes, such as local-green")).map(ProductId::new);
            Optional<String> name = p.text("name").filter(v -> p.check("name", tooLong(v, MAX_NAME)));
            Optional<GreenContent> green = p.text("green_content").flatMap(v -> greenContent(p, v));
            Optional<Double> local = p.text("local_share_percent").flatMap(v -> decimal(p, "local_share_percent", v,
                    "a percentage such as 10")).map(BigDecimal::doubleValue)
                    .filter(v -> p.check("local_share_percent", v < 0 || v > 100
                            ? Optional.of("must be from 0 to 100, was " + trim(v)) : Optional.empty()));
            Optional<BigDecimal> price = p.text("price_cents_per_kwh").flatMap(v -> decimal(p, "price_cents_per_kwh",
                    v, "a price in cents per kWh such as 14.450")).filter(v -> p.check("price_cents_per_kwh",
                            price(v)));
            Optional<YearMonth> start = p.text("term_start").flatMap(v -> month(p, "term_start", v));
            Optional<YearMonth> end = p.text("term_end").flatMap(v -> month(p, "term_end", v));
            if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
                p.check("term_end", Optional.of("must not be before term_start (" + start.get() + "), was "
                        + end.get()));
                end = Optional.empty();
            }
            Optional<Boolean> isDefault = flag(p, "default");
            Optional<Boolean> illustrative = flag(p, "illustrative");
            if (id.isEmpty() || name.isEmpty() || green.isEmpty() || local.isEmpty() || price.isEmpty()
                    || start.isEmpty() || end.isEmpty() || isDefault.isEmpty() || illustrative.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Product(id.get(), program, name.get(), green.get(), Percent.of(local.get()),
                    EnergyPrice.ofCentsPerKilowattHour(price.get()), start.get(), end.get(), isDefault.get(),
                    illustrative.get()));
        }

        private static Optional<String> price(BigDecimal cents) {
            if (cents.signum() <= 0) {
                return Optional.of("must be positive, was " + cents.toPlainString());
            }
            if (cents.compareTo(MAX_PRICE_CENTS) >= 0) {
                return Optional.of("must be below " + MAX_PRICE_CENTS + " cents per kWh (is a decimal point"
                        + " missing?), was " + cents.toPlainString());
            }
            return Optional.empty();
        }

        /** The items of a list that must have at least one; a problem and no items otherwise. */
        private List<YamlNode> items(YamlNode node, String field, String noun) {
            if (!(node instanceof YamlNode.Sequence)) {
                problems.add(node.line(), field, "must be a list of " + noun + "s (each item starting with '- '), was "
                        + (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).empty() ? "empty"
                                : node.kind()));
                return List.of();
            }
            List<YamlNode> items = ((YamlNode.Sequence) node).items();
            if (items.isEmpty()) {
                problems.add(node.line(), field, "must list at least one " + noun);
            }
            return items;
        }

        private Optional<GreenContent> greenContent(Keys p, String text) {
            String field = "green_content";
            if (STATE_MINIMUM.matcher(text).matches()) {
                return Optional.of(new GreenContent.StateMinimum());
            }
            Matcher plus = MINIMUM_PLUS.matcher(text);
            if (plus.matches()) {
                Optional<BigDecimal> points = number(plus.group(3));
                if (points.isPresent() && points.get().signum() > 0
                        && points.get().compareTo(BigDecimal.valueOf(100)) <= 0) {
                    return Optional.of(new GreenContent.MinimumPlus(points.get().doubleValue()));
                }
                p.check(field, Optional.of("the extra Class I points must be a number above 0 and at most 100"
                        + " (\"state minimum\" for none), was '" + plus.group(3) + "'"));
                return Optional.empty();
            }
            Matcher absolute = ABSOLUTE.matcher(text);
            if (absolute.matches()) {
                Optional<BigDecimal> percent = number(absolute.group(1));
                if (percent.isPresent() && percent.get().signum() >= 0
                        && percent.get().compareTo(BigDecimal.valueOf(1000)) <= 0) {
                    return Optional.of(new GreenContent.Absolute(Percent.of(percent.get().doubleValue())));
                }
                p.check(field, Optional.of("the renewable share must be a percentage from 0 to 1000, was '"
                        + absolute.group(1) + "'"));
                return Optional.empty();
            }
            p.check(field, Optional.of("must be " + GREEN_FORMS + ", was '" + text + "'"));
            return Optional.empty();
        }

        private Optional<Boolean> flag(Keys p, String key) {
            if (p.optional(key).isEmpty()) {
                return Optional.of(false);
            }
            return p.optionalText(key).flatMap(v -> {
                String lower = v.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return Optional.of(lower.equals("true"));
                }
                p.check(key, Optional.of("must be true or false, was '" + v + "'"));
                return Optional.empty();
            });
        }

        private Optional<Utility> utility(Keys t, String text) {
            switch (text) {
                case "eversource":
                case "EVERSOURCE_WMA":
                    return Optional.of(Utility.EVERSOURCE_WMA);
                case "national-grid":
                case "NATIONAL_GRID_MA":
                    return Optional.of(Utility.NATIONAL_GRID_MA);
                default:
                    t.check("utility", Optional.of("must be eversource or national-grid, was '" + text + "'"));
                    return Optional.empty();
            }
        }

        private Optional<LoadZone> loadZone(Keys t, String text) {
            for (LoadZone zone : LoadZone.values()) {
                if (zone.name().equals(text.toUpperCase(Locale.ROOT))) {
                    return Optional.of(zone);
                }
            }
            t.check("load_zone", Optional.of("must be one of the ISO New England load zones of Massachusetts ("
                    + ZONES + "), was '" + text + "'"));
            return Optional.empty();
        }

        private Optional<String> slug(Keys k, String key, String text, String rule) {
            if (SLUG.matcher(text).matches()) {
                return Optional.of(text);
            }
            k.check(key, Optional.of("must be " + rule + ", was '" + text + "'"));
            return Optional.empty();
        }

        private Optional<LocalDate> date(Keys k, String key, String text) {
            if (DATE.matcher(text).matches()) {
                try {
                    return Optional.of(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    k.check(key, Optional.of("is not a day of the calendar, was '" + text + "'"));
                    return Optional.empty();
                }
            }
            k.check(key, Optional.of("must be a date written YYYY-MM-DD, such as 2025-01-01, was '" + text + "'"));
            return Optional.empty();
        }

        private Optional<YearMonth> month(Keys k, String key, String text) {
            if (MONTH.matcher(text).matches()) {
                try {
                    return Optional.of(YearMonth.parse(text));
                } catch (DateTimeParseException e) {
                    k.check(key, Optional.of("is not a month of the calendar, was '" + text + "'"));
                    return Optional.empty();
                }
            }
            k.check(key, Optional.of("must be a month written YYYY-MM, such as 2025-01, was '" + text + "'"));
            return Optional.empty();
        }

        private Optional<Integer> whole(Keys k, String key, String text, String what) {
            if (WHOLE.matcher(text).matches()) {
                return Optional.of(Integer.parseInt(text));
            }
            k.check(key, Optional.of("must be " + what + ", was '" + text + "'"));
            return Optional.empty();
        }

        private Optional<BigDecimal> decimal(Keys k, String key, String text, String what) {
            Optional<BigDecimal> n = number(text);
            if (n.isEmpty()) {
                k.check(key, Optional.of("must be " + what + ", was '" + text + "'"));
            }
            return n;
        }

        private static Optional<BigDecimal> number(String text) {
            return DECIMAL.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
        }

        private static Optional<String> tooLong(String text, int max) {
            return text.length() > max ? Optional.of("must be at most " + max + " characters, was " + text.length())
                    : Optional.empty();
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
