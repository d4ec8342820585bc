/**
 * A page's query value as the shopper typed it. Route builders percent-encode values and the h5
 * router hands them over still encoded, so a Chinese category name or keyword is decoded here; a
 * value that is not valid percent-encoding is used as it is.
 */
export function routeParam(value: string | undefined): string {
  if (value === undefined) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
