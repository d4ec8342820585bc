import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { randomCode } from './random-code';
import { referralProfiles } from './tables';

/** No 0/O, 1/I/L: a code read aloud or typed from a poster is not mistaken for another. */
export const inviteCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const inviteCodeLength = 8;
const attempts = 5;

export const newInviteCode = () => randomCode(inviteCodeAlphabet, inviteCodeLength);

/**
 * The user's invite code, created on first need. `on conflict do nothing` covers both a concurrent
 * first request for the same user (their row then exists) and the rare clash with another user's
 * code (no row for this user yet: try another code).
 */
export async function ensureInviteCode(tx: Executor, userId: string, mint: () => string = newInviteCode): Promise<string> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const existing = await codeOf(tx, userId);
    if (existing) return existing;
    await tx.insert(referralProfiles).values({ userId, inviteCode: mint() }).onConflictDoNothing();
  }
  const created = await codeOf(tx, userId);
  if (!created) throw new Error(`no free invite code after ${attempts} attempts`);
  return created;
}

async function codeOf(tx: Executor, userId: string): Promise<string | null> {
  const [row] = await tx.select({ code: referralProfiles.inviteCode }).from(referralProfiles).where(eq(referralProfiles.userId, userId));
  return row?.code ?? null;
}

