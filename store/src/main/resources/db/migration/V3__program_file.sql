-- The program file (docs/formats/program.md): a program's public contact, printed on its opt-out
-- notices, and its opt-out window. Programs made before have no contact (all seven columns NULL) and
-- the window Massachusetts programs give, 30 days.

ALTER TABLE programs
    ADD COLUMN contact_phone       text,
    ADD COLUMN contact_email       text,
    ADD COLUMN contact_web         text,
    -- where reply cards and undeliverable notices go back to
    ADD COLUMN return_street       text,
    ADD COLUMN return_city         text,
    ADD COLUMN return_state        text CHECK (return_state ~ '^[A-Z]{2}$'),
    ADD COLUMN return_zip          text CHECK (return_zip ~ '^[0-9]{5}(-[0-9]{4})?$'),
    -- days from mailing an opt-out notice until the customer may be enrolled
    ADD COLUMN opt_out_window_days integer NOT NULL DEFAULT 30
        CHECK (opt_out_window_days BETWEEN 1 AND 365),
    -- a contact is given whole or not at all
    ADD CONSTRAINT programs_contact_whole CHECK (
        num_nulls(contact_phone, contact_email, contact_web, return_street, return_city, return_state, return_zip)
            IN (0, 7));
