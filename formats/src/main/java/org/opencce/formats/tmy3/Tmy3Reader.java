package org.opencce.formats.tmy3;

import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.opencce.domain.weather.TypicalYear;
import org.opencce.domain.weather.WeatherStation;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

/**
 * Reads an NREL TMY3 file (Wilcox &amp; Marion 2008, NREL/TP-581-43156, section 3) into a
 * {@link TypicalYear}. Line 1 is the station: USAF id, name, state, UTC offset of local standard time
 * in hours, latitude, longitude, elevation in metres. Line 2 is the column header. Then 8,760 hourly
 * rows in order from January 1 to December 31, stamped {@code MM/DD/YYYY} and {@code HH:MM} hour
 * ending in local standard time ({@code 1:00} … {@code 24:00}); the year of a row is the year its
 * typical month was taken from and is ignored. Columns are found by their header name, not position.
 *
 * <p>Anything else fails with a {@link FormatException} naming the file, the line and the problem.
 * Stateless and thread-safe.
 */
public final class Tmy3Reader {
    static final String DATE = "Date (MM/DD/YYYY)";
    static final String TIME = "Time (HH:MM)";

    /** The value columns read, with the range a real observation can take (guards against unit mix-ups). */
    private enum Column {
        DRY_BULB("Dry-bulb (C)", -90, 60),
        DEW_POINT("Dew-point (C)", -90, 60),
        GHI("GHI (W/m^2)", 0, 1500),
        DNI("DNI (W/m^2)", 0, 1500),
        DHI("DHI (W/m^2)", 0, 1500),
        WIND_SPEED("Wspd (m/s)", 0, 100);

        final String header;
        final double min;
        final double max;

        Column(String header, double min, double max) {
            this.header = header;
            this.min = min;
            this.max = max;
        }
    }

    private Tmy3Reader() {
    }

    /** Reads a TMY3 file (UTF-8 or ASCII). */
    public static TypicalYear read(Path file) {
        return read(CsvInput.open(file), file.getFileName().toString());
    }

    /** Reads TMY3 text from {@code reader}, closing it; {@code source} names it in messages. */
    public static TypicalYear read(Reader reader, String source) {
        List<CsvInput.Line> lines = CsvInput.readAll(reader, source);
        if (lines.isEmpty()) {
            throw new FormatException(source, "the file is empty; a TMY3 file starts with a line of station"
                    + " metadata, then a header, then 8760 hourly rows");
        }
        WeatherStation station = station(lines.get(0), source);
        if (lines.size() < 2) {
            throw new FormatException(source, "the header line (" + DATE + ", " + TIME + ", …) is missing");
        }
        CsvInput.Line header = lines.get(1);
        int dateColumn = column(header, DATE, source);
        int timeColumn = column(header, TIME, source);
        Map<Column, Integer> valueColumns = valueColumns(header, source);

        int rows = lines.size() - 2;
        if (rows > TypicalYear.HOURS) {
            throw new FormatException(source, lines.get(TypicalYear.HOURS + 2).number(), "a TMY3 file has "
                    + TypicalYear.HOURS + " hourly rows; this one has " + rows);
        }
        double[][] values = new double[Column.values().length][TypicalYear.HOURS];
        for (int i = 0; i < rows; i++) {
            CsvInput.Line line = lines.get(i + 2);
            checkStamp(line, i, line.field(dateColumn), line.field(timeColumn), source);
            for (Map.Entry<Column, Integer> c : valueColumns.entrySet()) {
                values[c.getKey().ordinal()][i] = value(line, c.getKey(), line.field(c.getValue()), source);
            }
        }
        if (rows < TypicalYear.HOURS) {
            throw new FormatException(source, "has " + rows + " hourly rows; a TMY3 file has " + TypicalYear.HOURS
                    + " (one per hour of a year without February 29), ending with December 31 hour ending 24:00");
        }
        return new TypicalYear(station, values[Column.DRY_BULB.ordinal()], values[Column.DEW_POINT.ordinal()],
                values[Column.GHI.ordinal()], values[Column.DNI.ordinal()], values[Column.DHI.ordinal()],
                values[Column.WIND_SPEED.ordinal()]);
    }

    private static WeatherStation station(CsvInput.Line line, String source) {
        if (line.size() < 7) {
            throw new FormatException(source, line.number(), "station metadata must have 7 fields (USAF id, name,"
                    + " state, UTC offset, latitude, longitude, elevation), found " + line.size());
        }
        double offset = number(line, line.field(3), "UTC offset", source);
        if (offset != Math.rint(offset)) {
            throw new FormatException(source, line.number(), "UTC offset " + line.field(3)
                    + " is not a whole number of hours");
        }
        try {
            return new WeatherStation(line.field(0), line.field(1), line.field(2),
                    number(line, line.field(4), "latitude", source), number(line, line.field(5), "longitude", source),
                    (int) offset, number(line, line.field(6), "elevation", source));
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, line.number(), "station metadata: " + e.getMessage());
        }
    }

    private static int column(CsvInput.Line header, String name, String source) {
        return indexOf(header, name).orElseThrow(() -> new FormatException(source, header.number(), "column '" + name
                + "' is missing from the header"));
    }

    private static Map<Column, Integer> valueColumns(CsvInput.Line header, String source) {
        Map<Column, Integer> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            OptionalInt at = indexOf(header, c.header);
            if (at.isPresent()) {
                found.put(c, at.getAsInt());
            } else {
                missing.add("'" + c.header + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new FormatException(source, header.number(), "columns " + String.join(", ", missing)
                    + " are missing from the header");
        }
        return found;
    }

    /** The first column of {@code header} named {@code name}, ignoring case. */
    private static OptionalInt indexOf(CsvInput.Line header, String name) {
        return IntStream.range(0, header.size()).filter(i -> header.field(i).equalsIgnoreCase(name)).findFirst();
    }

    /** Row {@code i} must be hour {@code i} of the typical year: the file is in order and complete. */
    private static void checkStamp(CsvInput.Line line, int i, String date, String time, String source) {
        String[] mdy = date.split("/");
        String[] hm = time.split(":");
        int month;
        int day;
        int hourEnding;
        try {
            if (mdy.length != 3 || hm.length < 2) {
                throw new NumberFormatException();
            }
            month = Integer.parseInt(mdy[0].trim());
            day = Integer.parseInt(mdy[1].trim());
            hourEnding = Integer.parseInt(hm[0].trim());
        } catch (NumberFormatException e) {
            throw new FormatException(source, line.number(), "date '" + date + "' and time '" + time
                    + "' must be MM/DD/YYYY and HH:MM");
        }
        LocalDateTime expected = TypicalYear.hourStart(i);
        if (month != expected.getMonthValue() || day != expected.getDayOfMonth()
                || hourEnding != expected.getHour() + 1) {
            throw new FormatException(source, line.number(), "expected " + expected.getMonthValue() + "/"
                    + expected.getDayOfMonth() + " hour ending " + (expected.getHour() + 1) + ":00, found " + date
                    + " " + time + "; the rows must run hour by hour from January 1 to December 31");
        }
    }

    private static double value(CsvInput.Line line, Column column, String text, String source) {
        double v = number(line, text, column.header, source);
        if (v < column.min || v > column.max) {
            throw new FormatException(source, line.number(), column.header + " " + text + " is outside the plausible"
                    + " range " + format(column.min) + " to " + format(column.max));
        }
        return v;
    }

    private static double number(CsvInput.Line line, String text, String what, String source) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FormatException(source, line.number(), what + " '" + text + "' is not a number");
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
