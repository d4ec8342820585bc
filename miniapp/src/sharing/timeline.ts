import { inviteCodePattern } from '@linli/shared/schemas/referrals';
import { shareQueryKey } from '@linli/shared/share-landing';
import { toQueryString } from '../api/query-string';

/** The query parameter a timeline post carries the sharer's invite code in. */
export const timelineCodeKey = 'tc';

/**
 * The query a timeline post (朋友圈) opens this page with. WeChat asks for it synchronously, so it
 * cannot carry a freshly minted share id: it carries the sharer's invite code, when known.
 */
export function timelineQuery(targetId: string, inviteCode: string | null): string {
  return toQueryString({ id: targetId, [timelineCodeKey]: inviteCode }).slice(1);
}

/**
 * The sharer's invite code when this visit came from a timeline post, else null. A share id (`s`)
 * wins: that visit was already recorded by the landing page. A code that cannot be one is ignored.
 */
export function timelineArrival(params: Readonly<Record<string, string | undefined>>): string | null {
  const code = params[timelineCodeKey];
  if (params[shareQueryKey] !== undefined && params[shareQueryKey] !== '') return null;
  return code !== undefined && inviteCodePattern.test(code) ? code : null;
}
