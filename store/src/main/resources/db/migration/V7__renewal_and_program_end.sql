-- Contract renewal and the end of a program (issue 6, section 2; docs/enrollment.md, "Renewal" and
-- "The end of the program").

-- A renewal notice mailed to an account enrolled or being enrolled is a fact of its history: the kind
-- joins the list of V5 (the lower_snake wire names of org.opencce.domain.enrollment.EventKind).
ALTER TABLE enrollment_events DROP CONSTRAINT enrollment_events_kind_check;
ALTER TABLE enrollment_events ADD CONSTRAINT enrollment_events_kind_check CHECK (kind IN ('listed_eligible',
    'listed_competitive', 'left_basic_service', 'notice_mailed', 'mail_returned', 'opted_out', 'opted_in',
    'enrollment_requested', 'enrollment_sent', 'enrollment_accepted', 'enrollment_rejected',
    'product_change_requested', 'product_change_sent', 'product_change_applied', 'product_change_rejected',
    'drop_requested', 'drop_sent', 'drop_accepted', 'drop_rejected', 'mass_drop', 'renewal_notice_mailed'));

-- The end of a program, recorded once by `opencce program end` in the transaction that appends the
-- mass drop: from then on the program notifies and enrolls no one (org.opencce.domain.enrollment.ProgramEnd).
-- Its own table rather than a column of `programs`, so that `program update` (which rewrites the
-- program from its file) can never undo it. Every enrollment transaction reads it under FOR KEY SHARE
-- of the program's row, which `program end` holds FOR UPDATE: an enrollment run and the end never
-- pass each other.
CREATE TABLE program_ends (
    program_id  text        PRIMARY KEY REFERENCES programs (id),
    end_date    date        NOT NULL,
    actor       text        NOT NULL CHECK (btrim(actor) <> ''),
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
