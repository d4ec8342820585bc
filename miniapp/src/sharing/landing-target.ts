import type { ShareOpened } from '@linli/shared/schemas/referrals';
import { groupPage, pages, productPage } from '../routes';

/**
 * Where a share lands: the shared product or group (carrying the share id on, so an order placed
 * there is attributed), or the home page for an invitation, an unknown share or no share at all.
 */
export function landingTarget(shareId: string | null, opened: ShareOpened | null): string {
  if (shareId === null || opened === null || opened.targetId === null) return pages.home;
  if (opened.kind === 'product') return productPage(opened.targetId, { shareId });
  if (opened.kind === 'group') return groupPage(opened.targetId, shareId);
  return pages.home;
}
