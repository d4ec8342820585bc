import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { shareIdFromLanding } from '@linli/shared/share-landing';
import type { ShareOpened } from '@linli/shared/schemas/referrals';
import { track } from '../../analytics/track';
import { session } from '../../api/client';
import { openShare } from '../../api/shares';
import { pages, tabPages } from '../../routes';
import { landingTarget } from '../../sharing/landing-target';
import { shopPage } from '../../components/shop-page';
import './index.scss';

async function resolveShare(shareId: string): Promise<ShareOpened | null> {
  // Signed in, the open binds the visitor to the sharer; a failed login still lands, anonymously.
  await session.ensureSignedIn().catch(() => null);
  return openShare(shareId).catch(() => null);
}

/** Where share cards, poster codes (`scene`) and h5 share links (`s`) open; it forwards at once. */
function LandingPage() {
  useLoad(async (query: Record<string, string | undefined>) => {
    const shareId = shareIdFromLanding(query);
    if (shareId !== null) track({ name: 'share_open', shareId });
    const opened = shareId === null ? null : await resolveShare(shareId);
    const target = landingTarget(shareId, opened);
    if (tabPages.includes(target)) await Taro.switchTab({ url: target });
    else await Taro.redirectTo({ url: target });
  });

  return (
    <View className='landing'>
      <Text className='landing-loading'>正在打开分享…</Text>
    </View>
  );
}

export default shopPage(pages.landing, LandingPage);
