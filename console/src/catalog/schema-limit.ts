/**
 * A limit as the shared schema declares it (maxLength, maximum, pattern…), so a form checks the same
 * number the BFF does without restating it. Throws at load when the schema stops declaring it.
 */
export function declared<T extends number | string>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the shared schema no longer declares ${what}`);
  return value;
}
