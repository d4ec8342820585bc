import { randomCode } from './random-code';

/**
 * 12 characters of 64 (72 random bits): not guessable, short enough for a wxacode scene (≤ 32), and
 * every character is one the scene allows.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const shareIdLength = 12;

export const newShareId = () => randomCode(alphabet, shareIdLength);
