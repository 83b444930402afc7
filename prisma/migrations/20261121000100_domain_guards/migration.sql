-- Domain guards: the rules of ../shared/DOMAIN.md that the database enforces itself, so that no
-- code path (a bug, a script, a console session) can break them. Prisma's schema cannot express
-- CHECK constraints or triggers, so they live only here; the drift test ignores them.
--
-- Every refusal raises SQLSTATE P0001 with a message that starts with a stable prefix
-- (`invoice_frozen:`, `invoice_line_frozen:`, `audit_append_only:`, `wallet_ledger_append_only:`),
-- so application code can recognise it without parsing the rest of the sentence.

-- ---------------------------------------------------------------- money is never negative

-- Documents and payments carry amounts that only ever count up from zero. Invoice lines are left
-- out on purpose: a discount or adjustment line may be negative while the invoice total is not.
ALTER TABLE "Invoice"
    ADD CONSTRAINT "Invoice_subtotalMinor_nonnegative" CHECK ("subtotalMinor" >= 0),
    ADD CONSTRAINT "Invoice_taxMinor_nonnegative" CHECK ("taxMinor" >= 0),
    ADD CONSTRAINT "Invoice_totalMinor_nonnegative" CHECK ("totalMinor" >= 0),
    ADD CONSTRAINT "Invoice_creditedMinor_nonnegative" CHECK ("creditedMinor" >= 0),
    ADD CONSTRAINT "Invoice_walletAppliedMinor_nonnegative" CHECK ("walletAppliedMinor" >= 0),
    ADD CONSTRAINT "Invoice_paidMinor_nonnegative" CHECK ("paidMinor" >= 0),
    ADD CONSTRAINT "Invoice_refundedMinor_nonnegative" CHECK ("refundedMinor" >= 0),
    ADD CONSTRAINT "Invoice_amountDueMinor_nonnegative" CHECK ("amountDueMinor" >= 0);

ALTER TABLE "CreditNote"
    ADD CONSTRAINT "CreditNote_subtotalMinor_nonnegative" CHECK ("subtotalMinor" >= 0),
    ADD CONSTRAINT "CreditNote_taxMinor_nonnegative" CHECK ("taxMinor" >= 0),
    ADD CONSTRAINT "CreditNote_totalMinor_nonnegative" CHECK ("totalMinor" >= 0),
    ADD CONSTRAINT "CreditNote_creditedToDueMinor_nonnegative" CHECK ("creditedToDueMinor" >= 0),
    ADD CONSTRAINT "CreditNote_refundMinor_nonnegative" CHECK ("refundMinor" >= 0),
    ADD CONSTRAINT "CreditNote_walletCreditMinor_nonnegative" CHECK ("walletCreditMinor" >= 0),
    ADD CONSTRAINT "CreditNote_outOfBandMinor_nonnegative" CHECK ("outOfBandMinor" >= 0);

ALTER TABLE "CreditNoteLine"
    ADD CONSTRAINT "CreditNoteLine_unitAmountMinor_nonnegative" CHECK ("unitAmountMinor" >= 0),
    ADD CONSTRAINT "CreditNoteLine_amountMinor_nonnegative" CHECK ("amountMinor" >= 0),
    ADD CONSTRAINT "CreditNoteLine_taxMinor_nonnegative" CHECK ("taxMinor" >= 0);

ALTER TABLE "Price"
    ADD CONSTRAINT "Price_unitAmountMinor_nonnegative" CHECK ("unitAmountMinor" >= 0);

ALTER TABLE "PriceTier"
    ADD CONSTRAINT "PriceTier_unitAmountMinor_nonnegative" CHECK ("unitAmountMinor" >= 0),
    ADD CONSTRAINT "PriceTier_flatAmountMinor_nonnegative" CHECK ("flatAmountMinor" >= 0);

-- A refund is a row of kind 'refund' with a positive amount, never a negative payment.
ALTER TABLE "Payment"
    ADD CONSTRAINT "Payment_amountMinor_nonnegative" CHECK ("amountMinor" >= 0);

