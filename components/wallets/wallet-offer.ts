// What the invoice page offers to apply from the wallet: at most the smaller of the balance in the
// invoice's currency and the amount due, or nothing when either is zero.
import { formatMinorAsDecimal, formatMoney } from "@/lib/money";
import type { WalletCreditOffer } from "./apply-credit-dialog";

export const walletCreditOffer = ({
  balanceMinor,
  amountDueMinor,
  currency,
  locale,
}: {
  balanceMinor: bigint;
  amountDueMinor: bigint;
  currency: string;
  locale: string;
}): WalletCreditOffer | null => {
  if (balanceMinor <= 0n || amountDueMinor <= 0n) return null;
  const maximumMinor = balanceMinor < amountDueMinor ? balanceMinor : amountDueMinor;
  const money = (minor: bigint) => formatMoney(minor, currency, { locale });
  return {
    currency,
    balanceLabel: money(balanceMinor),
    amountDueLabel: money(amountDueMinor),
    maximum: formatMinorAsDecimal(maximumMinor, currency),
    maximumLabel: money(maximumMinor),
  };
};
