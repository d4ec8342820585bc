import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { formatFen } from '@linli/shared/money';
import type { PromoterMe } from '@linli/shared/schemas/promoters';
import type { Withdrawal } from '@linli/shared/schemas/withdrawals';
import { errorText } from '../../../api/api-error';
import { getPromoterMe } from '../../../api/promoter';
import { confirmWithdrawalInSandbox, listWithdrawals, refreshWithdrawal, requestWithdrawal } from '../../../api/withdrawals';
import { ListFooter } from '../../../components/list-footer';
import { StatusView } from '../../../components/status-view';
import { footerStateOf, phaseOf } from '../../../paging/paged-list';
import { endPullDownRefresh, usePagedList } from '../../../paging/use-paged-list';
import { newIdempotencyKey } from '../../../api/idempotency';
import { acceptTransferInWechat } from '../../../promoter/merchant-transfer';
import { checkWithdrawAmount, fenToYuanText, withdrawAllFen } from '../../../promoter/withdraw-amount';
import { receiptConfirmationOf, withdrawalStatusLabel } from '../../../promoter/withdrawal-status';
import { shopPage } from '../../../components/shop-page';
import { pages } from '../../../routes';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';
import './index.scss';

type MeState = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; me: PromoterMe };

const withdrawalId = (withdrawal: Withdrawal) => withdrawal.id;
const platform = process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5';

function WithdrawPage() {
  const [meState, setMeState] = useState<MeState>({ phase: 'loading' });
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  // One key per amount the shopper means to withdraw: a retry after a lost answer reuses it.
  const attempt = useRef<{ text: string; key: string } | null>(null);
  const list = usePagedList(listWithdrawals, withdrawalId);

  async function loadMe() {
    try {
      setMeState({ phase: 'ready', me: await getPromoterMe() });
    } catch (err) {
      setMeState({ phase: 'error', message: errorText(err) });
    }
  }

  useDidShow(() => {
    void loadMe();
    void list.load('first');
  });

  usePullDownRefresh(() => endPullDownRefresh(Promise.all([loadMe(), list.load('refresh')]).then(([, after]) => after)));

  useReachBottom(list.loadMoreOnScroll);

  if (meState.phase === 'loading') return <View className='withdraw-loading'>加载中…</View>;
  if (meState.phase === 'error') {
    return <StatusView tone='error' title='加载失败' description={meState.message} action={{ label: '重新加载', onTap: () => void loadMe() }} />;
  }
  const { me } = meState;
  const limits = { available: me.balances.available, minimum: me.minimumWithdrawal };

  async function submit() {
    const check = checkWithdrawAmount(amount, limits);
    if (!check.ok) {
      setError(check.message);
      return;
    }
    if (attempt.current?.text !== amount) attempt.current = { text: amount, key: newIdempotencyKey('w', Date.now()) };
    setError(null);
    setSubmitting(true);
    try {
      await requestWithdrawal(check.fen, attempt.current.key);
      attempt.current = null;
      setAmount('');
      void Taro.showToast({ title: '提现申请已提交', icon: 'success' });
      await Promise.all([loadMe(), list.load('refresh')]);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSubmitting(false);
    }
  }

  async function confirmReceipt(withdrawal: Withdrawal) {
    const how = receiptConfirmationOf(withdrawal, platform);
    if (how === null) return;
    if (how === 'open-in-wechat') {
      void Taro.showModal({ title: '请在微信中确认收款', content: '请打开邻里小程序，在提现记录中确认收款', showCancel: false });
      return;
    }
    setConfirming(withdrawal.id);
    try {
      if (how === 'sandbox') await confirmWithdrawalInSandbox(withdrawal.id);
      else if (withdrawal.merchantTransfer !== null) {
        await acceptTransferInWechat(withdrawal.merchantTransfer);
        await refreshWithdrawal(withdrawal.id);
      }
      await Promise.all([loadMe(), list.load('refresh')]);
    } catch (err) {
      void Taro.showToast({ title: errorText(err, '未完成确认收款'), icon: 'none' });
    } finally {
      setConfirming(null);
    }
  }

  const phase = phaseOf(list.state);
  return (
    <View className='withdraw-page'>
      <View className='withdraw-card'>
        <Text className='withdraw-card__label'>可提现余额</Text>
        <Text className='withdraw-card__available'>{formatFen(me.balances.available)}</Text>
        <View className='withdraw-form'>
          <Text className='withdraw-form__currency'>¥</Text>
          <Input
            className='withdraw-amount'
            type='digit'
            placeholder={`最低提现 ${formatFen(me.minimumWithdrawal)}`}
            value={amount}
            onInput={(e) => {
              setAmount(e.detail.value);
              setError(null);
            }}
          />
          <Text className='withdraw-form__all' onClick={() => setAmount(fenToYuanText(withdrawAllFen(me.balances.available)))}>
            全部
          </Text>
        </View>
        {error !== null && <Text className='withdraw-error'>{error}</Text>}
        <Button className='withdraw-submit' type='primary' block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          申请提现
        </Button>
        <Text className='withdraw-card__hint'>
          提现到微信零钱，单笔 {formatFen(me.minimumWithdrawal)} 起、低于 ¥2000.00，店铺审核后打款，到账前需在微信中确认收款。
        </Text>
      </View>

      <Text className='withdraw-history-title'>提现记录</Text>
      {phase === 'skeleton' && <View className='withdraw-loading'>加载中…</View>}
      {phase === 'error' && (
        <StatusView tone='error' title='提现记录加载失败' description={list.state.error?.message ?? '网络不给力，请稍后重试'} action={{ label: '重新加载', onTap: () => void list.load('first') }} />
      )}
      {phase === 'empty' && <View className='withdraw-empty'>还没有提现记录</View>}
      {phase === 'list' && (
        <>
          {list.state.items.map((withdrawal) => {
            const how = receiptConfirmationOf(withdrawal, platform);
            return (
              <View key={withdrawal.id} className='withdrawal-item'>
                <View className='withdrawal-item__row'>
                  <Text className='withdrawal-item__amount'>{formatFen(withdrawal.amount)}</Text>
                  <Text className={`withdrawal-item__status withdrawal-item__status--${withdrawal.status}`}>{withdrawalStatusLabel(withdrawal)}</Text>
                </View>
                <View className='withdrawal-item__row withdrawal-item__meta'>
                  <Text>{shanghaiDateTime(withdrawal.paidAt ?? withdrawal.createdAt)}</Text>
                  {withdrawal.failReason !== null && <Text>{withdrawal.failReason}</Text>}
                </View>
                {how !== null && (
                  <Button className='withdrawal-confirm' type='primary' size='small' loading={confirming === withdrawal.id} onClick={() => void confirmReceipt(withdrawal)}>
                    {how === 'sandbox' ? '模拟确认收款' : '确认收款'}
                  </Button>
                )}
              </View>
            );
          })}
          <ListFooter state={footerStateOf(list.state)} onLoadMore={() => void list.load('more')} />
        </>
      )}
    </View>
  );
}

export default shopPage(pages.withdraw, WithdrawPage);