ALTER TABLE "Receipt"
    ADD CONSTRAINT "Receipt_amountMinor_nonnegative" CHECK ("amountMinor" >= 0),
    ADD CONSTRAINT "Receipt_amountRemainingMinor_nonnegative" CHECK ("amountRemainingMinor" >= 0);

-- ---------------------------------------------------------------- wallets never go negative

ALTER TABLE "Wallet"
    ADD CONSTRAINT "Wallet_balanceMinor_nonnegative" CHECK ("balanceMinor" >= 0);

-- The type says which way a transaction moves the balance, so its amount is always positive; a
-- credit can never have more left to consume than it granted.
ALTER TABLE "WalletTransaction"
    ADD CONSTRAINT "WalletTransaction_amountMinor_positive" CHECK ("amountMinor" > 0),
    ADD CONSTRAINT "WalletTransaction_remainingMinor_within_amount" CHECK ("remainingMinor" >= 0 AND "remainingMinor" <= "amountMinor"),
    ADD CONSTRAINT "WalletTransaction_balanceAfterMinor_nonnegative" CHECK ("balanceAfterMinor" >= 0);

ALTER TABLE "WalletAllocation"
    ADD CONSTRAINT "WalletAllocation_amountMinor_nonnegative" CHECK ("amountMinor" >= 0);

-- ---------------------------------------------------------------- currencies are ISO 4217 codes

ALTER TABLE "Organization"
    ADD CONSTRAINT "Organization_defaultCurrency_iso4217" CHECK ("defaultCurrency" ~ '^[A-Z]{3}$');
ALTER TABLE "Customer"
    ADD CONSTRAINT "Customer_currency_iso4217" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Invoice"
    ADD CONSTRAINT "Invoice_currency_iso4217" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "CreditNote"
    ADD CONSTRAINT "CreditNote_currency_iso4217" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Wallet"
    ADD CONSTRAINT "Wallet_currency_iso4217" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Plan"
    ADD CONSTRAINT "Plan_currency_iso4217" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Payment"
    ADD CONSTRAINT "Payment_currency_iso4217" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Receipt"
    ADD CONSTRAINT "Receipt_currency_iso4217" CHECK ("currency" ~ '^[A-Z]{3}$');

-- ---------------------------------------------------------------- invoices

-- Finalizing assigns the number: only a draft may be without one.
ALTER TABLE "Invoice"
    ADD CONSTRAINT "Invoice_number_required_unless_draft" CHECK ("status" = 'draft' OR "number" IS NOT NULL);

-- Once an invoice leaves draft, the document is fixed: only its lifecycle and payment state may
-- move. Corrections go through a credit note or a void-and-reissue, never an edit. The columns
-- that may change are listed (everything else is frozen), so a column added later is protected
-- until someone decides otherwise.
CREATE FUNCTION "billfold_invoice_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changeable CONSTANT text[] := ARRAY[
        'status', 'paymentStatus',
        'creditedMinor', 'walletAppliedMinor', 'paidMinor', 'refundedMinor', 'amountDueMinor',
        'paidAt', 'voidedAt', 'voidReason', 'uncollectibleAt',
        'publicToken', 'updatedAt'
    ];
    changed text[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- A void keeps its number and its record; only a draft (which has no number yet) may go.
        IF OLD."status" <> 'draft' THEN
            RAISE EXCEPTION 'invoice_frozen: invoice % is % and cannot be deleted; void it instead', OLD."id", OLD."status"
                USING ERRCODE = 'P0001';
        END IF;
        RETURN OLD;
    END IF;

    -- The finalizing update itself starts from a draft, so it may set every field at once.
    IF OLD."status" = 'draft' THEN
        RETURN NEW;
    END IF;

    -- Going back to draft would reopen a numbered document for editing.
    IF NEW."status" = 'draft' THEN
        RAISE EXCEPTION 'invoice_frozen: invoice % is % and cannot return to draft', OLD."id", OLD."status"
            USING ERRCODE = 'P0001';
    END IF;

    SELECT array_agg(n.key ORDER BY n.key) INTO changed
    FROM jsonb_each(to_jsonb(NEW) - changeable) AS n
    WHERE n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key);

    IF changed IS NOT NULL THEN
        RAISE EXCEPTION 'invoice_frozen: invoice % is % and its % cannot change; issue a credit note or void it',
            OLD."id", OLD."status", array_to_string(changed, ', ')
            USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Invoice_frozen_after_draft"
    BEFORE UPDATE OR DELETE ON "Invoice"
    FOR EACH ROW EXECUTE FUNCTION "billfold_invoice_guard"();

