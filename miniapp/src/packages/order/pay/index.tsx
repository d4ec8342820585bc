import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter, useUnload } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { formatFen } from '@linli/shared/money';
import type { OrderDetail } from '@linli/shared/schemas/order';
import { errorCode, errorText } from '../../../api/api-error';
import { confirmSandboxPayment, getOrder, startPayment } from '../../../api/checkout';
import { payPhaseOf, paymentSettled } from '../../../checkout/pay-phase';
import { payActionFor, payButtonLabel, payInWechat } from '../../../checkout/pay-platform';
import { pollUntil, sleep } from '../../../checkout/poll';
import { Countdown } from '../../../components/countdown';
import { StatusView } from '../../../components/status-view';
import { groupPage, orderPage, pages } from '../../../routes';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

const platform = process.env.TARO_ENV;

/** Where the shopper is in paying: nothing yet, at the cashier, waiting for the notify, or stopped. */
type Step =
  | { kind: 'idle' }
  | { kind: 'paying' }
  | { kind: 'confirming' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }
  | { kind: 'unconfirmed' };

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; order: OrderDetail };

// The payment notify reaches the BFF on its own time: ask once a second, for at most 15 s.
const POLL = { intervalMs: 1000, timeoutMs: 15_000 };

function PayPage() {
  const { params } = useRouter<{ id?: string }>();
  const orderId = params.id ?? '';
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const gone = useRef(false);

  async function load() {
    setState({ phase: 'loading' });
    try {
      setState({ phase: 'ready', order: await getOrder(orderId) });
    } catch (error) {
      setState({ phase: 'error', message: errorText(error) });
    }
  }

  useLoad(() => {
    void load();
  });
  useUnload(() => {
    gone.current = true;
  });

  async function confirmPayment() {
    setStep({ kind: 'confirming' });
    const result = await pollUntil({ load: () => getOrder(orderId), isDone: paymentSettled, ...POLL, sleep, now: Date.now, isCancelled: () => gone.current });
    if (result.done) {
      setState({ phase: 'ready', order: result.value });
      setStep({ kind: 'idle' });
    } else {
      setStep({ kind: 'unconfirmed' });
    }
  }

  async function pay() {
    if (step.kind === 'paying' || step.kind === 'confirming') return;
    setStep({ kind: 'paying' });
    try {
      const action = payActionFor(platform, await startPayment(orderId));
      if (action.kind === 'unsupported') {
        setStep({ kind: 'failed', message: action.message });
        return;
      }
      if (action.kind === 'wechat') {
        const outcome = await payInWechat((requestPayment) => Taro.requestPayment(requestPayment), action.params);
        if (outcome.kind === 'cancelled') return setStep({ kind: 'cancelled' });
        if (outcome.kind === 'failed') return setStep({ kind: 'failed', message: outcome.message });
      } else {
        await confirmSandboxPayment(orderId);
      }
      await confirmPayment();
    } catch (error) {
      // Already paid (a notify beat us to it), closed or timed out: the order itself says which.
      const code = errorCode(error);
      if (code === 'ORDER_NOT_PAYABLE' || code === 'ORDER_EXPIRED') {
        await load();
        setStep({ kind: 'idle' });
        return;
      }
      setStep({ kind: 'failed', message: errorText(error) });
    }
  }

  if (state.phase === 'loading') return <View className='pay-loading'>加载中…</View>;
  if (state.phase === 'error') {
    return <StatusView tone='error' title='订单加载失败' description={state.message} action={{ label: '重新加载', onTap: () => void load() }} />;
  }

  const { order } = state;
  const phase = payPhaseOf(order, Date.now());
  if (phase === 'paid') return <PaySuccess order={order} />;
  if (phase !== 'awaiting_payment') {
    return (
      <View className='pay-page'>
        <View className='pay-closed'>
          <Text className='pay-closed__title'>{phase === 'expired' ? '订单已超时关闭' : '订单已关闭'}</Text>
          <Text className='pay-closed__note'>未付款的订单会自动取消，库存和优惠券已退回</Text>
          <View className='pay-actions'>
            <Button className='pay-view-order' onClick={() => void Taro.redirectTo({ url: orderPage(order.id) })}>
              查看订单
            </Button>
            <Button className='pay-home' type='primary' onClick={() => void Taro.switchTab({ url: pages.home })}>
              返回首页
            </Button>
          </View>
        </View>
      </View>
    );
  }

  const busy = step.kind === 'paying' || step.kind === 'confirming';
  return (
    <View className='pay-page'>
      <View className='pay-card'>
        <Text className='pay-card__label'>实付金额</Text>
        <Text className='pay-amount'>{formatFen(order.payable)}</Text>
        <View className='pay-card__countdown'>
          <Text>剩余支付时间 </Text>
          {order.expiresAt !== null && <Countdown className='pay-countdown' expiresAt={order.expiresAt} ended='已超时' />}
        </View>
        <Text className='pay-card__order-no'>订单编号：{order.orderNo}</Text>
      </View>

      {step.kind === 'confirming' && <Text className='pay-state pay-state--confirming'>正在确认支付结果…</Text>}
      {step.kind === 'cancelled' && <Text className='pay-state pay-state--cancelled'>你取消了支付，订单会保留到倒计时结束</Text>}
      {step.kind === 'failed' && <Text className='pay-state pay-state--failed'>{step.message}</Text>}
      {step.kind === 'unconfirmed' && (
        <View className='pay-state pay-state--unconfirmed'>
          <Text>暂未收到支付结果。如已付款，请稍后刷新，不要重复支付。</Text>
          <Button className='pay-refresh' size='small' onClick={() => void confirmPayment()}>
            刷新支付结果
          </Button>
        </View>
      )}

      {platform !== 'weapp' && <Text className='pay-sandbox-note'>测试环境：模拟支付不会真实扣款</Text>}
      <View className='pay-bar'>
        <Button className='pay-button' type='primary' block loading={busy} disabled={busy} onClick={() => void pay()}>
          {`${step.kind === 'idle' || step.kind === 'paying' ? '' : '重新'}${payButtonLabel(platform)} ${formatFen(order.payable)}`}
        </Button>
      </View>
    </View>
  );
}

function PaySuccess({ order }: { order: OrderDetail }) {
  const { groupId } = order;
  return (
    <View className='pay-page'>
      <View className='pay-success'>
        <View className='pay-success__icon'>
          <Text>✓</Text>
        </View>
        <Text className='pay-success__title'>支付成功</Text>
        <Text className='pay-success__amount'>{formatFen(order.payable)}</Text>
        {order.status === 'awaiting_group' && <Text className='pay-success__note'>拼团已开始，邀请好友一起参团，人满即发货</Text>}
        <View className='pay-actions'>
          <Button className='pay-view-order' onClick={() => void Taro.redirectTo({ url: orderPage(order.id) })}>
            查看订单
          </Button>
          {groupId !== null && (
            <Button className='pay-view-group' type='primary' onClick={() => void Taro.redirectTo({ url: groupPage(groupId) })}>
              查看拼团
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}

export default shopPage(pages.pay, PayPage);
