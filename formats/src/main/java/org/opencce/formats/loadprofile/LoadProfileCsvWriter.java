package org.opencce.formats.loadprofile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opencce.domain.load.LoadProfile;
import org.opencce.domain.time.LocalCalendar;

/**
 * Writes a {@link LoadProfile} as CSV (docs/formats/load-profile-csv.md): one row per hour, the hour's
 * start in local time with its UTC offset (unambiguous on the fall-back day) and in UTC, then one kWh
 * column per group and the total, with three decimals (Wh resolution). Stateless and thread-safe.
 */
public final class LoadProfileCsvWriter {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    private LoadProfileCsvWriter() {
    }

    public static void write(LoadProfile profile, Writer out) {
        List<String> header = new ArrayList<>();
        header.add("interval_start_local");
        header.add("interval_start_utc");
        for (String group : profile.groups()) {
            header.add(group + " kWh");
        }
        header.add("total kWh");
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try {
            CSVPrinter csv = new CSVPrinter(out, format);
            csv.printRecord(header);
            double[] total = profile.totalKwhByHour();
            List<String> row = new ArrayList<>(header.size());
            for (int h = 0; h < profile.hours(); h++) {
                row.clear();
                Instant start = profile.hourStart(h);
                row.add(LOCAL.format(LocalCalendar.zoned(start)));
                row.add(start.toString());
                for (int g = 0; g < profile.groups().size(); g++) {
                    row.add(kwh(profile.kwh(g, h)));
                }
                row.add(kwh(total[h]));
                csv.printRecord(row);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the load profile CSV: " + e.getMessage(), e);
        }
    }

    private static String kwh(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
