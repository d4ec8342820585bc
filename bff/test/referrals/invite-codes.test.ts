import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { ensureInviteCode, inviteCodeAlphabet, newInviteCode } from '../../src/modules/referrals/invite-codes';
import { referralProfiles } from '../../src/modules/referrals/tables';
import { createShopper } from '../fixtures';
import { buildTestApp } from '../helper';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('invite codes', () => {
  it('mints codes of at most 8 characters from the unambiguous alphabet', () => {
    const codes = Array.from({ length: 500 }, newInviteCode);
    for (const code of codes) {
      expect(code.length).toBeLessThanOrEqual(8);
      expect([...code].every((c) => inviteCodeAlphabet.includes(c))).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives a shopper one code that stays the same on every later call', async () => {
    const shopper = await createShopper(app);
    const first = await ensureInviteCode(app.db, shopper.userId);
    expect(await ensureInviteCode(app.db, shopper.userId)).toBe(first);
    const rows = await app.db.select().from(referralProfiles).where(eq(referralProfiles.userId, shopper.userId));
    expect(rows).toHaveLength(1);
  });

  it('gives different shoppers different codes', async () => {
    const shoppers = await Promise.all(Array.from({ length: 20 }, (_, i) => createShopper(app, `code${i}`)));
    const codes = await Promise.all(shoppers.map((s) => ensureInviteCode(app.db, s.userId)));
    expect(new Set(codes).size).toBe(20);
  });

  it('tries another code when the first one drawn is already someone else’s', async () => {
    const holder = await createShopper(app);
    const taken = await ensureInviteCode(app.db, holder.userId, () => 'TAKEN234');
    const drawn = ['TAKEN234', 'FRESH567'];
    const newcomer = await createShopper(app);
    expect(await ensureInviteCode(app.db, newcomer.userId, () => drawn.shift()!)).toBe('FRESH567');
    expect(taken).toBe('TAKEN234');
  });
});
