package org.opencce.app.web;

import org.opencce.store.UserStore.Role;

/** The signed-in user of a console request and their role in the program. */
record ConsoleUser(String username, Role role) {

    boolean seesPersonalInformation() {
        return role.seesPersonalInformation();
    }

    /** "Staff", "Viewer", "Administrator". */
    String roleLabel() {
        if (role == Role.ADMIN) {
            return "Administrator";
        }
        return role == Role.STAFF ? "Staff" : "Viewer";
    }
}
