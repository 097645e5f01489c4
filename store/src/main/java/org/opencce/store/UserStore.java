package org.opencce.store;

import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.ProgramId;

/**
 * Staff console users. Passwords arrive already hashed (bcrypt, by the caller); the store never sees
 * a password. Roles are granted per program. User names are case-insensitive: {@code admin},
 * {@code Admin} and {@code ADMIN} name one user, which keeps the spelling it was created with. Every
 * method that takes a user name accepts it in any case. Thread-safe.
 */
public interface UserStore {

    /**
     * Creates the user, or replaces the password hash of the user with this name in any case (keeping
     * its spelling and its grants). The user is enabled afterwards and must choose a new password at
     * the next sign-in when {@code mustChangePassword} (a one-time password).
     */
    void saveUser(String username, String passwordHash, boolean mustChangePassword);

    /** {@link #saveUser(String, String, boolean)} with a password the user chose themselves. */
    default void saveUser(String username, String passwordHash) {
        saveUser(username, passwordHash, false);
    }

    /**
     * Replaces the password hash of an existing user with that of a password they chose, so they no
     * longer must change it. Their sessions are left alone (see
     * {@link ConsoleSessionStore#deleteForUser}).
     *
     * @return false when there is no such user
     */
    boolean changePassword(String username, String passwordHash);

    /** The user with this name in any case. */
    Optional<User> find(String username);

    void grant(String username, ProgramId program, Role role);

    /**
     * Disables or enables the user. A disabled user keeps their grants but cannot sign in; disabling
     * ends their console sessions in the same transaction.
     *
     * @return false when there is no such user
     */
    boolean setDisabled(String username, boolean disabled);

    /**
     * Removes the user with their grants and console sessions. The audit log keeps their name.
     *
     * @return false when there is no such user
     */
    boolean remove(String username);

    /** Every user, ordered by name ignoring case. */
    List<User> list();

    enum Role {
        /** Everything, including users and roles. */
        ADMIN,
        /** Day-to-day program work; sees personal information. */
        STAFF,
        /** Dashboards and account records without personal information. */
        VIEWER;

        public boolean seesPersonalInformation() {
            return this != VIEWER;
        }
    }

    record Grant(ProgramId program, Role role) {
    }

    /**
     * A user as stored: the name's spelling, the bcrypt hash, the roles, whether sign-in is refused
     * ({@code disabled}) and whether the password is a one-time password that must be replaced before
     * anything else ({@code mustChangePassword}).
     */
    record User(String username, String passwordHash, List<Grant> grants, boolean disabled,
            boolean mustChangePassword) {
        public User {
            grants = List.copyOf(grants);
        }

        public Optional<Role> roleIn(ProgramId program) {
            return grants.stream().filter(g -> g.program().equals(program)).map(Grant::role).findFirst();
        }
    }
}
