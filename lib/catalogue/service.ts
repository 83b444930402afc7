// The catalogue's services in one import: meters and plans. Each takes the transaction client, so
// an action composes them inside one db.$transaction.
export {
  createMeter,
  describeAggregation,
  lockedMeterMessage,
  plansUsingMeter,
  updateMeter,
  type MeterRow,
} from "./meters";
export { archivePlan, createPlan, pricesLockReason, unarchivePlan, updatePlan, type PlanRow } from "./plans";
export type { CatalogueActor } from "./shared";
