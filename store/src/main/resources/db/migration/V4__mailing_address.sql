-- The mailing address of an account, when the utility's customer list gives one apart from the
-- service address (a landlord, a PO box). The opt-out notice goes there (issue 6, Notices: "it goes
-- to the mailing address when the list has one"). Personal information, like the service address.
-- The four columns are all null (mail goes to the service address) or all set; the checks mirror
-- org.opencce.domain.community.MailingAddress, so a row the application cannot read back is refused
-- by the database too.
ALTER TABLE accounts
    ADD COLUMN mailing_street text,
    ADD COLUMN mailing_city   text,
    -- two-letter USPS state code, upper case
    ADD COLUMN mailing_state  text CHECK (mailing_state ~ '^[A-Z]{2}$'),
    -- 5 digits or ZIP+4
    ADD COLUMN mailing_zip    text CHECK (mailing_zip ~ '^[0-9]{5}(-[0-9]{4})?$'),
    ADD CONSTRAINT accounts_mailing_address_all_or_none CHECK (
        (mailing_street IS NULL AND mailing_city IS NULL AND mailing_state IS NULL AND mailing_zip IS NULL)
        OR (mailing_street IS NOT NULL AND mailing_city IS NOT NULL AND mailing_state IS NOT NULL
            AND mailing_zip IS NOT NULL AND btrim(mailing_street) <> '' AND btrim(mailing_city) <> ''));
