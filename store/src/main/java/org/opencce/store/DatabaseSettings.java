package org.opencce.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the records live: an embedded PostgreSQL cluster kept in {@code <dataDirectory>/postgres}
 * (the zero-setup default), or an external PostgreSQL server given by its JDBC URL. Exactly one of
 * {@code dataDirectory} and {@code jdbcUrl} is present; {@code user} and {@code password} are only
 * used for an external server and may be null when the URL carries them. Immutable and thread-safe;
 * {@link #toString()} never shows the password.
 */
public record DatabaseSettings(Path dataDirectory, String jdbcUrl, String user, String password) {

    public DatabaseSettings {
        if ((dataDirectory == null) == (jdbcUrl == null)) {
            throw new IllegalArgumentException("database settings need either a data directory (embedded) or a"
                    + " JDBC URL (external), not " + (dataDirectory == null ? "neither" : "both"));
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL must be a PostgreSQL JDBC URL such as"
                    + " jdbc:postgresql://host:5432/opencce, was '" + withoutPassword(jdbcUrl) + "'");
        }
        if (dataDirectory != null && (user != null || password != null)) {
            throw new IllegalArgumentException("an embedded database takes no user or password");
        }
    }

    /** The embedded server, its cluster in {@code <dataDirectory>/postgres}, kept between runs. */
    public static DatabaseSettings embedded(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        return new DatabaseSettings(dataDirectory.toAbsolutePath().normalize(), null, null, null);
    }

    /** An external server; {@code user} and {@code password} may be null when the URL carries them. */
    public static DatabaseSettings external(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new DatabaseSettings(null, jdbcUrl.trim(), user, password);
    }

    public boolean isEmbedded() {
        return dataDirectory != null;
    }

    /** The folder of the embedded cluster. */
    public Path clusterDirectory() {
        if (!isEmbedded()) {
            throw new IllegalStateException("an external database has no cluster directory");
        }
        return dataDirectory.resolve("postgres");
    }

    /** The JDBC URL with any {@code password=} parameter removed, for messages and logs. */
    public static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    @Override
    public String toString() {
        return isEmbedded() ? "embedded PostgreSQL in " + clusterDirectory()
                : withoutPassword(jdbcUrl) + (user == null ? "" : " as " + user);
    }
}
