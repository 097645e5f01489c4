package org.opencce.domain.community;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Community Choice Energy program (a municipal aggregation under G. L. c. 164, § 134): the towns
 * that joined, the lead town that signs for them, and the date supply starts.
 */
public record Program(ProgramId id, String name, String leadTown, List<Town> towns, LocalDate launchDate) {
    public Program {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(leadTown, "leadTown");
        Objects.requireNonNull(launchDate, "launchDate");
        towns = List.copyOf(towns);
        if (towns.isEmpty()) {
            throw new IllegalArgumentException("program " + id + " must have at least one town");
        }
        if (towns.stream().noneMatch(t -> t.name().equals(leadTown))) {
            throw new IllegalArgumentException("lead town '" + leadTown + "' of program " + id + " is not one of its towns");
        }
        if (towns.stream().map(Town::name).distinct().count() != towns.size()) {
            throw new IllegalArgumentException("program " + id + " lists a town twice");
        }
    }

    public Optional<Town> town(String townName) {
        return towns.stream().filter(t -> t.name().equalsIgnoreCase(townName.trim())).findFirst();
    }
}
