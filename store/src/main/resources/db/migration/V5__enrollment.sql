-- Enrollment (issue 6; docs/enrollment.md): every account's append-only event history, and a
-- projection of each account's current enrollment that the history can always rebuild.
--
-- The history is the truth: org.opencce.domain.enrollment.Enrollment.replay derives an account's
-- state from its events alone. The projection `enrollments` is an index kept in the same
-- transaction as the events it summarises, so that counting by state and selecting the accounts in
-- a state (notices, the enrollment run, the 814 export) need not replay a hundred thousand histories.
-- Names are the lower_snake wire names of the domain enums (EventKind, Channel, EnrollmentState,
-- UtilityRequest), as in JSON.

-- An enrollment belongs to the program of its account: the events and the projection refer to
-- (id, program_id), so that one program's history can never name another program's account.
ALTER TABLE account_ids ADD CONSTRAINT account_ids_id_program UNIQUE (id, program_id);

-- Which customer list last listed the account (the SHA-256 of the file, as in import_log), NULL once a
-- later list of its utility and town no longer has it. A later list is reconciled with the accounts its
-- utility's earlier lists left listed in the towns it covers: those it no longer has are closed or moved
-- away (issue 6, section 3.1). Accounts stored before this migration were listed by no list known here.
ALTER TABLE accounts ADD COLUMN listed_by text CHECK (listed_by ~ '^[0-9a-f]{64}$');
CREATE INDEX accounts_listed ON accounts (program_id, utility, listed_by) WHERE listed_by IS NOT NULL;

-- The customer portal finds an account by its number as a customer types it, with or without the
-- dashes the utility prints: one indexed look-up, the same work whether the number exists or not.
CREATE INDEX accounts_number_key ON accounts (program_id, upper(replace(utility_account_number, '-', '')));

CREATE TABLE enrollment_events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id    text        NOT NULL,
    account_id    bigint      NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('listed_eligible', 'listed_competitive',
                      'left_basic_service', 'notice_mailed', 'mail_returned', 'opted_out', 'opted_in',
                      'enrollment_requested', 'enrollment_sent', 'enrollment_accepted', 'enrollment_rejected',
                      'product_change_requested', 'product_change_sent', 'product_change_applied',
                      'product_change_rejected', 'drop_requested', 'drop_sent', 'drop_accepted', 'drop_rejected',
                      'mass_drop')),
    -- when the fact was recorded, as the event gives it (UTC)
    at            timestamptz NOT NULL,
    actor         text        NOT NULL CHECK (btrim(actor) <> ''),
    channel       text        NOT NULL CHECK (channel IN ('mail', 'phone', 'web', 'reply_card', 'edi', 'staff',
                      'system')),
    reason        text        NOT NULL,
    -- no foreign key to products: a product withdrawn later stays named in the history that chose it
    product_id    text,
    -- the mailing date of a notice, the effective date of a product change, the start of supply
    event_date    date,
    -- the last day of the opt-out window, as printed on the notice (notice_mailed only)
    window_closes date CHECK ((kind = 'notice_mailed') = (window_closes IS NOT NULL)),
    -- the 814 request's reference, or the confirmation number the portal gave the customer
    reference     text CHECK (reference IS NULL OR btrim(reference) <> ''),
    -- when the database stored it: the order of the history is the order of `id`
    recorded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    FOREIGN KEY (account_id, program_id) REFERENCES account_ids (id, program_id)
);

CREATE INDEX enrollment_events_history ON enrollment_events (account_id, id);
CREATE INDEX enrollment_events_reference ON enrollment_events (program_id, reference) WHERE reference IS NOT NULL;

-- The history is append-only, like the audit log: rows can be added, never changed or removed. The
-- one exception is erasing a whole program's accounts (the demo's --fresh rebuild,
-- ProgramStore.deleteAccountsAndProducts), which says so for its own transaction with
-- SET LOCAL opencce.erase_program = '<program id>' and may then delete that program's rows only.
CREATE FUNCTION enrollment_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.program_id = current_setting('opencce.erase_program', true) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'enrollment_events is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER enrollment_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON enrollment_events
    FOR EACH ROW EXECUTE FUNCTION enrollment_events_are_append_only();

CREATE TRIGGER enrollment_events_no_truncate
    BEFORE TRUNCATE ON enrollment_events
    FOR EACH STATEMENT EXECUTE FUNCTION enrollment_events_are_append_only();

-- One row per account with a history: its enrollment after its latest event (last_event_id).
CREATE TABLE enrollments (
    account_id         bigint      PRIMARY KEY,
    program_id         text        NOT NULL,
    state              text        NOT NULL CHECK (state IN ('eligible', 'competitive', 'notified', 'opted_out',
                           'returned_mail', 'enrolling', 'enrolled', 'rejected', 'dropping', 'dropped',
                           'ineligible')),
    -- the product chosen, requested or supplying the account (Enrollment.product)
    product_id         text,
    pending_product_id text,
    pending_effective  date,
    notice_mailed      date,
    window_closes      date,
    opted_out          boolean     NOT NULL,
    -- the request waiting for the next 814 file
    request_to_send    text        CHECK (request_to_send IN ('enroll', 'change', 'drop')),
    last_event_id      bigint      NOT NULL REFERENCES enrollment_events (id),
    updated_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    FOREIGN KEY (account_id, program_id) REFERENCES account_ids (id, program_id),
    CHECK ((pending_product_id IS NULL) = (pending_effective IS NULL)),
    CHECK ((notice_mailed IS NULL) = (window_closes IS NULL))
);

-- counting by state (status, dashboard) and selecting the accounts in a state in account order
CREATE INDEX enrollments_by_state ON enrollments (program_id, state, account_id);
