import { describe, expect, it } from "vitest";
import { walletCreditOffer } from "./wallet-offer";

const offer = (balanceMinor: bigint, amountDueMinor: bigint, currency = "USD") =>
  walletCreditOffer({ balanceMinor, amountDueMinor, currency, locale: "en-US" });

describe("walletCreditOffer", () => {
  it("offers the whole amount due when the balance covers it", () => {
    // balance $500.00, due $120.50
    expect(offer(50000n, 12050n)).toEqual({
      currency: "USD",
      balanceLabel: "$500.00",
      amountDueLabel: "$120.50",
      maximum: "120.50",
      maximumLabel: "$120.50",
    });
  });

  it("offers the balance when it is less than what is due", () => {
    // balance $30.00, due $120.50
    expect(offer(3000n, 12050n)?.maximum).toBe("30.00");
  });

  it("offers nothing without a balance or without anything due", () => {
    expect(offer(0n, 12050n)).toBeNull();
    expect(offer(3000n, 0n)).toBeNull();
  });

  it("writes the maximum in the currency's own minor units", () => {
    // ¥1,500 balance, ¥2,000 due
    expect(offer(1500n, 2000n, "JPY")?.maximum).toBe("1500");
  });
});
