package org.opencce.formats.loadprofile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencce.domain.load.LoadProfile;

class LoadProfileCsvWriterTest {

    @Test
    void theFallBackHourIsWrittenTwiceWithItsTwoOffsets() throws IOException {
        // 2025-11-02 00:00 EDT = 04:00Z; the local hour 01:00 happens at 05:00Z (EDT) and 06:00Z (EST).
        Instant start = Instant.parse("2025-11-02T04:00:00Z");
        LoadProfile profile = new LoadProfile(List.of("Amherst", "Northampton, Ward 3"), start,
                new double[][] {{1.0, 2.25, 3.0005}, {10, 20, -0.5}});
        StringWriter out = new StringWriter();
        LoadProfileCsvWriter.write(profile, out);
        assertThat(out.toString()).isEqualTo(golden("fall-back.csv"));
    }

    @Test
    void everythingWrittenHasReachedTheCallersWriterWhenWriteReturns() {
        // A caller that writes into a buffered file writer may read the file before closing it.
        LoadProfile profile = new LoadProfile(List.of("Pelham"), Instant.parse("2025-01-01T05:00:00Z"),
                new double[][] {{0.0004}});
        StringWriter file = new StringWriter();
        LoadProfileCsvWriter.write(profile, new BufferedWriter(file));
        // 0.0004 kWh rounds half up to three decimals: 0.000.
        assertThat(file.toString()).isEqualTo("interval_start_local,interval_start_utc,Pelham kWh,total kWh\n"
                + "2025-01-01T00:00-05:00,2025-01-01T05:00:00Z,0.000,0.000\n");
    }

    @Test
    void aWriteThatFailsSaysWhatCouldNotBeWritten() {
        LoadProfile profile = new LoadProfile(List.of("Pelham"), Instant.parse("2025-01-01T05:00:00Z"),
                new double[][] {{1}});
        Writer full = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> LoadProfileCsvWriter.write(profile, full))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("could not write the load profile CSV: No space left on device");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = LoadProfileCsvWriterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
