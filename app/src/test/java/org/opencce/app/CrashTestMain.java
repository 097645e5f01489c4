package org.opencce.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.opencce.app.demo.DemoBuilder;
import org.opencce.domain.community.Account;
import org.opencce.domain.time.IntervalSeries;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.store.IntervalStore;

/**
 * The child JVM of {@link CrashRecoveryTest}: {@code opencce} with the given arguments, or with
 * {@code --usage-writer DIR} a process that writes hourly usage of the demo's accounts month after
 * month, one commit per month, until it is killed.
 */
final class CrashTestMain {
    private CrashTestMain() {
    }

    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("--usage-writer")) {
            writeUsageUntilKilled(Path.of(args[1]));
            return;
        }
        Main.main(args);
    }

    private static void writeUsageUntilKilled(Path dataDir) {
        try (Installation installation = Installation.open(dataDir, null, null, null)) {
            List<Account> accounts = installation.database().accounts().all(DemoBuilder.PROGRAM_ID);
            if (accounts.isEmpty()) {
                System.out.println("no accounts to write usage for");
                return;
            }
            for (int round = 0; ; round++) {
                YearMonth month = YearMonth.of(2025, 1).plusMonths(round % 12);
                Instant start = LocalCalendar.startOfDay(month.atDay(1));
                Instant end = LocalCalendar.startOfDay(month.plusMonths(1).atDay(1));
                int hours = (int) Duration.between(start, end).toHours();
                try (IntervalStore.IntervalWriter writer = installation.intervals().writer()) {
                    for (Account account : accounts) {
                        double[] kwh = new double[hours];
                        for (int h = 0; h < hours; h++) {
                            kwh[h] = 0.25 + (account.id().value() % 7) * 0.1 + (h % 24) * 0.01 + round * 1e-3;
                        }
                        writer.append(account.id(), IntervalSeries.valid(start, Duration.ofHours(1), kwh));
                    }
                    writer.commit();
                }
                System.out.println("committed " + month + " (round " + round + ")");
            }
        }
    }
}
