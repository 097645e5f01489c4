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
 * Staff users in the {@code users} table and their roles, one per program, in {@code grants}. Names
 * are matched with {@code lower(username)}, which a unique index guards (migration V2), so two users
 * cannot differ only by case. Thread-safe: every call takes its own handle from the pool.
 */
public final class PgUserStore implements UserStore {
    private final Jdbi jdbi;

    public PgUserStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void saveUser(String username, String passwordHash, boolean mustChangePassword) {
        requireUsername(username);
        requireHash(username, passwordHash);
        // The conflict target is the case-insensitive unique index: saving "Admin" when "admin" exists
        // resets admin's password and keeps the spelling "admin".
        Sql.withHandle(jdbi, "save user " + username, h -> h.createUpdate(
                "INSERT INTO users (username, password_hash, must_change_password) VALUES (:username, :hash, :must)"
                        + " ON CONFLICT (lower(username)) DO UPDATE SET password_hash = EXCLUDED.password_hash,"
                        + " must_change_password = EXCLUDED.must_change_password, disabled = false")
                .bind("username", username)
                .bind("hash", passwordHash)
                .bind("must", mustChangePassword)
                .execute());
    }

    @Override
    public boolean changePassword(String username, String passwordHash) {
        requireUsername(username);
        requireHash(username, passwordHash);
        return Sql.withHandle(jdbi, "change the password of " + username, h -> h.createUpdate(
                "UPDATE users SET password_hash = :hash, must_change_password = false"
                        + " WHERE lower(username) = lower(:username)")
                .bind("username", username)
                .bind("hash", passwordHash)
                .execute()) > 0;
    }

    @Override
    public Optional<User> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return Sql.withHandle(jdbi, "read user " + username, h -> users(h, username).stream().findFirst());
    }

    /** Gives the user this role in the program, replacing any role it had there. */
    @Override
    public void grant(String username, ProgramId program, Role role) {
        requireUsername(username);
        Objects.requireNonNull(role, "role");
        try {
            int granted = jdbi.withHandle(h -> h.createUpdate("INSERT INTO grants (username, program_id, role)"
                    + " SELECT username, :program, :role FROM users WHERE lower(username) = lower(:username)"
                    + " ON CONFLICT (username, program_id) DO UPDATE SET role = EXCLUDED.role")
                    .bind("username", username)
                    .bind("program", program.value())
                    .bind("role", role.name())
                    .execute());
            if (granted == 0) {
                throw new StoreException("Could not grant " + role + " in " + program + ": there is no user '"
                        + username + "'; create the user first");
            }
        } catch (JdbiException e) {
            if (Sql.violated(e, Sql.FOREIGN_KEY_VIOLATION).isPresent()) {
                throw new StoreException("Could not grant " + role + " to " + username + ": program " + program
                        + " is not saved", e);
            }
            throw Sql.failure("grant " + role + " in " + program + " to " + username, e);
        }
    }

    @Override
    public boolean setDisabled(String username, boolean disabled) {
        requireUsername(username);
        return Sql.inTransaction(jdbi, (disabled ? "disable" : "enable") + " user " + username, h -> {
            int changed = h.createUpdate("UPDATE users SET disabled = :disabled WHERE lower(username) = lower(:username)")
                    .bind("username", username)
                    .bind("disabled", disabled)
                    .execute();
            if (disabled) {
                h.createUpdate("DELETE FROM console_sessions WHERE lower(username) = lower(:username)")
                        .bind("username", username)
                        .execute();
            }
            return changed > 0;
        });
    }

    /** Removes the user; grants and sessions go with it ({@code ON DELETE CASCADE}). */
    @Override
    public boolean remove(String username) {
        requireUsername(username);
        return Sql.withHandle(jdbi, "remove user " + username, h -> h.createUpdate(
                "DELETE FROM users WHERE lower(username) = lower(:username)")
                .bind("username", username)
                .execute()) > 0;
    }

    /** Every user, ordered by name ignoring case, with its grants ordered by program. */
    @Override
    public List<User> list() {
        return Sql.withHandle(jdbi, "list the users", h -> users(h, null));
    }

    private static List<User> users(Handle h, String only) {
        String where = only == null ? "" : " WHERE lower(username) = lower(:username)";
        Query grants = h.createQuery("SELECT username, program_id, role FROM grants" + where
                + " ORDER BY username, program_id");
        Query users = h.createQuery("SELECT username, password_hash, disabled, must_change_password FROM users"
                + where + " ORDER BY lower(username)");
        if (only != null) {
            grants.bind("username", only);
            users.bind("username", only);
        }
        Map<String, List<Grant>> grantsByUser = new HashMap<>();
        grants.map((rs, ctx) -> Map.entry(rs.getString("username"),
                        new Grant(new ProgramId(rs.getString("program_id")), Role.valueOf(rs.getString("role")))))
                .forEach(e -> grantsByUser.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return users.map((rs, ctx) -> new User(rs.getString("username"), rs.getString("password_hash"),
                        grantsByUser.getOrDefault(rs.getString("username"), List.of()), rs.getBoolean("disabled"),
                        rs.getBoolean("must_change_password")))
                .list();
    }

    private static void requireUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank, was '" + username + "'");
        }
    }

    private static void requireHash(String username, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (passwordHash.isBlank()) {
            throw new IllegalArgumentException("password hash of user '" + username + "' must not be blank");
        }
    }
}
