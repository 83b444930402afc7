// Prisma's default constraint names (psl ConstraintNames): table and columns joined by `_`, cut to
// PostgreSQL's 63-byte identifier limit before the suffix.
const MAX_IDENTIFIER_BYTES = 63;

const truncateBytes = (value: string, maxBytes: number): string => {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length < maxBytes) return value;
  let end = maxBytes;
  // Never cut a multi-byte character in half (continuation bytes are 0b10xxxxxx).
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
};

export const prismaConstraintName = (
  table: string,
  columns: readonly string[],
  suffix: "_pkey" | "_key" | "_idx" | "_fkey",
): string => {
  const base = suffix === "_pkey" ? table : `${table}_${columns.join("_")}`;
  return `${truncateBytes(base, MAX_IDENTIFIER_BYTES - suffix.length)}${suffix}`;
};
