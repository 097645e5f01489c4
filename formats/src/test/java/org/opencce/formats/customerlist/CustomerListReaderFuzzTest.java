package org.opencce.formats.customerlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

/**
 * Feeds the customer-list reader random bytes and mutated valid lists: every input must end as
 * accepted rows plus rejections that add up, or as one {@link FormatException} that names the file —
 * never another exception. 250 inputs of each kind run in every build (a second or two); run more with
 * {@code -Dopencce.fuzz.tries=100000}. A failure prints the input in Base64 to replay it.
 */
class CustomerListReaderFuzzTest {
    private static final int TRIES = Integer.getInteger("opencce.fuzz.tries", 250);
    private static final List<String> SEEDS = List.of("good.csv", "bad-rows.csv", "aliases.csv",
            "bom-crlf-quoted.csv", "golden-valley-customer-list.csv");
    /** Bytes that matter to CSV and UTF-8: quotes, separators, line ends, NUL, lead and continuation bytes. */
    private static final int[] INTERESTING = {'"', ',', '\r', '\n', 0x00, 0x1B, 0x7F, 0x80, 0xBF, 0xC2, 0xC3, 0xE2,
        0xED, 0xF0, 0xF4, 0xFE, 0xFF, 0xEF, 0xBB};

    @Test
    void randomBytesEndAsRowsAndRejectionsOrAsOneClearRefusal() {
        Arbitrary<byte[]> inputs = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        inputs.sampleStream().limit(TRIES).forEach(CustomerListReaderFuzzTest::check);
    }

    @Test
    void mutatedListsEndAsRowsAndRejectionsOrAsOneClearRefusal() throws IOException {
        List<byte[]> seeds = new java.util.ArrayList<>();
        for (String name : SEEDS) {
            try (InputStream in = getClass().getResourceAsStream("/org/opencce/formats/customerlist/" + name)) {
                seeds.add(in.readAllBytes());
            }
        }
        Arbitrary<Long> randomSeeds = Arbitraries.longs();
        randomSeeds.sampleStream().limit(TRIES).forEach(seed -> {
            Random random = new Random(seed);
            check(mutate(seeds.get(random.nextInt(seeds.size())), random));
        });
    }

    /** A few random edits: flip, insert or delete bytes, copy a slice elsewhere, or cut the file short. */
    private static byte[] mutate(byte[] original, Random random) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            out.reset();
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> {
                    out.write(bytes, 0, at);
                    int n = 1 + random.nextInt(8);
                    for (int i = 0; i < n; i++) {
                        out.write(random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)]
                                : random.nextInt(256));
                    }
                    out.write(bytes, at, bytes.length - at);
                    bytes = out.toByteArray();
                }
                case 3 -> {
                    int from = random.nextInt(bytes.length);
                    int length = random.nextInt(Math.min(200, bytes.length - from) + 1);
                    out.write(bytes, 0, at);
                    out.write(bytes, from, length);
                    out.write(bytes, at, bytes.length - at);
                    bytes = out.toByteArray();
                }
                default -> bytes = java.util.Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }

    private static void check(byte[] input) {
        CustomerList list;
        try {
            list = CustomerListReader.read(CsvInput.utf8(new ByteArrayInputStream(input)), "fuzz.csv");
        } catch (FormatException refused) {
            assertThat(refused.getMessage()).as(replay(input)).startsWith("fuzz.csv");
            return;
        } catch (RuntimeException | Error unexpected) {
            fail("unexpected " + unexpected + " for " + replay(input), unexpected);
            return;
        }
        long lines = 1;
        for (byte b : input) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        assertThat(list.read()).as(replay(input)).isEqualTo(list.accepted() + list.rejected());
        for (BatchReport.Rejection r : list.rejections()) {
            assertThat(r.line()).as(replay(input)).isBetween(2L, lines);
            assertThat(r.reason()).as(replay(input)).isNotBlank();
        }
        for (CustomerListRow row : list.rows()) {
            assertThat(row.line()).as(replay(input)).isBetween(2L, lines);
            assertThat(row.customerName().length()).as(replay(input)).isLessThanOrEqualTo(200);
            assertThat(row.customerName() + row.town() + row.serviceAddress().street() + row.serviceAddress().city())
                    .as(replay(input)).doesNotContain("\u0000");
        }
    }

    private static String replay(byte[] input) {
        return "input (Base64) " + Base64.getEncoder().encodeToString(input);
    }
}
