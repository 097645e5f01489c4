package org.opencce.app.enrollment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.opencce.domain.OpenCceException;

/**
 * The synthetic campaign the enrollment and portal benchmarks run: a customer list of the Valley program's
 * three towns (Amherst and Pelham on Eversource, Northampton on National Grid) and the returned-mail and
 * opt-out files that answer its notices. Every row follows from its index alone, so the figures a run must
 * end with are known before it starts (see {@link Expected}):
 * <ul>
 * <li>account {@code i} is with a competitive supplier when {@code i % 10 == 7} (10 %);</li>
 * <li>its notice comes back undeliverable when {@code i % 100 == 1} (1 %);</li>
 * <li>it opts out by reply card when {@code i % 20 == 3} (5 %);</li>
 * <li>it has a mailing address (a PO box) when {@code i % 5 == 0}; it is net-metered when
 * {@code i % 25 == 4}; its rate class cycles through R-1 (three times), R-2, R-3, R-4, G-1, G-2 and G-3.</li>
 * </ul>
 * The three sets are disjoint ({@code i % 10 == 7} means {@code i % 20} is 7 or 17). Stateless.
 */
public final class CampaignFiles {
    /** The customer list's file name in the folder. */
    public static final String LIST = "customer-list.csv";
    public static final String RETURNED_MAIL = "returned-mail.csv";
    public static final String OPT_OUTS = "opt-outs.csv";

    private static final String[] FIRST = {"Dana", "Luis", "Priya", "Sam", "Robin", "Kai", "Alex", "Jo", "Ann", "Kim",
        "José", "Zoë", "Siobhán", "Nguyễn", "Mohammed", "Olga"};
    private static final String[] LAST = {"Whitfield", "Ortega", "Raman", "Kowalski", "Hale", "Moss", "Park", "Martin",
        "Lee", "Noor", "Ruiz", "O'Brien", "Brennan", "Tran", "Haddad", "Ivanova"};
    private static final String[] STREETS = {"North Pleasant St", "Main St", "Bridge St", "Crescent St", "Buffam Rd",
        "Cowls Rd", "Lincoln Ave", "Kellogg Ave", "Elm St", "Harkness Rd"};
    private static final String[] CLASSES = {"R-1", "R-1", "R-1", "R-2", "R-3", "R-4", "G-1", "G-2", "G-3"};

    private CampaignFiles() {
    }

    /** What a campaign of {@code accounts} accounts must end with, counted from the rules above. */
    public record Expected(int accounts, int competitive, int returnedMail, int optedOut, int mailingAddresses) {
        /** Accounts on Basic Service: each gets a notice. */
        public int eligible() {
            return accounts - competitive;
        }

        /** Notified accounts whose notice arrived and who did not opt out: the enrollment run queues them. */
        public int enrolling() {
            return eligible() - returnedMail - optedOut;
        }
    }

    static boolean competitive(int i) {
        return i % 10 == 7;
    }

    static boolean returnsMail(int i) {
        return i % 100 == 1;
    }

    static boolean optsOut(int i) {
        return i % 20 == 3;
    }

    /** Whether account {@code i} is on Basic Service, so that it is notified and may opt out on the portal. */
    public static boolean onBasicService(int i) {
        return !competitive(i);
    }

    /** Account {@code i}'s utility account number: 54… at Eversource, 81… at National Grid, all distinct. */
    public static String accountNumber(int i) {
        return (nationalGrid(i) ? "81" : "54") + String.format(Locale.ROOT, "%09d", i);
    }

    /** Account {@code i}'s service ZIP code. */
    public static String serviceZip(int i) {
        return nationalGrid(i) ? "01060" : "01002";
    }

    private static boolean nationalGrid(int i) {
        return i % 3 == 1;
    }

    /**
     * Writes {@link #LIST}, {@link #RETURNED_MAIL} and {@link #OPT_OUTS} of {@code accounts} accounts into
     * {@code folder} and returns what a campaign on them must end with.
     */
    public static Expected write(Path folder, int accounts) {
        if (accounts < 1) {
            throw new OpenCceException("a campaign needs at least 1 account, was " + accounts);
        }
        int competitive = 0;
        int returned = 0;
        int optedOut = 0;
        int mailing = 0;
        try (BufferedWriter list = writer(folder.resolve(LIST));
                BufferedWriter returnedMail = writer(folder.resolve(RETURNED_MAIL));
                BufferedWriter optOuts = writer(folder.resolve(OPT_OUTS))) {
            list.write("Account Number,Utility,Town,Rate Class,Customer Name,Service Address,City,ZIP,Supply Status,"
                    + "Low Income,Net Metered,Mailing Street,Mailing City,Mailing State,Mailing ZIP\r\n");
            returnedMail.write("account_number,utility\r\n");
            optOuts.write("account_number,utility\r\n");
            StringBuilder line = new StringBuilder(200);
            for (int i = 0; i < accounts; i++) {
                int town = i % 3;
                String townName = town == 0 ? "Amherst" : town == 1 ? "Northampton" : "Pelham";
                String utility = nationalGrid(i) ? "National Grid" : "Eversource";
                boolean hasMailing = i % 5 == 0;
                line.setLength(0);
                line.append(accountNumber(i)).append(',').append(utility).append(',').append(townName).append(',')
                        .append(CLASSES[(i / 3) % CLASSES.length]).append(',')
                        .append('"').append(LAST[(i / 16) % LAST.length]).append(", ").append(FIRST[i % FIRST.length])
                        .append('"').append(',')
                        .append(1 + i % 400).append(' ').append(STREETS[(i / 7) % STREETS.length]).append(',')
                        .append(townName).append(',').append(serviceZip(i)).append(',')
                        .append(competitive(i) ? "Constellation NewEnergy" : "Basic Service").append(",,")
                        .append(i % 25 == 4 ? 'Y' : 'N').append(',');
                if (hasMailing) {
                    line.append("PO Box ").append(1 + i % 9000).append(',').append(townName).append(",MA,")
                            .append(nationalGrid(i) ? "01061" : "01004");
                    mailing++;
                } else {
                    line.append(",,,");
                }
                list.append(line).append("\r\n");
                if (competitive(i)) {
                    competitive++;
                } else if (returnsMail(i)) {
                    returnedMail.append(accountNumber(i)).append(',').append(utility).append("\r\n");
                    returned++;
                } else if (optsOut(i)) {
                    optOuts.append(accountNumber(i)).append(',').append(utility).append("\r\n");
                    optedOut++;
                }
            }
        } catch (IOException e) {
            throw new OpenCceException("cannot write the benchmark's campaign files in " + folder + ": "
                    + e.getMessage(), e);
        }
        return new Expected(accounts, competitive, returned, optedOut, mailing);
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
