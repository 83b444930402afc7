// Password hashing with bcrypt (pure JS, no native build step on fresh machines).
import bcrypt from "bcryptjs";

const COST = 11;

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, COST);

export const verifyPassword = (password: string, hash: string): Promise<boolean> => bcrypt.compare(password, hash);

let dummyHash: string | undefined;

/** Spends the same time as a real check, so a wrong email is as slow as a wrong password. */
export const verifyAgainstNothing = async (password: string): Promise<false> => {
  dummyHash ??= await bcrypt.hash("billfold-no-such-user", COST);
  await bcrypt.compare(password, dummyHash);
  return false;
};
