-- DropIndex
DROP INDEX "Invoice_organizationId_dueDate_idx";

-- CreateIndex
CREATE INDEX "Invoice_organizationId_issueDate_id_idx" ON "Invoice"("organizationId", "issueDate", "id");

-- CreateIndex
CREATE INDEX "Invoice_organizationId_dueDate_id_idx" ON "Invoice"("organizationId", "dueDate", "id");

-- CreateIndex
CREATE INDEX "Invoice_organizationId_totalMinor_id_idx" ON "Invoice"("organizationId", "totalMinor", "id");
