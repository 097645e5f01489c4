package org.opencce.domain.community;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Community Choice Energy program (a municipal aggregation under G. L. c. 164, § 134): the towns
 * that joined, the lead town that signs for them, the date supply starts, how customers reach the
 * program, and how many days an opt-out notice gives a customer to opt out before enrollment.
 *
 * <p>The opt-out window counts days from the mailing date of the notice. Massachusetts programs give
 * 30 days (program practice as the aggregation consultants describe it, e.g. Mass Power Choice's
 * "program implementation" page); the text of D.P.U. 23-67-A could not be consulted here, so no
 * minimum beyond one day is enforced and {@link #DEFAULT_OPT_OUT_WINDOW_DAYS} is the default. Immutable
 * and thread-safe.
 *
 * @param contact the public contact; empty for a program made before the program file existed (or in
 *     a test), which can print no opt-out notice
 * @param optOutWindowDays days from mailing an opt-out notice until the customer may be enrolled,
 *     1 to {@link #MAX_OPT_OUT_WINDOW_DAYS}
 */
public record Program(ProgramId id, String name, String leadTown, List<Town> towns, LocalDate launchDate,
        Optional<ProgramContact> contact, int optOutWindowDays) {

    /** The opt-out window when none is given: 30 days, as Massachusetts programs practise. */
    public static final int DEFAULT_OPT_OUT_WINDOW_DAYS = 30;
    /** The longest opt-out window accepted: a year; anything longer is taken for a typing mistake. */
    public static final int MAX_OPT_OUT_WINDOW_DAYS = 365;

    public Program {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(leadTown, "leadTown");
        Objects.requireNonNull(launchDate, "launchDate");
        Objects.requireNonNull(contact, "contact");
        towns = List.copyOf(towns);
        if (towns.isEmpty()) {
            throw new IllegalArgumentException("program " + id + " must have at least one town");
        }
        if (towns.stream().noneMatch(t -> t.name().equals(leadTown))) {
            throw new IllegalArgumentException("lead town '" + leadTown + "' of program " + id + " is not one of its towns");
        }
        // Towns are looked up ignoring case (town(String)): Amherst and AMHERST would be one town.
        if (towns.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).distinct().count() != towns.size()) {
            throw new IllegalArgumentException("program " + id + " lists a town twice");
        }
        problemWithOptOutWindow(optOutWindowDays).ifPresent(p -> {
            throw new IllegalArgumentException("opt-out window of program " + id + " " + p);
        });
    }

    /**
     * A program without a public contact and with the default 30-day opt-out window: the program as
     * it was before the program file (the demo's first versions, tests).
     */
    public Program(ProgramId id, String name, String leadTown, List<Town> towns, LocalDate launchDate) {
        this(id, name, leadTown, towns, launchDate, Optional.empty(), DEFAULT_OPT_OUT_WINDOW_DAYS);
    }

    /** Why {@code days} cannot be an opt-out window, if it cannot. */
    public static Optional<String> problemWithOptOutWindow(int days) {
        if (days < 1 || days > MAX_OPT_OUT_WINDOW_DAYS) {
            return Optional.of("must be from 1 to " + MAX_OPT_OUT_WINDOW_DAYS + " days, was " + days);
        }
        return Optional.empty();
    }

    public Optional<Town> town(String townName) {
        return towns.stream().filter(t -> t.name().equalsIgnoreCase(townName.trim())).findFirst();
    }
}
