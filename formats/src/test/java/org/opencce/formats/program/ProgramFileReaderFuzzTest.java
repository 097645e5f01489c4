package org.opencce.formats.program;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;

/**
 * Feeds the program file reader mutated program files: every input must end as a program or as a
 * list of problems, each with a line and a reason, never as another exception (a domain constructor's
 * refusal the reader did not foresee, a parser error it did not catch). 300 inputs run in every build;
 * run more with {@code -Dopencce.fuzz.tries=100000}. A failure prints the input in Base64 to replay it.
 */
class ProgramFileReaderFuzzTest {
    private static final int TRIES = Integer.getInteger("opencce.fuzz.tries", 300);
    /** Text that matters to YAML and to the program file's values. */
    private static final String[] INTERESTING = {": ", "- ", "#", "'", "\"", "\n", "  ", "\t", "[", "]", "{", "}",
        "&a ", "*a", "---\n", "~", "-1", "0", "1e400", "9999999999", "%", " + ", "2025-13", "true", "\u0000", "é",
        "\uFEFF", "!!binary ", "? ", "|\n  "};

    @Test
    void mutatedProgramFilesEndAsAProgramOrAsProblems() throws IOException {
        byte[] sample = Files.readAllBytes(ProgramFileReaderTest.SAMPLE);
        byte[] valid = ProgramFileReaderTest.VALID.getBytes(StandardCharsets.UTF_8);
        Arbitraries.longs().sampleStream().limit(TRIES).forEach(seed -> {
            Random random = new Random(seed);
            check(mutate(random.nextBoolean() ? sample : valid, random));
        });
    }

    private static byte[] mutate(byte[] original, Random random) {
        StringBuilder text = new StringBuilder(new String(original, StandardCharsets.UTF_8));
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, INTERESTING[random.nextInt(INTERESTING.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
                case 2 -> {
                    int from = random.nextInt(text.length());
                    text.insert(at, text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(60))));
                }
                default -> text.setLength(at);
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(20) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return bytes;
    }

    private static void check(byte[] input) {
        try {
            ProgramFileReader.Result result = ProgramFileReader.read(new ByteArrayInputStream(input), "fuzz.yaml");
            if (result instanceof ProgramFileReader.Invalid) {
                for (ProgramFileProblem p : ((ProgramFileReader.Invalid) result).problems()) {
                    if (p.reason().isBlank()) {
                        fail("a problem without a reason for input " + Base64.getEncoder().encodeToString(input));
                    }
                }
            }
        } catch (RuntimeException | IOException | AssertionError e) {
            throw new AssertionError("input " + Base64.getEncoder().encodeToString(input) + " failed with " + e, e);
        }
    }
}
