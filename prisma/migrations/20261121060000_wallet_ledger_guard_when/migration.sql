-- The ledger's append-only guard ran its PL/pgSQL body on every update of a credit, and the one
-- update a posting makes (a credit's "remainingMinor") is allowed: that cost a tenth of a
-- millisecond a drawdown (see `npm run bench:wallets`). The trigger's WHEN now lets allowed
-- updates through without calling the function, which runs only to name what may not change.
-- The comparison still covers every column but "remainingMinor", those added later included.
DROP TRIGGER "WalletTransaction_append_only" ON "WalletTransaction";

CREATE TRIGGER "WalletTransaction_append_only"
    BEFORE UPDATE ON "WalletTransaction"
    FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'remainingMinor') IS DISTINCT FROM (to_jsonb(NEW) - 'remainingMinor'))
    EXECUTE FUNCTION "billfold_wallet_transaction_guard"();

CREATE TRIGGER "WalletTransaction_no_delete"
    BEFORE DELETE ON "WalletTransaction"
    FOR EACH ROW EXECUTE FUNCTION "billfold_wallet_transaction_guard"();
