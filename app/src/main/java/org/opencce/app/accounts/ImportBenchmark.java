package org.opencce.app.accounts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Program;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.CsvInput;
import org.opencce.formats.customerlist.CustomerListReader;
import org.opencce.store.Database;
import org.opencce.store.pg.CopyBaseline;

/**
 * Measures the customer-list import on a synthetic list: how long {@link CustomerListImport} takes and
 * how much heap it needs, against two baselines measured on the same file in the same run — reading and
 * validating alone (no database), and PostgreSQL's own {@code COPY} of the same CSV into a scratch table
 * (the fastest way rows get into the server, with no validation, ids or upsert). Stateless; the heap
 * measurements are process-wide, so run one benchmark at a time.
 */
public final class ImportBenchmark {
    /** The size of the list the issue measured: 1.85 million rows, about 247 MB. */
    public static final int DEFAULT_ROWS = 1_850_000;

    private static final String HEADER = "Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,"
            + "ZIP,Supply Status,Low Income,Net Metered,Load Zone,Meter Number,Mailing Address\r\n";
    private static final String[] FIRST = {"Dana", "Luis", "Priya", "Sam", "Robin", "Kai", "Alex", "Jo", "Ann",
        "Kim", "José", "Zoë", "Siobhán", "Nguyễn", "Mohammed", "Olga"};
    private static final String[] LAST = {"Whitfield", "Ortega", "Raman", "Kowalski", "Hale", "Moss", "Park",
        "Martin", "Lee", "Noor", "Ruiz", "O'Brien", "Brennan", "Tran", "Haddad", "Ivanova"};
    private static final String[] STREETS = {"North Pleasant St", "Main St", "Bridge St", "Crescent St",
        "Buffam Rd", "Cowls Rd", "Lincoln Ave", "Kellogg Ave", "Elm St", "Harkness Rd"};

    private static final int COLUMNS = 14;

    private ImportBenchmark() {
    }

    /**
     * Writes a customer list of {@code rows} rows for the Valley program: Amherst and Pelham on
     * Eversource, Northampton on National Grid, unique account numbers, two columns the reader ignores
     * (as real lists have), and one row in a thousand with an unknown rate class, so rejections are
     * written too. CR LF line ends, names with accents.
     *
     * @return the file's size in bytes
     */
    public static long writeList(Path file, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                int town = i % 3;
                boolean grid = town == 1;
                String townName = town == 0 ? "Amherst" : grid ? "Northampton" : "Pelham";
                line.append(grid ? "81" : "54").append(String.format(Locale.ROOT, "%09d", i)).append(',')
                        .append(grid ? "National Grid" : "Eversource").append(',').append(townName).append(',')
                        .append(i % 1000 == 999 ? "R-9" : random.nextInt(10) < 8 ? "R-1" : "G-1").append(',')
                        .append('"').append(LAST[random.nextInt(LAST.length)]).append(", ")
                        .append(FIRST[random.nextInt(FIRST.length)]).append('"').append(',')
                        .append(1 + random.nextInt(400)).append(' ').append(STREETS[random.nextInt(STREETS.length)])
                        .append(',').append(townName).append(',').append(grid ? "01060" : "01002").append(',')
                        .append(random.nextInt(10) < 9 ? "Basic Service" : "Constellation NewEnergy").append(',')
                        .append(random.nextInt(10) == 0 ? 'Y' : 'N').append(',')
                        .append(random.nextInt(50) == 0 ? 'Y' : 'N').append(",WCMA,")
                        .append("M").append(String.format(Locale.ROOT, "%010d", random.nextLong(10_000_000_000L)))
                        .append(",\"PO Box ").append(1 + random.nextInt(9000)).append(", ").append(townName)
                        .append(" MA ").append(grid ? "01061" : "01004").append("\"\r\n");
                out.append(line);
            }
        } catch (IOException e) {
            throw new OpenCceException("cannot write the benchmark's customer list " + file + ": " + e.getMessage(), e);
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new OpenCceException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and validates {@code file} without storing anything; returns the records read. */
    public static int readOnly(Path file) {
        try (Reader reader = CsvInput.open(file)) {
            return CustomerListReader.read(reader, file.getFileName().toString(), CustomerListImport.CHUNK,
                    (rows, rejections) -> { }).read();
        } catch (IOException e) {
            throw new OpenCceException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** COPYs {@code file} into a scratch table (see {@link CopyBaseline}); returns the rows copied. */
    public static long copyIntoScratchTable(Database db, Path file) {
        return CopyBaseline.copyCsv(db.dataSource(), file, COLUMNS);
    }

    /** Imports {@code file} into {@code program} as the CLI would, rejections beside the file. */
    public static BatchReport importList(Database db, Program program, Path file) {
        return new CustomerListImport(db.programs(), db.accounts(), db.imports())
                .importFile(program.id(), file, "bench", CustomerListImport.defaultRejectionsFile(file), b -> { })
                .report();
    }

    /** Forgets the heap pools' peaks, so that {@link #peakHeapBytes()} measures what runs next. */
    public static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : heapPools()) {
            pool.resetPeakUsage();
        }
    }

    /**
     * The sum of the heap pools' peak usage since {@link #resetPeakHeap()}: an upper bound of the peak
     * heap, since the pools (eden, survivor, old) need not peak at the same moment.
     */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
