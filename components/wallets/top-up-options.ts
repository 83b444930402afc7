// What the top-up form offers, built on the server: currencies with the customer's own (or the
// organisation's) first, the reasons a person may choose, and the earliest expiry date (today in
// the organisation's zone: credit "expiring on" a day is usable through that day).
import { todayIn } from "@/lib/format/date";
import { currencyOptions, type Option } from "@/lib/organization/options";
import { TOP_UP_REASONS, WALLET_REASON_LABELS } from "@/lib/wallets/schemas";

export const topUpOptions = ({
  preferredCurrency,
  timeZone,
  now = new Date(),
}: {
  preferredCurrency: string;
  timeZone: string;
  now?: Date;
}) => {
  const all = currencyOptions(preferredCurrency);
  const preferred = all.filter((option) => option.value === preferredCurrency);
  const currencies: Option[] = [...preferred, ...all.filter((option) => option.value !== preferredCurrency)];
  return {
    currencies,
    reasons: TOP_UP_REASONS.map((reason) => ({ value: reason, label: WALLET_REASON_LABELS[reason] })),
    earliestExpiry: todayIn(timeZone, now).toISOString().slice(0, 10),
  };
};
