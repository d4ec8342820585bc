import { Image, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatFen } from '@linli/shared/money';
import { orderStatusLabels, type OrderSummary } from '@linli/shared/schemas/order';
import { mediaUrl } from '../../../api/client';
import { listOrders } from '../../../api/orders';
import { ListFooter } from '../../../components/list-footer';
import { StatusView } from '../../../components/status-view';
import { OrderActionBar } from '../../../orders/order-action-bar';
import { actionsFor } from '../../../orders/order-actions';
import { orderTabs, statusOf, tabFor, type OrderTab } from '../../../orders/order-tabs';
import { footerStateOf, phaseOf } from '../../../paging/paged-list';
import { endPullDownRefresh, usePagedList } from '../../../paging/use-paged-list';
import { orderPage, pages } from '../../../routes';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

const orderId = (order: OrderSummary) => order.id;

function OrderCard({ order, changed }: { order: OrderSummary; changed: () => void }) {
  return (
    <View className='order-card' data-order-id={order.id} onClick={() => void Taro.navigateTo({ url: orderPage(order.id) })}>
      <View className='order-card__head'>
        <Text className='order-card__no'>{order.orderNo}</Text>
        <Text className={`order-card__status order-card__status--${order.status}`}>{orderStatusLabels[order.status]}</Text>
      </View>
      <View className='order-card__body'>
        {order.cover === '' ? <View className='order-card__cover' /> : <Image className='order-card__cover' src={mediaUrl(order.cover)} mode='aspectFill' lazyLoad />}
        <View className='order-card__info'>
          <Text className='order-card__title'>{order.title}</Text>
          <Text className='order-card__count'>共 {order.itemCount} 件</Text>
        </View>
      </View>
      <View className='order-card__total'>
        <Text>实付款 </Text>
        <Text className='order-card__payable'>{formatFen(order.payable)}</Text>
      </View>
      <OrderActionBar className='order-card__actions' order={order} actions={actionsFor(order, Date.now())} changed={changed} />
    </View>
  );
}

function OrderListSkeleton() {
  return (
    <View className='order-skeleton'>
      {[0, 1, 2].map((i) => (
        <View key={i} className='order-skeleton__card'>
          <View className='order-skeleton__cover' />
          <View className='order-skeleton__lines'>
            <View className='order-skeleton__line' />
            <View className='order-skeleton__line order-skeleton__line--short' />
          </View>
        </View>
      ))}
    </View>
  );
}

function OrdersPage() {
  const { params } = useRouter<{ status?: string }>();
  const [tab, setTab] = useState<OrderTab>(() => tabFor(params.status));
  const fetchPage = useCallback((cursor: string | null) => listOrders(statusOf(tab), cursor), [tab]);
  const { state, load, loadMoreOnScroll } = usePagedList(fetchPage, orderId);

  // A new tab (and the first render) loads its first page; coming back to the page refreshes it,
  // so an order paid, cancelled or confirmed elsewhere shows its new state.
  useEffect(() => {
    void load('first');
  }, [load]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void load('refresh');
    shown.current = true;
  });

  usePullDownRefresh(() => endPullDownRefresh(load('refresh')));
  useReachBottom(loadMoreOnScroll);

  const refresh = () => void load('refresh');
  // Switching tabs keeps the old tab's orders in state until the new page arrives: show the skeleton instead.
  const phase = state.pending?.kind === 'first' ? 'skeleton' : phaseOf(state);
  return (
    <View className='orders-page'>
      <ScrollView className='order-tabs' scrollX enhanced showScrollbar={false}>
        {orderTabs.map((t) => (
          <View key={t.key} className={`order-tab order-tab--${t.key}${t.key === tab.key ? ' order-tab--active' : ''}`} onClick={() => setTab(t)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </ScrollView>
      {phase === 'skeleton' && <OrderListSkeleton />}
      {phase === 'error' && (
        <StatusView
          tone='error'
          title='订单加载失败'
          description={state.error?.message ?? '网络不给力，请稍后重试'}
          action={{ label: '重新加载', onTap: () => void load('first') }}
        />
      )}
      {phase === 'empty' && <StatusView tone='empty' title='暂无订单' description={tab.empty} />}
      {phase === 'list' && (
        <View className='order-list'>
          {state.items.map((order) => (
            <OrderCard key={order.id} order={order} changed={refresh} />
          ))}
          <ListFooter state={footerStateOf(state)} onLoadMore={() => void load('more')} />
        </View>
      )}
    </View>
  );
}

export default shopPage(pages.orders, OrdersPage);
