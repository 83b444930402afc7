// Prefixed, time-sortable ids (`inv_01J…`): a 48-bit millisecond timestamp then 80 random bits,
// Crockford base32, so ids sort by creation time and say what they name.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const ID_PREFIXES = {
  organization: "org",
  user: "usr",
  signInAttempt: "sia",
  customer: "cus",
  numberSeries: "ser",
  invoice: "inv",
  invoiceLine: "il",
  creditNote: "cn",
  creditNoteLine: "cnl",
  wallet: "wal",
  walletTransaction: "wtx",
  walletAllocation: "wta",
  meter: "mtr",
  plan: "pln",
  price: "prc",
  priceTier: "tier",
  subscription: "sub",
  usageEvent: "evt",
  apiKey: "key",
  payment: "pay",
  receipt: "rcp",
  stripeEvent: "swe",
  auditEntry: "aud",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

let lastTime = 0;
let lastRandom = new Uint8Array(10);

const encodeTime = (time: number): string => {
  let out = "";
  let t = time;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
};

const encodeRandom = (bytes: Uint8Array): string => {
  // 80 bits -> 16 base32 characters, most significant first.
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
};

// Within one millisecond the random part is incremented, so ids made in a row still sort in order.
const nextRandom = (time: number): Uint8Array => {
  if (time !== lastTime) {
    lastTime = time;
    lastRandom = new Uint8Array(randomBytes(10));
    return lastRandom;
  }
  const next = new Uint8Array(lastRandom);
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 255) {
      next[i] = next[i]! + 1;
      break;
    }
    next[i] = 0;
  }
  lastRandom = next;
  return next;
};

export const newId = (kind: IdKind, now: number = Date.now()): string => {
  const time = Math.max(now, lastTime);
  return `${ID_PREFIXES[kind]}_${encodeTime(time)}${encodeRandom(nextRandom(time))}`;
};

/** A bearer token for customer links: 160 random bits, URL-safe, neither an id nor a number. */
export const newPublicToken = (): string => randomBytes(20).toString("base64url");
