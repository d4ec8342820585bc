import { eq } from 'drizzle-orm';
import type { ReferralSettings } from '@linli/shared/schemas/promoters';
import type { Executor } from '../../db/client';
import { referralSettings } from './tables';

const columns = {
  promoterMode: referralSettings.promoterMode,
  level1RateBp: referralSettings.level1RateBp,
  level2Enabled: referralSettings.level2Enabled,
  level2RateBp: referralSettings.level2RateBp,
  minimumWithdrawal: referralSettings.minimumWithdrawal,
};

/** The shop's one settings row (the migration creates it). */
export async function loadReferralSettings(db: Executor): Promise<ReferralSettings> {
  const [row] = await db.select(columns).from(referralSettings).where(eq(referralSettings.id, 1));
  if (!row) throw new Error('referral_settings has no row: migrations not applied?');
  return row;
}

export async function saveReferralSettings(db: Executor, input: { settings: ReferralSettings; staffId: string; now: Date }): Promise<ReferralSettings> {
  const [row] = await db
    .update(referralSettings)
    .set({ ...input.settings, updatedBy: input.staffId, updatedAt: input.now })
    .where(eq(referralSettings.id, 1))
    .returning(columns);
  if (!row) throw new Error('referral_settings has no row: migrations not applied?');
  return row;
}
