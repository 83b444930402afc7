// The credit note services, each taking the caller's transaction client: issue and void, and what
// they share. Other features and the actions import from here.
export { issueCreditNote, type IssuedCreditNote } from "./issue";
export { voidCreditNote, type VoidedCreditNote } from "./void";
export { CREDIT_NOTE_ENTITY, creditNoteNumber, type CreditNoteActor } from "./shared";
