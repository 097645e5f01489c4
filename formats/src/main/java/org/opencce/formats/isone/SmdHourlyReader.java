package org.opencce.formats.isone;

import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.formats.CsvInput;
import org.opencce.formats.FormatException;

/**
 * Reads an ISO New England SMD hourly CSV (one sheet of the "SMD Hourly Data" workbook:
 * {@code Date,Hour,DA_DEMD,DEMAND,DA_LMP,…,DryBulb,DewPnt}) into {@link SmdHourlyData}. {@code Date}
 * is {@code yyyy-mm-dd} or {@code M/D/YYYY}; {@code Hour} is the hour ending in local prevailing time
 * (Eastern, with daylight saving time), converted here to the UTC start of the hour.
 *
 * <p>Daylight saving time, as ISO-NE publishes it: the spring-forward day has 24 rows although it has
 * 23 hours, hour ending 02 being the average of hours ending 01 and 03. That hour never happened, so it
 * is dropped (and counted in {@link SmdHourlyData#syntheticHourLines()}); hour ending 03 is the day's
 * second real hour. On the fall-back day, hours are numbered 1–25, or 1, 2, {@code 2X}, 3 … 24 with
 * {@code 2X} the repeated hour.
 *
 * <p>A row that does not fit fails the read with a {@link FormatException} naming the file, the line and
 * the problem; a blank value cell is kept as a missing value. Stateless and thread-safe.
 */
public final class SmdHourlyReader {
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String REPEATED_HOUR = "2X";

    private SmdHourlyReader() {
    }

    public static SmdHourlyData read(Path file) {
        return read(CsvInput.open(file), file.getFileName().toString());
    }

    /** Reads SMD CSV text from {@code reader}, closing it; {@code source} names it in messages. */
    public static SmdHourlyData read(Reader reader, String source) {
        List<CsvInput.Line> lines = CsvInput.readAll(reader, source);
        if (lines.isEmpty()) {
            throw new FormatException(source, "the file is empty; an SMD hourly file starts with the header"
                    + " Date,Hour,DA_DEMD,DEMAND,…");
        }
        CsvInput.Line header = lines.get(0);
        int dateColumn = -1;
        int hourColumn = -1;
        Map<SmdColumn, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.field(i);
            if (name.equalsIgnoreCase("Date")) {
                dateColumn = i;
            } else if (name.equalsIgnoreCase("Hour") || name.equalsIgnoreCase("Hr_End")) {
                hourColumn = i;
            } else {
                int at = i;
                SmdColumn.forHeader(name).ifPresent(c -> {
                    if (columns.putIfAbsent(c, at) != null) {
                        throw new FormatException(source, header.number(), "column " + c.header() + " appears twice");
                    }
                });
            }
        }
        if (dateColumn < 0 || hourColumn < 0 || columns.isEmpty()) {
            throw new FormatException(source, header.number(), "the header must have the columns Date, Hour and"
                    + " at least one of " + List.of(SmdColumn.values()).stream().map(SmdColumn::header).toList()
                    + "; found " + header.record().toList());
        }

