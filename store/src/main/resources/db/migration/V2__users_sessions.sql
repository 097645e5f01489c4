-- Console users become case-insensitive (admin, Admin and ADMIN are one user), can be disabled, and
-- can be made to choose a new password at their next sign-in (one-time passwords). Signed-in console
-- sessions move from the server's memory to this database, so that a restart keeps staff signed in.

-- Users whose names differ only by case: the oldest (by created_at, then by name) keeps the name and
-- its grants; the younger ones are removed, with their grants, and each removal is written to the
-- audit log of every program the removed user had a role in. Failing the migration instead would
-- stop every command, including 'opencce users', from running until someone edited the database by
-- hand; a removed user can be added again with 'opencce users add'.
DO $$
DECLARE
    dup record;
BEGIN
    FOR dup IN
        SELECT u.username, keeper.username AS kept
        FROM users u
        JOIN LATERAL (
            SELECT k.username FROM users k
            WHERE lower(k.username) = lower(u.username)
            ORDER BY k.created_at, k.username
            LIMIT 1
        ) keeper ON keeper.username <> u.username
    LOOP
        INSERT INTO audit_log (program_id, actor, action, detail)
        SELECT g.program_id, 'migration V2', 'users.remove-case-duplicate',
               'removed user ''' || dup.username || ''' (role ' || g.role || '): its name differs only by case'
               || ' from the older user ''' || dup.kept || ''', which keeps the name'
        FROM grants g WHERE g.username = dup.username;
        RAISE NOTICE 'removed user % (differs only by case from the older user %)', dup.username, dup.kept;
        DELETE FROM users WHERE username = dup.username;
    END LOOP;
END;
$$;

CREATE UNIQUE INDEX users_name_case_insensitive ON users (lower(username));

ALTER TABLE users
    -- a disabled user cannot sign in; their sessions are ended when they are disabled
    ADD COLUMN disabled             boolean NOT NULL DEFAULT false,
    -- set with a one-time password: the console asks for a new password before anything else
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- A signed-in console session. The cookie holds a random 256-bit id; this table keeps only its
-- SHA-256 (hex), so that reading the table (a backup, a replica) does not let anyone take over a
-- session. Anonymous sessions of the sign-in form stay in the server's memory.
CREATE TABLE console_sessions (
    id_sha256  text        PRIMARY KEY CHECK (id_sha256 ~ '^[0-9a-f]{64}$'),
    csrf_token text        NOT NULL CHECK (csrf_token <> ''),
    username   text        NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL,
    CHECK (last_seen >= created_at)
);

CREATE INDEX console_sessions_user ON console_sessions (username);
CREATE INDEX console_sessions_last_seen ON console_sessions (last_seen);
