import { randomInt } from 'node:crypto';

/** `length` characters drawn uniformly from `alphabet` with a cryptographic generator. */
export function randomCode(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
