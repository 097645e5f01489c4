package org.opencce.formats.program;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencce.domain.community.Product;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Town;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.EdiPartner;
import org.opencce.domain.enrollment.EdiSetup;

/**
 * The optional {@code edi:} section of a program file: how the program exchanges 814 and 997 files
 * with its utilities ({@code docs/formats/program.md}, "edi"). Without it the program uses
 * {@link EdiSetup#testDefaults()}. With it, every utility of the program's towns needs its trading
 * partner, so that no file can go out under a mix of real and test ids. Stateless.
 */
final class EdiSection {
    static final List<String> KEYS = List.of("usage", "supplier", "utilities", "product_codes");
    static final List<String> PARTY_KEYS = List.of("name", "qualifier", "id", "interchange_qualifier",
            "interchange_id", "application_code");
    /** The utilities by the names the towns' {@code utility} key uses. */
    private static final Map<String, Utility> UTILITIES = utilities();

    private EdiSection() {
    }

    private static Map<String, Utility> utilities() {
        Map<String, Utility> names = new LinkedHashMap<>();
        names.put("eversource", Utility.EVERSOURCE_WMA);
        names.put("national-grid", Utility.NATIONAL_GRID_MA);
        return names;
    }

    /**
     * The setup {@code node} (of the {@code edi} key on {@code line}) gives, or empty when it has problems (added to {@code problems}). The towns and
     * products are the file's, empty when they have problems of their own; what depends on them is then
     * not checked.
     */
    static Optional<EdiSetup> read(YamlNode node, int line, List<Town> towns, List<Product> products,
            ProgramFileReader.Problems problems) {
        Optional<ProgramFileReader.Keys> keys = ProgramFileReader.Keys.of(node, "edi", KEYS, problems);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        ProgramFileReader.Keys edi = keys.get();
        int before = problems.count();
        EdiSetup.Usage usage = EdiSetup.Usage.TEST;
        if (edi.optional("usage").isPresent()) {
            Optional<String> text = edi.optionalText("usage");
            if (text.isPresent() && text.get().equals("production")) {
                usage = EdiSetup.Usage.PRODUCTION;
            } else if (text.isPresent() && !text.get().equals("test")) {
                edi.check("usage", Optional.of("must be test or production, was '" + text.get() + "'"));
            }
        }
        Optional<EdiPartner> supplier = edi.required("supplier").flatMap(n -> party(n, "edi.supplier", problems));
        Map<Utility, EdiPartner> utilities = edi.required("utilities").map(n -> utilityParties(n, towns, problems))
                .orElse(Map.of());
        Map<ProductId, String> codes = edi.optional("product_codes").map(n -> productCodes(n, products, problems))
                .orElse(Map.of());
        if (problems.count() > before || supplier.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EdiSetup(usage, supplier.get(), utilities, codes));
        } catch (IllegalArgumentException e) {
            problems.add(line, "edi", e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<Utility, EdiPartner> utilityParties(YamlNode node, List<Town> towns,
            ProgramFileReader.Problems problems) {
        List<String> known = new ArrayList<>(UTILITIES.keySet());
        Optional<ProgramFileReader.Keys> keys = ProgramFileReader.Keys.of(node, "edi.utilities", known, problems);
        if (keys.isEmpty()) {
            return Map.of();
        }
        ProgramFileReader.Keys u = keys.get();
        Map<Utility, EdiPartner> parties = new EnumMap<>(Utility.class);
        UTILITIES.forEach((name, utility) -> u.optional(name).flatMap(n -> party(n, u.field(name), problems))
                .ifPresent(p -> parties.put(utility, p)));
        UTILITIES.forEach((name, utility) -> {
            List<String> served = towns.stream().filter(t -> t.utility() == utility).map(Town::name).toList();
            if (!served.isEmpty() && u.optional(name).isEmpty()) {
                // a file to this utility would otherwise go out under the test ids
                u.check(name, Optional.of("is required: " + String.join(", ", served) + " "
                        + (served.size() == 1 ? "is" : "are") + " served by " + utility.displayName()));
            }
        });
        return parties;
    }

    private static Optional<EdiPartner> party(YamlNode node, String path, ProgramFileReader.Problems problems) {
        Optional<ProgramFileReader.Keys> keys = ProgramFileReader.Keys.of(node, path, PARTY_KEYS, problems);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        ProgramFileReader.Keys p = keys.get();
        Optional<String> name = p.text("name").filter(v -> p.check("name", EdiPartner.problemWithName(v)));
        Optional<String> qualifier = p.text("qualifier")
                .filter(v -> p.check("qualifier", EdiPartner.problemWithQualifier(v)));
        Optional<String> id = p.text("id").filter(v -> p.check("id", EdiPartner.problemWithId(v)));
        Optional<String> isaQualifier = p.optional("interchange_qualifier").isPresent()
                ? p.optionalText("interchange_qualifier").filter(v -> p.check("interchange_qualifier",
                        EdiPartner.problemWithInterchangeQualifier(v)))
                : qualifier.map(EdiPartner::interchangeQualifierOf);
        Optional<String> isaId;
        if (p.optional("interchange_id").isPresent()) {
            isaId = p.optionalText("interchange_id").filter(v -> p.check("interchange_id",
                    EdiPartner.problemWithInterchangeId(v)));
        } else {
            isaId = id.filter(v -> p.check("id", EdiPartner.problemWithInterchangeId(v).map(x -> "is longer than the 15"
                    + " characters of the ISA header (ISA06/ISA08); give interchange_id too, was '" + v + "'")));
        }
        Optional<String> application;
        if (p.optional("application_code").isPresent()) {
            application = p.optionalText("application_code").filter(v -> p.check("application_code",
                    EdiPartner.problemWithApplicationCode(v)));
        } else {
            application = isaId.filter(v -> p.check("interchange_id", EdiPartner.problemWithApplicationCode(v)
                    .map(x -> "holds a space, which the GS header's application code (GS02/GS03) cannot; give"
                            + " application_code too, was '" + v + "'")));
        }
        if (name.isEmpty() || qualifier.isEmpty() || id.isEmpty() || isaQualifier.isEmpty() || isaId.isEmpty()
                || application.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EdiPartner(name.get(), qualifier.get(), id.get(), isaQualifier.get(), isaId.get(),
                application.get()));
    }

    private static Map<ProductId, String> productCodes(YamlNode node, List<Product> products,
            ProgramFileReader.Problems problems) {
        if (products.isEmpty()) {
            return Map.of(); // the products have problems of their own; the codes cannot be matched to them
        }
        List<String> ids = products.stream().map(p -> p.id().value()).collect(Collectors.toList());
        Optional<ProgramFileReader.Keys> keys = ProgramFileReader.Keys.of(node, "edi.product_codes", ids, problems);
        if (keys.isEmpty()) {
            return Map.of();
        }
        ProgramFileReader.Keys k = keys.get();
        Map<ProductId, String> codes = new LinkedHashMap<>();
        for (String id : ids) {
            if (k.optional(id).isPresent()) {
                // a bad code is reported here; the section then gives no setup, so the map is not used
                k.optionalText(id).ifPresent(v -> {
                    k.check(id, EdiSetup.problemWithProductCode(v));
                    codes.put(new ProductId(id), v);
                });
            }
        }
        return codes;
    }

    /**
     * The section for {@code setup}, as {@link #read} reads it back: the ISA and GS ids only where they
     * differ from what the reader derives from the N1 ids.
     */
    static String write(EdiSetup setup) {
        StringBuilder y = new StringBuilder("edi:\n");
        y.append("  usage: ").append(setup.usage() == EdiSetup.Usage.PRODUCTION ? "production" : "test").append('\n');
        y.append("  supplier:\n");
        party(y, setup.supplier(), "    ");
        y.append("  utilities:\n");
        UTILITIES.forEach((name, utility) -> {
            EdiPartner p = setup.utilities().get(utility);
            if (p != null) {
                y.append("    ").append(name).append(":\n");
                party(y, p, "      ");
            }
        });
        if (!setup.productCodes().isEmpty()) {
            y.append("  product_codes:\n");
            setup.productCodes().forEach((product, code) -> y.append("    ").append(product.value()).append(": ")
                    .append(ProgramFileWriter.text(code)).append('\n'));
        }
        return y.toString();
    }

    private static void party(StringBuilder y, EdiPartner p, String indent) {
        y.append(indent).append("name: ").append(ProgramFileWriter.text(p.name())).append('\n');
        y.append(indent).append("qualifier: ").append(ProgramFileWriter.quoted(p.qualifier())).append('\n');
        y.append(indent).append("id: ").append(ProgramFileWriter.quoted(p.id())).append('\n');
        if (!p.interchangeQualifier().equals(EdiPartner.interchangeQualifierOf(p.qualifier()))) {
            y.append(indent).append("interchange_qualifier: ").append(ProgramFileWriter.quoted(p.interchangeQualifier()))
                    .append('\n');
        }
        if (!p.interchangeId().equals(p.id())) {
            y.append(indent).append("interchange_id: ").append(ProgramFileWriter.quoted(p.interchangeId()))
                    .append('\n');
        }
        if (!p.applicationCode().equals(p.interchangeId())) {
            y.append(indent).append("application_code: ").append(ProgramFileWriter.quoted(p.applicationCode()))
                    .append('\n');
        }
    }
}
