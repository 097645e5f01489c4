package org.opencce.store.pg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.opencce.domain.community.ProgramId;
import org.opencce.store.StoreException;
import org.opencce.store.UserStore;

/**
 * Staff users in the {@code users} table and their roles, one per program, in {@code grants}.
 * Thread-safe: every call takes its own handle from the pool.
 */
public final class PgUserStore implements UserStore {
    private final Jdbi jdbi;

    public PgUserStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void saveUser(String username, String passwordHash) {
        requireUsername(username);
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (passwordHash.isBlank()) {
            throw new IllegalArgumentException("password hash of user '" + username + "' must not be blank");
        }
        Sql.withHandle(jdbi, "save user " + username, h -> h.createUpdate(
                "INSERT INTO users (username, password_hash) VALUES (:username, :hash)"
                        + " ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash")
                .bind("username", username)
                .bind("hash", passwordHash)
                .execute());
    }

    @Override
    public Optional<User> find(String username) {
        return Sql.withHandle(jdbi, "read user " + username, h -> users(h, username).stream().findFirst());
    }

    /** Gives the user this role in the program, replacing any role it had there. */
    @Override
    public void grant(String username, ProgramId program, Role role) {
        requireUsername(username);
        Objects.requireNonNull(role, "role");
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO grants (username, program_id, role)"
                    + " VALUES (:username, :program, :role)"
                    + " ON CONFLICT (username, program_id) DO UPDATE SET role = EXCLUDED.role")
                    .bind("username", username)
                    .bind("program", program.value())
                    .bind("role", role.name())
                    .execute());
        } catch (JdbiException e) {
            Optional<String> constraint = Sql.violated(e, Sql.FOREIGN_KEY_VIOLATION);
            if (constraint.isPresent() && constraint.get().contains("username")) {
                throw new StoreException("Could not grant " + role + " in " + program + ": there is no user '"
                        + username + "'; create the user first", e);
            }
            if (constraint.isPresent()) {
                throw new StoreException("Could not grant " + role + " to " + username + ": program " + program
                        + " is not saved", e);
            }
            throw Sql.failure("grant " + role + " in " + program + " to " + username, e);
        }
    }

    /** Every user, ordered by username, with its grants ordered by program. */
    @Override
    public List<User> list() {
        return Sql.withHandle(jdbi, "list the users", h -> users(h, null));
    }

    private static List<User> users(Handle h, String only) {
        Query grants = h.createQuery("SELECT username, program_id, role FROM grants"
                + (only == null ? "" : " WHERE username = :username") + " ORDER BY username, program_id");
        Query users = h.createQuery("SELECT username, password_hash FROM users"
                + (only == null ? "" : " WHERE username = :username") + " ORDER BY username");
        if (only != null) {
            grants.bind("username", only);
            users.bind("username", only);
        }
        Map<String, List<Grant>> grantsByUser = new HashMap<>();
        grants.map((rs, ctx) -> Map.entry(rs.getString("username"),
                        new Grant(new ProgramId(rs.getString("program_id")), Role.valueOf(rs.getString("role")))))
                .forEach(e -> grantsByUser.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return users.map((rs, ctx) -> new User(rs.getString("username"), rs.getString("password_hash"),
                        grantsByUser.getOrDefault(rs.getString("username"), List.of())))
                .list();
    }

    private static void requireUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank, was '" + username + "'");
        }
    }
}
