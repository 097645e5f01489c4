-- OpenCCE records: programs, towns, products, accounts, staff users and grants, the import log and
-- the audit log. Every record belongs to a program. Enum values are stored as their Java names in
-- text columns, guarded by CHECK constraints. Instants are timestamptz (UTC).

-- Trigram indexes serve the case-insensitive substring search on customer names and streets.
-- pg_trgm is a trusted contrib extension (PostgreSQL 13+): a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE programs (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text NOT NULL,
    lead_town   text NOT NULL,
    launch_date date NOT NULL
);

CREATE TABLE towns (
    program_id text    NOT NULL REFERENCES programs (id),
    name       text    NOT NULL CHECK (name <> ''),
    utility    text    NOT NULL CHECK (utility IN ('EVERSOURCE_WMA', 'NATIONAL_GRID_MA')),
    load_zone  text    NOT NULL CHECK (load_zone IN ('WCMA', 'NEMA', 'SEMA')),
    population integer NOT NULL CHECK (population >= 0),
    -- the order in which the program lists its towns
    position   integer NOT NULL,
    PRIMARY KEY (program_id, name)
);

CREATE TABLE products (
    program_id          text             NOT NULL REFERENCES programs (id),
    id                  text             NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name                text             NOT NULL,
    -- GreenContent: STATE_MINIMUM (no value), MINIMUM_PLUS (value = extra Class I points),
    -- ABSOLUTE (value = percent of load)
    green_kind          text             NOT NULL CHECK (green_kind IN ('STATE_MINIMUM', 'MINIMUM_PLUS', 'ABSOLUTE')),
    green_value         double precision,
    local_percent       double precision NOT NULL,
    -- exact, as quoted: 14.450 cents per kWh
    price_cents_per_kwh numeric          NOT NULL CHECK (price_cents_per_kwh > 0),
    -- first day of the first and of the last month of the term (both inclusive)
    term_start          date             NOT NULL CHECK (extract(day FROM term_start) = 1),
    term_end            date             NOT NULL CHECK (extract(day FROM term_end) = 1),
    is_default          boolean          NOT NULL,
    illustrative        boolean          NOT NULL,
    PRIMARY KEY (program_id, id),
    CHECK ((green_kind = 'STATE_MINIMUM') = (green_value IS NULL)),
    CHECK (term_end >= term_start)
);

-- Account ids are ours (AccountId), also the account_id of the interval data. An id is reserved
-- for a (program, utility, account number) the first time it is seen, before the account itself is
-- stored, so that asking twice gives the same id.
CREATE SEQUENCE account_id_seq AS bigint;

CREATE TABLE account_ids (
    id                     bigint PRIMARY KEY DEFAULT nextval('account_id_seq') CHECK (id > 0),
    program_id             text   NOT NULL REFERENCES programs (id),
    utility                text   NOT NULL CHECK (utility IN ('EVERSOURCE_WMA', 'NATIONAL_GRID_MA')),
    utility_account_number text   NOT NULL,
    UNIQUE (program_id, utility, utility_account_number),
    UNIQUE (id, program_id, utility, utility_account_number)
);

ALTER SEQUENCE account_id_seq OWNED BY account_ids.id;

CREATE TABLE accounts (
    id                     bigint      PRIMARY KEY,
    program_id             text        NOT NULL,
    utility                text        NOT NULL CHECK (utility IN ('EVERSOURCE_WMA', 'NATIONAL_GRID_MA')),
    utility_account_number text        NOT NULL,
    town                   text        NOT NULL,
    rate_class             text        NOT NULL CHECK (rate_class IN ('R_1', 'R_2', 'R_3', 'R_4', 'G_1', 'G_2', 'G_3')),
    customer_name          text        NOT NULL,
    street                 text        NOT NULL,
    city                   text        NOT NULL,
    zip                    text        NOT NULL,
    supply_status          text        NOT NULL CHECK (supply_status IN ('BASIC_SERVICE', 'COMPETITIVE', 'PROGRAM')),
    product_id             text,
    low_income             boolean     NOT NULL,
    net_metered            boolean     NOT NULL,
    load_zone              text        NOT NULL CHECK (load_zone IN ('WCMA', 'NEMA', 'SEMA')),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (program_id, utility, utility_account_number),
    -- the id must be the one reserved for this utility account number
    FOREIGN KEY (id, program_id, utility, utility_account_number)
        REFERENCES account_ids (id, program_id, utility, utility_account_number),
    FOREIGN KEY (program_id, product_id) REFERENCES products (program_id, id),
    -- a product exactly when the program supplies the account
    CHECK ((supply_status = 'PROGRAM') = (product_id IS NOT NULL))
);

CREATE INDEX accounts_number_prefix ON accounts (program_id, utility_account_number text_pattern_ops);
CREATE INDEX accounts_name_trgm ON accounts USING gin (lower(customer_name) gin_trgm_ops);
CREATE INDEX accounts_street_trgm ON accounts USING gin (lower(street) gin_trgm_ops);
CREATE INDEX accounts_town ON accounts (program_id, lower(town));
CREATE INDEX accounts_rate_class ON accounts (program_id, rate_class);
CREATE INDEX accounts_supply_status ON accounts (program_id, supply_status);

CREATE TABLE users (
    username      text PRIMARY KEY CHECK (username <> ''),
    -- bcrypt, hashed by the caller: the store never sees a password
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE grants (
    username   text NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    program_id text NOT NULL REFERENCES programs (id),
    role       text NOT NULL CHECK (role IN ('ADMIN', 'STAFF', 'VIEWER')),
    PRIMARY KEY (username, program_id)
);

CREATE TABLE import_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id     text        NOT NULL REFERENCES programs (id),
    kind           text        NOT NULL CHECK (kind <> ''),
    sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    source         text        NOT NULL,
    read_count     integer     NOT NULL CHECK (read_count >= 0),
    accepted_count integer     NOT NULL CHECK (accepted_count >= 0),
    rejected_count integer     NOT NULL CHECK (rejected_count >= 0),
    actor          text        NOT NULL,
    imported_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (program_id, kind, sha256),
    CHECK (read_count = accepted_count + rejected_count)
);

CREATE TABLE audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id text        NOT NULL REFERENCES programs (id),
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text        NOT NULL,
    action     text        NOT NULL,
    detail     text        NOT NULL
);

CREATE INDEX audit_log_recent ON audit_log (program_id, id DESC);

-- The audit log is append-only: rows can be added, never changed or removed.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
