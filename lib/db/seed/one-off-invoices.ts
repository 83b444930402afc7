// The demo's one-off invoices (implementation, training, paid support) covering every state a finance
// user meets: draft, open, overdue, part-paid, paid, credited and refunded, voided and reissued, written off.
import type { Clock } from "./clock";
import { REVERSE_CHARGE_MEMO } from "./fixtures";
import type { InvoiceSeed } from "./invoices";

export const oneOffInvoiceSeeds = ({ ago }: Clock): InvoiceSeed[] => [
  {
    customer: "stark",
    paymentTerms: "net_15",
    createdAt: ago(2, "09:30"),
    lines: [
      { description: "Onboarding workshop (remote, half day)", quantity: "1", unitAmountMinor: 250000n }, // $2,500.00
      { description: "Data migration, hours", quantity: "12.5", unitAmountMinor: 18000n }, // $180.00 / hour
    ],
  },
  {
    customer: "initech",
    paymentTerms: "net_30",
    createdAt: ago(1, "09:30"),
    memo: "PO 4500021877",
    lines: [
      {
        description: "Custom dashboard development, hours",
        quantity: "7.5",
        unitAmountMinor: 14500n,
        taxRatePercent: "20",
      }, // £145.00
      { description: "Priority support retainer", quantity: "1", unitAmountMinor: 35000n, taxRatePercent: "20" }, // £350.00
      { description: "Travel to Manchester", quantity: "1", unitAmountMinor: 18640n, taxRatePercent: "20" }, // £186.40
    ],
  },
  {
    customer: "kaizen",
    customNumber: "CUSTOM-SEQ-001",
    paymentTerms: "net_60",
    createdAt: ago(6, "09:30"),
    finalizedAt: ago(6, "10:15"),
    memo: "Numbered in the customer's purchasing sequence, as agreed. PO 4500018812.",
    lines: [
      { description: "Implementation fee", quantity: "1", unitAmountMinor: 450000n }, // ¥450,000
      { description: "On-site training in Tokyo, days", quantity: "2", unitAmountMinor: 180000n }, // ¥180,000 / day
    ],
  },
  {
    customer: "lakshmi",
    paymentTerms: "net_30",
    createdAt: ago(47, "09:30"),
    finalizedAt: ago(47, "10:15"),
    lines: [
      { description: "Analyst training (remote), days", quantity: "2", unitAmountMinor: 8500000n }, // ₹85,000.00 / day
      { description: "Training workbooks", quantity: "14", unitAmountMinor: 120000n }, // ₹1,200.00 each
    ],
  },
  {
    customer: "globex",
    paymentTerms: "net_30",
    createdAt: ago(41, "09:30"),
    finalizedAt: ago(41, "10:15"),
    memo: REVERSE_CHARGE_MEMO,
    lines: [{ description: "Paid support: incident response, hours", quantity: "6.25", unitAmountMinor: 16000n }], // €160.00 / hour
  },
  {
    customer: "initech",
    paymentTerms: "net_30",
    createdAt: ago(5, "09:30"),
    finalizedAt: ago(5, "10:15"),
    memo: "PO 4500021544",
    lines: [
      { description: "Implementation fee, phase 2", quantity: "1", unitAmountMinor: 480000n, taxRatePercent: "20" }, // £4,800.00
      // 7.25 h x £132.50 = £960.625, shown rounded half-up to £960.63.
      { description: "Solution architect, hours", quantity: "7.25", unitAmountMinor: 13250n, taxRatePercent: "20" },
    ],
  },
  {
    customer: "acme",
    paymentTerms: "net_30",
    createdAt: ago(22, "09:30"),
    finalizedAt: ago(22, "10:15"),
    lines: [
      { description: "Implementation fee", quantity: "1", unitAmountMinor: 1200000n }, // $12,000.00
      { description: "Solution architect, hours", quantity: "7.5", unitAmountMinor: 22000n }, // $220.00 / hour
    ],
    payments: [{ at: ago(9, "14:20"), method: "bank_transfer", reference: "ACME-REMIT-77812", amountMinor: 600000n }], // $6,000.00
  },
  {
    customer: "umbrella",
    series: "singapore",
    paymentTerms: "net_30",
    createdAt: ago(36, "09:30"),
    finalizedAt: ago(36, "10:15"),
    lines: [
      {
        description: "Training workshop (on-site, Singapore)",
        quantity: "1",
        unitAmountMinor: 320000n,
        taxRatePercent: "9",
      }, // S$3,200.00
      { description: "Travel and accommodation", quantity: "1", unitAmountMinor: 84560n, taxRatePercent: "9" }, // S$845.60
    ],
    payments: [{ at: ago(21, "14:20"), method: "bank_transfer", reference: "UMB-PAYNOW-30917" }],
  },
  {
    customer: "umbrella",
    series: "singapore",
    paymentTerms: "net_30",
    createdAt: ago(3, "09:30"),
    finalizedAt: ago(3, "10:15"),
    lines: [
      { description: "Premium support, quarterly", quantity: "1", unitAmountMinor: 150000n, taxRatePercent: "9" },
    ], // S$1,500.00
  },
  {
    key: "soylent-voided",
    customer: "soylent",
    paymentTerms: "net_30",
    createdAt: ago(26, "09:30"),
    finalizedAt: ago(26, "10:15"),
    lines: [{ description: "Implementation fee", quantity: "1", unitAmountMinor: 600000n, taxRatePercent: "21" }], // €6,000.00
    voided: {
      at: ago(25, "09:05"),
      reason: "Charged Dutch VAT to a business customer; reissued under the reverse charge",
    },
  },
  {
    customer: "soylent",
    replacesKey: "soylent-voided",
    paymentTerms: "net_30",
    createdAt: ago(25, "09:30"),
    finalizedAt: ago(25, "10:15"),
    memo: REVERSE_CHARGE_MEMO,
    lines: [{ description: "Implementation fee", quantity: "1", unitAmountMinor: 600000n }],
  },
  {
    customer: "piedPiper",
    paymentTerms: "net_30",
    createdAt: ago(130, "09:30"),
    finalizedAt: ago(130, "10:15"),
    lines: [{ description: "Premium support, annual", quantity: "1", unitAmountMinor: 480000n }], // $4,800.00
    uncollectibleAt: ago(40, "16:40"),
  },
  {
    customer: "stark",
    paymentTerms: "net_15",
    createdAt: ago(56, "09:30"),
    finalizedAt: ago(56, "10:15"),
    lines: [{ description: "Data migration package", quantity: "1", unitAmountMinor: 240000n }], // $2,400.00
    payments: [{ at: ago(49, "14:20"), method: "bank_transfer", reference: "STARK-ACH-11873" }],
  },
  {
    customer: "stark",
    paymentTerms: "net_15",
    createdAt: ago(55, "09:30"),
    finalizedAt: ago(55, "10:15"),
    lines: [{ description: "Reporting masterclass, seats", quantity: "3", unitAmountMinor: 60000n }], // $600.00 / seat
    payments: [{ at: ago(48, "14:20"), method: "bank_transfer", reference: "STARK-ACH-11902" }],
    creditNotes: [
      {
        at: ago(44, "11:10"),
        reason: "order_change",
        memo: "One attendee withdrew before the course",
        lines: [{ line: 0, quantity: "1" }],
      },
    ],
  },
  {
    customer: "stark",
    paymentTerms: "net_15",
    createdAt: ago(54, "09:30"),
    finalizedAt: ago(54, "10:15"),
    memo: "Raised twice in error for the same data migration package.",
    lines: [{ description: "Data migration package", quantity: "1", unitAmountMinor: 240000n }],
    payments: [{ at: ago(47, "14:20"), method: "bank_transfer", reference: "STARK-ACH-11931" }],
    creditNotes: [
      {
        at: ago(43, "11:10"),
        reason: "duplicate",
        memo: "Duplicate of the earlier data migration invoice; paid twice",
        lines: [{ line: 0, quantity: "1" }],
      },
    ],
  },
];
