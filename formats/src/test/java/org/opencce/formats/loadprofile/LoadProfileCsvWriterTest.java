package org.opencce.formats.loadprofile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
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

    private static String golden(String name) throws IOException {
        try (InputStream in = LoadProfileCsvWriterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
