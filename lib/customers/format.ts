// Countries as the customer pages show them.
/** "SG" -> "Singapore", in English like the form's country list. */
export const countryName = (code: string): string => {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
};
