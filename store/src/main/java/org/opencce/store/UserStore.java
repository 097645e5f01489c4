package org.opencce.store;

import java.util.List;
import java.util.Optional;
import org.opencce.domain.community.ProgramId;

/**
 * Staff console users. Passwords arrive already hashed (bcrypt, by the caller); the store never sees
 * a password. Roles are granted per program. Thread-safe.
 */
public interface UserStore {

    /** Creates the user or replaces its password hash. */
    void saveUser(String username, String passwordHash);

    Optional<User> find(String username);

    void grant(String username, ProgramId program, Role role);

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

    record User(String username, String passwordHash, List<Grant> grants) {
        public User {
            grants = List.copyOf(grants);
        }

        public Optional<Role> roleIn(ProgramId program) {
            return grants.stream().filter(g -> g.program().equals(program)).map(Grant::role).findFirst();
        }
    }
}
