package org.opencce.formats.program;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A YAML document as the program file reader walks it: mappings, sequences and scalars, each with
 * the line it starts on (1-based), and every scalar as the text written in the file. Jackson's tree
 * model keeps no line numbers and turns {@code 01002} into the number 1002; reading the parser's
 * tokens keeps both. Immutable and thread-safe.
 */
sealed interface YamlNode {

    /** The 1-based line the node starts on. */
    int line();

    /** What the node is, for a message: "a list", "a mapping of keys", "a value". */
    String kind();

    /**
     * A value as written, without quotes. {@code empty} when YAML reads it as null (nothing after the
     * colon, {@code ~}, {@code null}); {@code alias} when it is a reference ({@code *name}) to another
     * node, which the reader does not follow.
     */
    record Scalar(int line, String text, boolean empty, boolean alias) implements YamlNode {
        public Scalar {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String kind() {
            return "a single value";
        }
    }

    /** A key of a mapping, the line it is on, and its value. */
    record Entry(String key, int line, YamlNode value) {
    }

    /** Keys and values in file order; a key may appear twice here (the reader refuses that). */
    record Mapping(int line, List<Entry> entries) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String kind() {
            return "a mapping of keys";
        }
    }

    /** Items in file order. */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** Reads the node whose first token {@code parser} is on. */
    static YamlNode read(YAMLParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.START_OBJECT) {
            List<Entry> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                entries.add(new Entry(key, keyLine, read(parser)));
            }
            return new Mapping(line, entries);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new Sequence(line, items);
        }
        return new Scalar(line, parser.getText(), token == JsonToken.VALUE_NULL, parser.isCurrentAlias());
    }
}