-- Lines belong to the document: they may be written only while their invoice is a draft. The
-- invoice row is locked (FOR NO KEY UPDATE, the lock an UPDATE of it takes) so that a line write
-- and a concurrent finalization of the same invoice are serialised: whichever comes second sees
-- the other's result. A weaker lock would let a line slip into an invoice being finalized, or
-- deadlock when the line's transaction then updates the invoice totals.
CREATE FUNCTION "billfold_invoice_line_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    invoice_ids text[];
    invoice_id text;
    invoice_status "InvoiceStatus";
BEGIN
    IF TG_OP = 'INSERT' THEN
        invoice_ids := ARRAY[NEW."invoiceId"];
    ELSIF TG_OP = 'DELETE' THEN
        invoice_ids := ARRAY[OLD."invoiceId"];
    ELSE
        invoice_ids := ARRAY[OLD."invoiceId", NEW."invoiceId"];
    END IF;

    FOREACH invoice_id IN ARRAY invoice_ids LOOP
        SELECT "status" INTO invoice_status FROM "Invoice" WHERE "id" = invoice_id FOR NO KEY UPDATE;
        -- Not found: a deleted draft cascading to its lines (a non-draft cannot be deleted), or an
        -- insert the foreign key will reject anyway.
        IF FOUND AND invoice_status <> 'draft' THEN
            RAISE EXCEPTION 'invoice_line_frozen: invoice % is % and its lines cannot change', invoice_id, invoice_status
                USING ERRCODE = 'P0001';
        END IF;
    END LOOP;

    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "InvoiceLine_frozen_after_draft"
    BEFORE INSERT OR UPDATE OR DELETE ON "InvoiceLine"
    FOR EACH ROW EXECUTE FUNCTION "billfold_invoice_line_guard"();

-- ---------------------------------------------------------------- append-only records

-- The audit trail is evidence: an entry is written once, with the change it records, and never
-- edited or removed.
CREATE FUNCTION "billfold_audit_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_append_only: audit entry % is append-only; % refused', OLD."id", TG_OP
        USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only"
    BEFORE UPDATE OR DELETE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "billfold_audit_append_only"();

-- A wallet's balance is the sum of its ledger, so a ledger row is never removed and never edited;
-- an expiry or a correction is a new debit. The one moving part is a credit's "remainingMinor",
-- which debits consume and voids give back.
CREATE FUNCTION "billfold_wallet_transaction_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed text[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'wallet_ledger_append_only: wallet transaction % cannot be deleted; record a debit instead', OLD."id"
            USING ERRCODE = 'P0001';
    END IF;

    SELECT array_agg(n.key ORDER BY n.key) INTO changed
    FROM jsonb_each(to_jsonb(NEW) - 'remainingMinor') AS n
    WHERE n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key);

    IF changed IS NOT NULL THEN
        RAISE EXCEPTION 'wallet_ledger_append_only: wallet transaction %''s % cannot change; only "remainingMinor" may',
            OLD."id", array_to_string(changed, ', ')
            USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "WalletTransaction_append_only"
    BEFORE UPDATE OR DELETE ON "WalletTransaction"
    FOR EACH ROW EXECUTE FUNCTION "billfold_wallet_transaction_guard"();

-- An allocation answers "which credits paid for this debit?" for good; a void marks it reversed
-- ("reversedAt") instead of removing it.
CREATE FUNCTION "billfold_wallet_allocation_no_delete"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'wallet_ledger_append_only: wallet allocation % cannot be deleted; set "reversedAt" instead', OLD."id"
        USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "WalletAllocation_no_delete"
    BEFORE DELETE ON "WalletAllocation"
    FOR EACH ROW EXECUTE FUNCTION "billfold_wallet_allocation_no_delete"();
