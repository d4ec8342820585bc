import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { formatFen } from '@linli/shared/money';
import { orderStatusLabels, type OrderDetail } from '@linli/shared/schemas/order';
import { errorText } from '../../../api/api-error';
import { mediaUrl } from '../../../api/client';
import { getOrder } from '../../../api/orders';
import { Countdown } from '../../../components/countdown';
import { StatusView } from '../../../components/status-view';
import { refundableUnits } from '../../../orders/after-sale-form';
import { moneyRows } from '../../../orders/money-breakdown';
import { OrderActionBar } from '../../../orders/order-action-bar';
import { actionsFor } from '../../../orders/order-actions';
import { statusHints } from '../../../orders/status-hint';
import { timelineOf } from '../../../orders/timeline';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';
import { shopPage } from '../../../components/shop-page';
import { pages } from '../../../routes';
import './index.scss';

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; order: OrderDetail };

function copyOrderNo(orderNo: string) {
  void Taro.setClipboardData({ data: orderNo }).then(() => Taro.showToast({ title: '订单编号已复制', icon: 'none' }));
}

function OrderDetailView({ order, reload }: { order: OrderDetail; reload: () => void }) {
  const { address } = order;
  const actions = actionsFor({ ...order, refundableUnits: refundableUnits(order.lines) }, Date.now());
  const timeline = timelineOf(order.events);
  return (
    <View className={`order-detail${actions.length > 0 ? ' order-detail--with-actions' : ''}`}>
      <View className={`order-banner order-banner--${order.status}`}>
        <Text className='order-status'>{orderStatusLabels[order.status]}</Text>
        <Text className='order-banner__hint'>{statusHints[order.status]}</Text>
        {order.status === 'pending_payment' && order.expiresAt !== null && (
          <View className='order-banner__countdown'>
            <Text>剩余支付时间 </Text>
            <Countdown className='order-countdown' expiresAt={order.expiresAt} ended='支付已超时' />
          </View>
        )}
      </View>

      {order.carrier !== null && order.trackingNo !== null && (
        <View className='order-section order-tracking'>
          <Text className='order-tracking__carrier'>{order.carrier}</Text>
          <Text className='order-tracking__no'>运单号 {order.trackingNo}</Text>
        </View>
      )}

      <View className='order-section order-address'>
        <View className='order-address__who'>
          <Text className='order-address__name'>{address.name}</Text>
          <Text className='order-address__phone'>{address.phone}</Text>
        </View>
        <Text className='order-address__detail'>{`${address.province}${address.city}${address.district}${address.detail}`}</Text>
      </View>

      <View className='order-section'>
        {order.lines.map((line) => (
          <View key={line.id} className='order-line'>
            {line.image === '' ? <View className='order-line__image' /> : <Image className='order-line__image' src={mediaUrl(line.image)} mode='aspectFill' />}
            <View className='order-line__info'>
              <Text className='order-line__title'>{line.title}</Text>
              {line.specText !== '' && <Text className='order-line__spec'>{line.specText}</Text>}
              <View className='order-line__price'>
                <Text>{formatFen(line.chargedUnitPrice)}</Text>
                <Text className='order-line__quantity'>×{line.quantity}</Text>
              </View>
              {line.refundedQuantity > 0 && (
                <Text className='order-line__refund'>
                  已退 {line.refundedQuantity} 件 · {formatFen(line.refundedAmount)}
                </Text>
              )}
            </View>
          </View>
        ))}
        <View className='order-money'>
          {moneyRows(order).map((row) => (
            <View key={row.label} className={`order-money__row order-money__row--${row.tone}`}>
              <Text>{row.label}</Text>
              <Text className={row.tone === 'total' ? 'order-payable' : ''}>{row.value}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='order-section order-info'>
        <View className='order-info__row'>
          <Text className='order-info__label'>订单编号</Text>
          <Text className='order-no'>{order.orderNo}</Text>
          <Text className='order-info__copy' onClick={() => copyOrderNo(order.orderNo)}>
            复制
          </Text>
        </View>
        <View className='order-info__row'>
          <Text className='order-info__label'>下单时间</Text>
          <Text>{shanghaiDateTime(order.createdAt)}</Text>
        </View>
        {order.paidAt !== null && (
          <View className='order-info__row'>
            <Text className='order-info__label'>支付时间</Text>
            <Text>{shanghaiDateTime(order.paidAt)}</Text>
          </View>
        )}
        {order.remark !== '' && (
          <View className='order-info__row'>
            <Text className='order-info__label'>订单备注</Text>
            <Text>{order.remark}</Text>
          </View>
        )}
      </View>

      <View className='order-section order-timeline'>
        <Text className='order-section__title'>订单进度</Text>
        {timeline.map((entry, index) => (
          <View key={index} className={`order-timeline__item${index === 0 ? ' order-timeline__item--latest' : ''}`}>
            <View className='order-timeline__dot' />
            <View className='order-timeline__body'>
              <Text className='order-timeline__title'>{entry.title}</Text>
              {entry.note !== '' && <Text className='order-timeline__note'>{entry.note}</Text>}
              <Text className='order-timeline__time'>{entry.time}</Text>
            </View>
          </View>
        ))}
      </View>

      <OrderActionBar className='order-detail__actions' order={order} actions={actions} changed={reload} />
    </View>
  );
}

function OrderDetailPage() {
  const { params } = useRouter<{ id?: string }>();
  const id = params.id ?? '';
  const [state, setState] = useState<State>({ phase: 'loading' });
  const loaded = useRef(false);

  // Shown again after paying, cancelling or asking for a refund elsewhere: always the fresh state.
  async function load(quiet: boolean) {
    if (!quiet) setState({ phase: 'loading' });
    try {
      setState({ phase: 'ready', order: await getOrder(id) });
      loaded.current = true;
    } catch (error) {
      const message = errorText(error, '加载失败，请稍后重试');
      if (quiet) void Taro.showToast({ title: message, icon: 'none' });
      else setState({ phase: 'error', message });
    }
  }

  useDidShow(() => {
    void load(loaded.current);
  });

  if (state.phase === 'loading') {
    return (
      <View className='order-detail-loading'>
        <View className='order-banner order-banner--skeleton' />
        <View className='order-section order-section--skeleton' />
        <View className='order-section order-section--skeleton' />
      </View>
    );
  }
  if (state.phase === 'error') {
    return <StatusView tone='error' title='订单加载失败' description={state.message} action={{ label: '重新加载', onTap: () => void load(false) }} />;
  }
  return <OrderDetailView order={state.order} reload={() => void load(true)} />;
}

export default shopPage(pages.order, OrderDetailPage);
