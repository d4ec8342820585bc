import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MyCoupon } from '@linli/shared/schemas/coupons';
import { listMyCoupons } from '../../../api/coupons';
import { chainPages, type PageFetcher } from '../../../coupons/chained-pages';
import { myCouponValidityText } from '@linli/shared/coupons/coupon-text';
import { ListFooter } from '../../../components/list-footer';
import { StatusView } from '../../../components/status-view';
import { footerStateOf, phaseOf } from '../../../paging/paged-list';
import { endPullDownRefresh, usePagedList, type PagedListHandle } from '../../../paging/use-paged-list';
import { pages } from '../../../routes';
import { CouponTicket } from '../ticket';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

type Tab = 'available' | 'used' | 'expired';

const tabs: { key: Tab; label: string; empty: string }[] = [
  { key: 'available', label: '可使用', empty: '暂无可使用的优惠券' },
  { key: 'used', label: '已使用', empty: '还没有用过优惠券' },
  { key: 'expired', label: '已过期', empty: '没有过期的优惠券' },
];

// 可使用 also lists coupons locked in an unpaid order (使用中): they come back if the order is cancelled.
const fetchers: Record<Tab, PageFetcher<MyCoupon>> = {
  available: chainPages<MyCoupon>([(cursor) => listMyCoupons('available', cursor), (cursor) => listMyCoupons('locked', cursor)]),
  used: (cursor) => listMyCoupons('used', cursor),
  expired: (cursor) => listMyCoupons('expired', cursor),
};

const couponId = (coupon: MyCoupon) => coupon.id;

function MyCouponsPage() {
  const [tab, setTab] = useState<Tab>('available');
  const lists: Record<Tab, PagedListHandle<MyCoupon>> = {
    available: usePagedList(fetchers.available, couponId),
    used: usePagedList(fetchers.used, couponId),
    expired: usePagedList(fetchers.expired, couponId),
  };
  const list = lists[tab];
  const { state, load, loadMoreOnScroll } = list;

  // A tab loads the first time it is opened; afterwards it keeps its list until pulled to refresh.
  const untouched = !state.loaded && state.pending === null && state.error === null;
  useEffect(() => {
    if (untouched) void load('first');
  }, [untouched, load]);

  usePullDownRefresh(() => endPullDownRefresh(load('refresh')));

  useReachBottom(loadMoreOnScroll);

  const phase = phaseOf(state);
  const current = tabs.find((t) => t.key === tab) ?? tabs[0];
  return (
    <View className='my-coupons'>
      <View className='my-coupons__tabs'>
        {tabs.map((t) => (
          <View
            key={t.key}
            className={`coupon-tab coupon-tab--${t.key}${t.key === tab ? ' coupon-tab--active' : ''}`}
            onClick={() => setTab(t.key)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <View className='my-coupons__list'>
        {phase === 'skeleton' &&
          [0, 1, 2].map((i) => <View key={i} className='my-coupons__skeleton-card' />)}
        {phase === 'error' && (
          <StatusView
            tone='error'
            title='优惠券加载失败'
            description={state.error?.message ?? '网络不给力，请稍后重试'}
            action={{ label: '重新加载', onTap: () => void load('first') }}
          />
        )}
        {phase === 'empty' && current !== undefined && (
          <StatusView
            tone='empty'
            title={current.empty}
            description='去领券中心看看，领到的券会出现在这里'
            action={{ label: '去领券中心', onTap: () => void Taro.navigateTo({ url: pages.couponCentre }) }}
          />
        )}
        {phase === 'list' && (
          <>
            {state.items.map((coupon) => (
              <MyCouponCard key={coupon.id} coupon={coupon} />
            ))}
            <ListFooter state={footerStateOf(state)} onLoadMore={() => void load('more')} />
          </>
        )}
      </View>
    </View>
  );
}

const stampText: Record<Exclude<MyCoupon['status'], 'available'>, string> = { locked: '使用中', used: '已使用', expired: '已过期' };

function MyCouponCard({ coupon }: { coupon: MyCoupon }) {
  const notes = [myCouponValidityText(coupon)];
  if (coupon.status === 'locked') notes.push('已用于一笔待付款订单，取消订单后可再用');
  return (
    <CouponTicket
      coupon={coupon}
      block='my-coupon'
      modifiers={[`my-coupon--${coupon.status}`]}
      muted={coupon.status === 'used' || coupon.status === 'expired'}
      notes={notes}
    >
      {coupon.status === 'available' ? (
        <Button className='ticket-action ticket-action--outline my-coupon__use' onClick={() => void Taro.switchTab({ url: pages.home })}>
          去使用
        </Button>
      ) : (
        <View className={`ticket-stamp my-coupon__stamp${coupon.status === 'locked' ? '' : ' ticket-stamp--grey'}`}>{stampText[coupon.status]}</View>
      )}
    </CouponTicket>
  );
}

export default shopPage(pages.myCoupons, MyCouponsPage);
