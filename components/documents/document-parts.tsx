// Blocks the customer's invoice, credit note and receipt pages share: the two parties, a list of key
// facts, the lines, money rows and the footer. They render the documents' plain data, exactly as the
// PDFs print it.
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { DocumentParty, InvoiceDocumentLine, TotalsRow } from "@/lib/documents/types";
import { cn } from "@/lib/cn";

export const SectionLabel = ({ children }: { children: React.ReactNode }) => (
  <h2 className="mb-1 text-xs font-semibold tracking-wide text-ink-600 uppercase">{children}</h2>
);

export const PartyBlock = ({
  label,
  party,
  usageBy,
}: {
  label: string;
  party: DocumentParty;
  usageBy?: string | null;
}) => (
  <section aria-label={label}>
    <SectionLabel>{label}</SectionLabel>
    <address className="text-sm text-ink-900 not-italic">
      <span className="block font-semibold">{party.name}</span>
      {party.addressLines.map((line, index) => (
        <span key={index} className="block">
          {line}
        </span>
      ))}
      {party.email ? <span className="block text-ink-600">{party.email}</span> : null}
      {party.taxId ? <span className="block text-ink-600">Tax id {party.taxId}</span> : null}
    </address>
    {usageBy ? <p className="mt-2 text-sm text-ink-700">Usage by {usageBy}</p> : null}
  </section>
);

/** The seller ("From") beside the party the document is for ("Bill to", "Credit to"...). */
export const Parties = ({
  seller,
  counterparty,
  counterpartyLabel,
  usageBy,
}: {
  seller: DocumentParty;
  counterparty: DocumentParty;
  counterpartyLabel: string;
  usageBy?: string | null;
}) => (
  <div className="grid gap-6 sm:grid-cols-2">
    <PartyBlock label="From" party={seller} />
    <PartyBlock label={counterpartyLabel} party={counterparty} usageBy={usageBy} />
  </div>
);

export type Fact = { label: string; value: string };

export const FactList = ({ facts, label }: { facts: Fact[]; label: string }) => (
  <dl aria-label={label} className="grid grid-cols-2 gap-x-6 gap-y-3 border-y border-ink-200 py-4 sm:grid-cols-4">
    {facts.map((fact) => (
      <div key={fact.label}>
        <dt className="text-xs font-semibold tracking-wide text-ink-600 uppercase">{fact.label}</dt>
        <dd className="mt-0.5 text-sm font-medium text-ink-900">{fact.value}</dd>
      </div>
    ))}
  </dl>
);

export type MoneyRow = {
  label: string;
  amount: string;
  tone?: "normal" | "total" | "due";
  /** A smaller line under the label: a credit note's date and reason. */
  detail?: string | null;
};

export const MoneyRows = ({ rows, label }: { rows: MoneyRow[]; label: string }) => (
  <dl aria-label={label} className="ml-auto w-full max-w-sm text-sm">
    {rows.map((row) => (
      <div
        key={row.label}
        className={cn(
          "flex justify-between gap-4 py-1",
          row.tone === "total" && "mt-1 border-t border-ink-200 pt-2 font-semibold",
          row.tone === "due" && "mt-2 border-t border-ink-900 pt-2 text-base font-bold",
        )}
      >
        <dt>
          {row.label}
          {row.detail ? <span className="block text-xs font-normal text-ink-600">{row.detail}</span> : null}
        </dt>
        <dd className="tabular text-right">{row.amount}</dd>
      </div>
    ))}
  </dl>
);

export const Paragraph = ({ title, text }: { title: string; text: string | null }) =>
  text ? (
    <section>
      <SectionLabel>{title}</SectionLabel>
      <p className="text-sm whitespace-pre-line text-ink-700">{text}</p>
    </section>
  ) : null;

/** How each kind of totals row stands out. */
export const TOTALS_TONES: Record<TotalsRow["kind"], MoneyRow["tone"]> = {
  subtotal: "normal",
  tax: "normal",
  total: "total",
  adjustment: "normal",
  due: "due",
};

export const LinesTable = ({
  label,
  emptyText,
  lines,
  showTaxRates,
}: {
  label: string;
  emptyText: string;
  lines: InvoiceDocumentLine[];
  showTaxRates: boolean;
}) => (
  <Table label={label}>
    <thead>
      <tr>
        <Th>Description</Th>
        <Th align="right">Qty</Th>
        <Th align="right">Unit price</Th>
        {showTaxRates ? <Th align="right">Tax</Th> : null}
        <Th align="right">Amount</Th>
      </tr>
    </thead>
    <tbody>
      {lines.length === 0 ? (
        <EmptyRow colSpan={showTaxRates ? 5 : 4}>{emptyText}</EmptyRow>
      ) : (
        lines.map((line) => (
          <tr key={line.position}>
            <Td>
              {line.description}
              {line.period ? <span className="block text-xs text-ink-600">{line.period}</span> : null}
            </Td>
            <Td align="right">{line.quantity}</Td>
            <Td align="right">{line.unitPrice}</Td>
            {showTaxRates ? <Td align="right">{line.taxRate}</Td> : null}
            <Td align="right">{line.amount}</Td>
          </tr>
        ))
      )}
    </tbody>
  </Table>
);

export const DocumentFooter = ({ text }: { text: string | null }) =>
  text ? <p className="border-t border-ink-100 pt-4 text-xs text-ink-600">{text}</p> : null;
