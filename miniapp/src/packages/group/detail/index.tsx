import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { Avatar, Button, Progress } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { GroupDetail } from '@linli/shared/schemas/group-buys';
import { mediaUrl } from '../../../api/client';
import { getGroup } from '../../../api/group-buys';
import { Countdown } from '../../../components/countdown';
import { StatusView } from '../../../components/status-view';
import { useShare } from '../../../hooks/use-share';
import { useTimelineShare } from '../../../hooks/use-timeline-share';
import { groupPage, pages, posterPage, productPage } from '../../../routes';
import { copyShareLink, sharePath } from '../../../sharing/share-link';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; group: GroupDetail };

const statusText: Record<GroupDetail['status'], string> = {
  pending: '等待团长付款',
  open: '拼团中',
  succeeded: '拼团成功',
  failed: '拼团失败，已自动退款',
  abandoned: '团长未付款，已取消',
};

function GroupDetailPage() {
  const { params } = useRouter<{ id?: string; s?: string; tc?: string }>();
  const groupId = params.id ?? '';
  const timeline = useTimelineShare('group', groupId, params);
  const [state, setState] = useState<State>({ phase: 'loading' });

  async function load() {
    setState({ phase: 'loading' });
    try {
      setState({ phase: 'ready', group: await getGroup(groupId) });
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : '加载失败' });
    }
  }

  useLoad(() => {
    void load();
  });

  const open = state.phase === 'ready' && state.group.status === 'open';
  const share = useShare('group', open ? groupId : null);
  const title = state.phase === 'ready' ? `还差 ${state.group.missing} 人，快来和我一起拼「${state.group.campaignTitle}」` : '一起拼团';
  useShareAppMessage(() => {
    const fallback = groupPage(groupId);
    // WeChat waits up to 3 s for `promise`, then sends the card with `path`.
    return { title, path: fallback, promise: share('chat').then((id) => ({ title, path: sharePath(id, fallback) })) };
  });
  // A group has no picture of its own: WeChat shows the mini-program's icon.
  useShareTimeline(() => ({ title, query: timeline.query }));

  if (state.phase === 'loading') return <View className='group-loading'>加载中…</View>;
  if (state.phase === 'error') {
    return <StatusView tone='error' title='拼团加载失败' description={state.message} action={{ label: '重新加载', onTap: () => void load() }} />;
  }

  const { group } = state;
  const seats = Array.from({ length: group.size }, (_, i) => group.members[i] ?? null);
  const join = () => Taro.navigateTo({ url: productPage(group.productId, { shareId: timeline.arrivedVia, joinGroupId: group.id }) });

  return (
    <View className='group-page'>
      <View className='group-card'>
        <Text className='group-title'>{group.campaignTitle}</Text>
        <Text className={`group-status group-status--${group.status}`}>{statusText[group.status]}</Text>
        <Progress className='group-progress' percent={Math.round((group.paidCount / group.size) * 100)} />
        <Text className='group-missing'>
          {group.status === 'open' ? `还差 ${group.missing} 人成团` : `${group.paidCount}/${group.size} 人`}
        </Text>
        {group.status === 'open' && group.expiresAt !== null && (
          <View className='group-countdown'>
            <Text>剩余 </Text>
            <Countdown expiresAt={group.expiresAt} ended='已到期' />
          </View>
        )}
        <View className='group-members'>
          {seats.map((member, index) => (
            <View key={index} className='group-member'>
              {member ? (
                <Avatar className='group-member__avatar' src={member.avatarUrl === '' ? '' : mediaUrl(member.avatarUrl)} />
              ) : (
                <View className='group-member__empty'>?</View>
              )}
              <Text className='group-member__name'>{member ? `${member.isLeader ? '团长 ' : ''}${member.nickname}` : '待加入'}</Text>
            </View>
          ))}
        </View>
      </View>

      {group.status === 'open' && (
        <View className='group-actions'>
          <Button className='group-join' type='primary' block onClick={() => void join()}>
            参与拼团
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <TaroButton className='group-invite' openType='share'>
              邀请好友参团
            </TaroButton>
          ) : (
            <TaroButton className='group-invite' onClick={() => void copyShareLink(share('link'))}>
              复制链接邀请好友
            </TaroButton>
          )}
          <TaroButton className='group-poster' onClick={() => void Taro.navigateTo({ url: posterPage('group', group.id) })}>
            生成海报
          </TaroButton>
        </View>
      )}
      {group.status !== 'open' && (
        <View className='group-actions'>
          <Button className='group-view-product' block onClick={() => void Taro.navigateTo({ url: productPage(group.productId) })}>
            去看看商品
          </Button>
        </View>
      )}
    </View>
  );
}

export default shopPage(pages.group, GroupDetailPage);
