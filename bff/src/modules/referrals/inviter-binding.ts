import { and, eq, isNull, sql } from 'drizzle-orm';
import type { App } from '../../app';
import type { Transaction } from '../../db/client';
import { users } from '../users/tables';
import { decideBinding, inviterChainDepth, type BindingFacts } from './binding-rules';
import { ensureInviteCode } from './invite-codes';
import { referralProfiles } from './tables';

/** Serialises binding decisions only: two crossed bindings (A→B, B→A) must not both pass the cycle check. */
const bindingLockKey = 7411003;

/**
 * Binds the viewer to the sharer when the binding rules allow it. Returns whether this call bound
 * them. Most opens are by shoppers who can never be bound (already bound, old accounts): those are
 * decided without the lock.
 */
export async function bindViewerToSharer(app: App, viewerId: string, sharerId: string): Promise<boolean> {
  return app.db.transaction(async (tx) => {
    if (!decideBinding(await bindingFacts(app, tx, viewerId, sharerId)).bind) return false;
    await tx.execute(sql`select pg_advisory_xact_lock(${bindingLockKey})`);
    if (!decideBinding(await bindingFacts(app, tx, viewerId, sharerId)).bind) return false;
    await ensureInviteCode(tx, viewerId);
    // First touch wins: of several sharers racing for the same new shopper, one update matches.
    const bound = await tx
      .update(referralProfiles)
      .set({ inviterId: sharerId, boundAt: app.clock() })
      .where(and(eq(referralProfiles.userId, viewerId), isNull(referralProfiles.inviterId)))
      .returning({ userId: referralProfiles.userId });
    return bound.length === 1;
  });
}

async function bindingFacts(app: App, tx: Transaction, viewerId: string, sharerId: string): Promise<BindingFacts> {
  const [viewer] = await tx
    .select({ createdAt: users.createdAt, inviterId: referralProfiles.inviterId })
    .from(users)
    .leftJoin(referralProfiles, eq(referralProfiles.userId, users.id))
    .where(eq(users.id, viewerId));
  if (!viewer) throw new Error('viewer not found');
  const chain = await app.database.rows<{ inviter_id: string }>(
    tx,
    sql`with recursive chain(inviter_id, depth) as (
          select inviter_id, 1 from referral_profiles where user_id = ${sharerId} and inviter_id is not null
          union all
          select p.inviter_id, c.depth + 1 from referral_profiles p join chain c on p.user_id = c.inviter_id
          where p.inviter_id is not null and c.depth < ${inviterChainDepth}
        )
        select inviter_id::text from chain`,
  );
  return {
    viewerId,
    sharerId,
    viewerInviterId: viewer.inviterId ?? null,
    viewerCreatedAt: viewer.createdAt,
    sharerInviterChain: chain.map((r) => r.inviter_id),
    now: app.clock(),
    bindingDays: app.config.referrals.bindingDays,
  };
}
