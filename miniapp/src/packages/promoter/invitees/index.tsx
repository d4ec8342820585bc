import { Text, View } from '@tarojs/components';
import { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { Invitee } from '@linli/shared/schemas/referrals';
import { listInvitees } from '../../../api/promoter';
import { ListFooter } from '../../../components/list-footer';
import { StatusView } from '../../../components/status-view';
import { footerStateOf, phaseOf } from '../../../paging/paged-list';
import { endPullDownRefresh, usePagedList } from '../../../paging/use-paged-list';
import { shopPage } from '../../../components/shop-page';
import { pages } from '../../../routes';
import { shanghaiDate } from '@linli/shared/shanghai-time';
import './index.scss';

// Invitees carry no id (the BFF shows only a masked name): name and time together tell them apart.
const inviteeKey = (invitee: Invitee) => `${invitee.boundAt}:${invitee.nickname}`;

function InviteesPage() {
  const { state, load, loadMoreOnScroll } = usePagedList(listInvitees, inviteeKey);

  useLoad(() => {
    void load('first');
  });

  usePullDownRefresh(() => endPullDownRefresh(load('refresh')));

  useReachBottom(loadMoreOnScroll);

  const phase = phaseOf(state);
  return (
    <View className='invitees-page'>
      {phase === 'skeleton' && <View className='invitees-loading'>加载中…</View>}
      {phase === 'error' && (
        <StatusView tone='error' title='加载失败' description={state.error?.message ?? '网络不给力，请稍后重试'} action={{ label: '重新加载', onTap: () => void load('first') }} />
      )}
      {phase === 'empty' && <StatusView tone='empty' title='还没有邀请到好友' description='在推广中心邀请好友，好友通过你的分享注册后会出现在这里' />}
      {phase === 'list' && (
        <>
          {state.items.map((invitee) => (
            <View key={inviteeKey(invitee)} className='invitee-item'>
              <Text className='invitee-item__name'>{invitee.nickname}</Text>
              <Text className='invitee-item__date'>{shanghaiDate(invitee.boundAt)} 加入</Text>
            </View>
          ))}
          <ListFooter state={footerStateOf(state)} onLoadMore={() => void load('more')} />
        </>
      )}
    </View>
  );
}

export default shopPage(pages.invitees, InviteesPage);
