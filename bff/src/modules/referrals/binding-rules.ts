/** Only two levels ever earn commission, but a cycle can close further up, so look this far. */
export const inviterChainDepth = 10;

export interface BindingFacts {
  viewerId: string;
  sharerId: string;
  /** who already brought the viewer in, if anyone */
  viewerInviterId: string | null;
  viewerCreatedAt: Date;
  /** the sharer's inviter, that one's inviter, … (up to inviterChainDepth) */
  sharerInviterChain: readonly string[];
  now: Date;
  bindingDays: number;
}

export type BindingDecision =
  | { bind: true }
  | { bind: false; reason: 'already_bound' | 'self' | 'cycle' | 'established_account' };

/**
 * Whether opening the sharer's share brings the viewer in. First touch wins; nobody invites
 * themselves; no cycles; a shopper who has been here longer than the window was not brought in by it.
 */
export function decideBinding(facts: BindingFacts): BindingDecision {
  if (facts.viewerInviterId !== null) return { bind: false, reason: 'already_bound' };
  if (facts.viewerId === facts.sharerId) return { bind: false, reason: 'self' };
  if (facts.sharerInviterChain.includes(facts.viewerId)) return { bind: false, reason: 'cycle' };
  const ageMs = facts.now.getTime() - facts.viewerCreatedAt.getTime();
  if (ageMs >= facts.bindingDays * 86_400_000) return { bind: false, reason: 'established_account' };
  return { bind: true };
}
