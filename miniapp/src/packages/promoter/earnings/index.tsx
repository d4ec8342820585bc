import { Text, View } from '@tarojs/components';
import { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { formatFen } from '@linli/shared/money';
import type { CommissionEntry, CommissionStatus } from '@linli/shared/schemas/promoters';
import { listCommissions } from '../../../api/promoter';
import { ListFooter } from '../../../components/list-footer';
import { StatusView } from '../../../components/status-view';
import { footerStateOf, phaseOf } from '../../../paging/paged-list';
import { endPullDownRefresh, usePagedList } from '../../../paging/use-paged-list';
import { commissionKept, commissionLevelLabel, commissionStatusLabel, commissionTabs } from '../../../promoter/display';
import { shopPage } from '../../../components/shop-page';
import { pages } from '../../../routes';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';
import './index.scss';

const commissionId = (entry: CommissionEntry) => entry.id;

const emptyCopy: Record<CommissionStatus, string> = {
  pending: '好友下单后佣金会先出现在这里，确认收货且售后期结束后结算',
  settled: '结算后的佣金可以提现到微信零钱',
  reversed: '订单退款后对应的佣金会失效',
};

function EarningsPage() {
  const [status, setStatus] = useState<CommissionStatus>('pending');
  const fetchPage = useCallback((cursor: string | null) => listCommissions(status, cursor), [status]);
  const { state, load, loadMoreOnScroll } = usePagedList(fetchPage, commissionId);

  // A new tab is a new list: the first load supersedes whatever the last tab had in flight.
  useEffect(() => {
    void load('first');
  }, [load]);

  usePullDownRefresh(() => endPullDownRefresh(load('refresh')));

  useReachBottom(loadMoreOnScroll);

  const phase = phaseOf(state);
  return (
    <View className='earnings-page'>
      <View className='commission-tabs'>
        {commissionTabs.map((tab) => (
          <View
            key={tab.status}
            className={`commission-tab commission-tab--${tab.status}${tab.status === status ? ' commission-tab--active' : ''}`}
            onClick={() => setStatus(tab.status)}
          >
            {tab.label}
          </View>
        ))}
      </View>
      {phase === 'skeleton' && <View className='earnings-loading'>加载中…</View>}
      {phase === 'error' && (
        <StatusView tone='error' title='加载失败' description={state.error?.message ?? '网络不给力，请稍后重试'} action={{ label: '重新加载', onTap: () => void load('first') }} />
      )}
      {phase === 'empty' && <StatusView tone='empty' title={`暂无${commissionStatusLabel(status)}佣金`} description={emptyCopy[status]} />}
      {phase === 'list' && (
        <>
          {state.items.map((entry) => (
            <View key={entry.id} className='commission-item'>
              <View className='commission-item__row'>
                <Text className='commission-item__title'>{entry.productTitle}</Text>
                <Text className='commission-item__amount'>{formatFen(commissionKept(entry))}</Text>
              </View>
              <View className='commission-item__row commission-item__meta'>
                <Text>
                  <Text className='commission-item__level'>{commissionLevelLabel(entry.level)}</Text> · 买家 {entry.buyerNickname} · 订单 {entry.orderNo}
                </Text>
                <Text className={`commission-item__status commission-item__status--${entry.status}`}>{commissionStatusLabel(entry.status)}</Text>
              </View>
              <View className='commission-item__row commission-item__meta'>
                <Text>{shanghaiDateTime(entry.settledAt ?? entry.createdAt)}</Text>
                {entry.reversedAmount > 0 && <Text>退款扣回 {formatFen(entry.reversedAmount)}</Text>}
              </View>
            </View>
          ))}
          <ListFooter state={footerStateOf(state)} onLoadMore={() => void load('more')} />
        </>
      )}
    </View>
  );
}

export default shopPage(pages.earnings, EarningsPage);