        // Group rows by day: the meaning of an hour-ending label depends on how many hours its day has.
        Map<LocalDate, List<CsvInput.Line>> days = new LinkedHashMap<>();
        for (CsvInput.Line line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                days.computeIfAbsent(date(line, line.field(dateColumn), source), d -> new ArrayList<>()).add(line);
            }
        }
        int hourAt = hourColumn;
        List<SmdHour> hours = new ArrayList<>();
        List<Long> synthetic = new ArrayList<>();
        Map<Instant, Long> lineByStart = new LinkedHashMap<>();
        for (Map.Entry<LocalDate, List<CsvInput.Line>> day : days.entrySet()) {
            LocalDate date = day.getKey();
            int hoursInDay = LocalCalendar.hoursIn(date);
            boolean labelsRepeatedHour = day.getValue().stream()
                    .anyMatch(l -> isRepeatedHour(l.field(hourAt)));
            for (CsvInput.Line line : day.getValue()) {
                String label = line.field(hourAt);
                int elapsed = elapsedHour(line, date, hoursInDay, labelsRepeatedHour, label, source);
                if (elapsed < 0) {
                    synthetic.add(line.number());
                    continue;
                }
                Instant start = LocalCalendar.startOfHourEnding(date, elapsed + 1);
                Long earlier = lineByStart.putIfAbsent(start, line.number());
                if (earlier != null) {
                    throw new FormatException(source, line.number(), date + " hour ending " + label
                            + " is the same hour as line " + earlier);
                }
                if (!hours.isEmpty() && start.isBefore(hours.get(hours.size() - 1).start())) {
                    throw new FormatException(source, line.number(), date + " hour ending " + label
                            + " comes after a later hour (line " + hours.get(hours.size() - 1).line()
                            + "); the rows must be in time order");
                }
                hours.add(new SmdHour(line.number(), date, label.toUpperCase(Locale.ROOT), start,
                        values(line, columns, source)));
            }
        }
        return new SmdHourlyData(source, List.copyOf(columns.keySet()), hours, synthetic);
    }

    /**
     * The 0-based hour of the local day a label means, or −1 for the synthetic spring-forward hour.
     * ISO-NE labels are prevailing clock time, so on a 23-hour day "hour ending 3" is the second hour.
     */
    private static int elapsedHour(CsvInput.Line line, LocalDate date, int hoursInDay, boolean labelsRepeatedHour,
            String label, String source) {
        if (isRepeatedHour(label)) {
            if (hoursInDay != 25) {
                throw new FormatException(source, line.number(), "hour '" + label + "' (the repeated hour of the"
                        + " fall-back day) on " + date + ", which is not the day daylight saving time ends");
            }
            return 2;
        }
        int hourEnding;
        try {
            hourEnding = Integer.parseInt(label);
        } catch (NumberFormatException e) {
            throw new FormatException(source, line.number(), "hour '" + label + "' must be an hour ending 1 to 24"
                    + " (25 or 2X on the fall-back day)");
        }
        int lastLabel = hoursInDay == 25 && !labelsRepeatedHour ? 25 : 24;
        if (hourEnding < 1 || hourEnding > lastLabel) {
            throw new FormatException(source, line.number(), "hour ending " + hourEnding + " does not exist on " + date
                    + " (hours ending 1 to " + lastLabel + ")");
        }
        if (hoursInDay == 23) {
            if (hourEnding == 2) {
                return -1;
            }
            return hourEnding == 1 ? 0 : hourEnding - 2;
        }
        if (hoursInDay == 25 && labelsRepeatedHour && hourEnding >= 3) {
            return hourEnding;
        }
        return hourEnding - 1;
    }

    private static boolean isRepeatedHour(String label) {
        String t = label.trim().toUpperCase(Locale.ROOT);
        return t.equals(REPEATED_HOUR) || t.equals("0" + REPEATED_HOUR);
    }

    private static LocalDate date(CsvInput.Line line, String text, String source) {
        try {
            return text.contains("/") ? LocalDate.parse(text, US_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FormatException(source, line.number(), "date '" + text + "' must be yyyy-mm-dd or M/D/YYYY");
        }
    }

    private static Map<SmdColumn, Double> values(CsvInput.Line line, Map<SmdColumn, Integer> columns, String source) {
        Map<SmdColumn, Double> values = new EnumMap<>(SmdColumn.class);
        for (Map.Entry<SmdColumn, Integer> c : columns.entrySet()) {
            String text = line.field(c.getValue());
            if (text.isEmpty()) {
                continue;
            }
            try {
                double v = Double.parseDouble(text);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                values.put(c.getKey(), v);
            } catch (NumberFormatException e) {
                throw new FormatException(source, line.number(), c.getKey().header() + " '" + text
                        + "' is not a number");
            }
        }
        return values;
    }
}
