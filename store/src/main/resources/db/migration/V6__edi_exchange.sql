-- The EDI 814/997 exchange with the utilities (issue 6, section 3.7; docs/formats/edi-814.md, "Exchanging
-- files"): each program's trading-partner setup, the batches (interchanges) it sent, and every request in
-- them with its unique reference and where the utility's answer stands.

-- ISA13 and GS06 of every interchange the installation sends: never reused, even by a transaction that
-- rolls back (a sequence is not transactional), and at most the nine digits X12 004010 allows.
CREATE SEQUENCE edi_control_numbers AS bigint MINVALUE 1 MAXVALUE 999999999 NO CYCLE;

-- A program's setup from the `edi:` section of its program file; without a row the program exchanges
-- the plainly fictitious test defaults (org.opencce.domain.enrollment.EdiSetup.testDefaults).
CREATE TABLE edi_setups (
    program_id text        PRIMARY KEY REFERENCES programs (id),
    usage      text        NOT NULL CHECK (usage IN ('production', 'test')),
    saved_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- One row per party: `supplier`, or the utility (the Utility enum's name, as in towns.utility).
CREATE TABLE edi_partners (
    program_id            text NOT NULL REFERENCES edi_setups (program_id) ON DELETE CASCADE,
    party                 text NOT NULL CHECK (party ~ '^[A-Z_]+$' OR party = 'supplier'),
    name                  text NOT NULL,
    qualifier             text NOT NULL,
    id                    text NOT NULL,
    interchange_qualifier text NOT NULL,
    interchange_id        text NOT NULL,
    application_code      text NOT NULL,
    PRIMARY KEY (program_id, party)
);

CREATE TABLE edi_product_codes (
    program_id text NOT NULL REFERENCES edi_setups (program_id) ON DELETE CASCADE,
    product_id text NOT NULL,
    code       text NOT NULL,
    PRIMARY KEY (program_id, product_id)
);

-- One interchange sent: its bytes as validated and committed, so that a file whose move into the
-- outbound folder did not happen (a crash after the commit) is delivered again byte for byte, under the
-- same control number and references, by the next export.
CREATE TABLE edi_batches (
    control_number bigint      PRIMARY KEY CHECK (control_number BETWEEN 1 AND 999999999),
    program_id     text        NOT NULL REFERENCES programs (id),
    utility        text        NOT NULL,
    file_name      text        NOT NULL CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    created_at     timestamptz NOT NULL,
    sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    contents       bytea       NOT NULL,
    -- when and where the file was moved into the outbound folder; NULL until it was
    delivered_at   timestamptz,
    delivered_to   text,
    CHECK ((delivered_at IS NULL) = (delivered_to IS NULL)),
    UNIQUE (program_id, file_name)
);

CREATE INDEX edi_batches_undelivered ON edi_batches (program_id, control_number) WHERE delivered_at IS NULL;

-- One 814 request sent, by its reference (BGN02 and LIN01, unique over all time), with the answer:
--   sent          in a committed batch, no answer yet
--   acknowledged  the utility's 997 accepted its transaction set; the 814 response is still to come
--   refused       the utility's 997 rejected its transaction set (detail says why); staff request it again
--   accepted      the utility's 814 response accepted it
--   rejected      the utility's 814 response rejected it (detail holds the REF*7G reasons)
-- The account reference cascades only for ProgramStore.deleteAccountsAndProducts (the demo's rebuild),
-- which erases a program's accounts whole.
CREATE TABLE edi_requests (
    reference                  text        PRIMARY KEY CHECK (reference ~ '^[0-9A-Za-z-]{1,20}$'),
    program_id                 text        NOT NULL,
    account_id                 bigint      NOT NULL,
    kind                       text        NOT NULL CHECK (kind IN ('enroll', 'change', 'drop')),
    utility                    text        NOT NULL,
    file_name                  text        NOT NULL,
    interchange_control_number bigint      NOT NULL,
    group_control_number       bigint      NOT NULL REFERENCES edi_batches (control_number),
    -- ST02: what the 997 names the transaction set by (AK202)
    set_control_number         text        NOT NULL,
    created_at                 timestamptz NOT NULL,
    status                     text        NOT NULL CHECK (status IN ('sent', 'acknowledged', 'refused', 'accepted',
                                   'rejected')),
    status_at                  timestamptz NOT NULL,
    detail                     text        NOT NULL DEFAULT '',
    -- BGN02 of the utility's 814 response, once answered
    response_reference         text,
    -- when a 997 accepted the set (whatever the 814 response said, before or after)
    acknowledged_at            timestamptz,
    FOREIGN KEY (account_id, program_id) REFERENCES account_ids (id, program_id) ON DELETE CASCADE,
    UNIQUE (group_control_number, set_control_number)
);

CREATE INDEX edi_requests_account ON edi_requests (program_id, account_id);
CREATE INDEX edi_requests_open ON edi_requests (program_id, status) WHERE status IN ('sent', 'acknowledged', 'refused');
