-- AlterEnum
ALTER TYPE "PaymentMethod" ADD VALUE 'wallet';

-- DropIndex
DROP INDEX "CreditNote_organizationId_issuedAt_idx";

-- AlterTable
ALTER TABLE "CreditNote" ADD COLUMN     "voidReason" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "walletTransactionId" TEXT;

-- CreateIndex
CREATE INDEX "CreditNote_organizationId_issuedAt_id_idx" ON "CreditNote"("organizationId", "issuedAt", "id");

-- CreateIndex
CREATE INDEX "CreditNote_customerId_issuedAt_idx" ON "CreditNote"("customerId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_walletTransactionId_key" ON "Payment"("walletTransactionId");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_walletTransactionId_fkey" FOREIGN KEY ("walletTransactionId") REFERENCES "WalletTransaction"("id") ON DELETE SET NULL ON UPDATE CASCADE;
