import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatFen } from '@linli/shared/money';
import type { PromoterBalances, PromoterMe } from '@linli/shared/schemas/promoters';
import type { MyReferral } from '@linli/shared/schemas/referrals';
import { errorText } from '../../../api/api-error';
import { applyAsPromoter, getMyReferral, getPromoterMe } from '../../../api/promoter';
import { StatusView } from '../../../components/status-view';
import { useShare } from '../../../hooks/use-share';
import { pages, posterPage } from '../../../routes';
import { copyShareLink, sharePath } from '../../../sharing/share-link';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

type State =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; me: PromoterMe; referral: MyReferral };

const balances: ReadonlyArray<{ key: keyof PromoterBalances; modifier: string; label: string }> = [
  { key: 'available', modifier: 'available', label: '可提现' },
  { key: 'pending', modifier: 'pending', label: '待结算' },
  { key: 'inFlight', modifier: 'in-flight', label: '提现中' },
  { key: 'withdrawn', modifier: 'withdrawn', label: '已提现' },
];

const applicationCopy: Record<'applied' | 'rejected' | 'revoked', string> = {
  applied: '申请已提交，店铺审核后即可推广赚佣金',
  rejected: '上次申请未通过，可以再次申请',
  revoked: '推广资格已被店铺收回，可以重新申请',
};

function PromoterCentrePage() {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [applying, setApplying] = useState(false);

  async function load(quiet: boolean) {
    if (!quiet) setState({ phase: 'loading' });
    try {
      const [me, referral] = await Promise.all([getPromoterMe(), getMyReferral()]);
      setState({ phase: 'ready', me, referral });
    } catch (error) {
      setState({ phase: 'error', message: errorText(error) });
    }
  }

  // Balances move while the shopper is away (a withdrawal paid, a commission settled).
  useDidShow(() => {
    void load(state.phase === 'ready');
  });

  const invite = useShare('invite', null);
  useShareAppMessage(() => {
    const title = '邻里好物，拼着买更划算';
    const fallback = pages.home;
    return { title, path: fallback, promise: invite('chat').then((id) => ({ title, path: sharePath(id, fallback) })) };
  });

  async function apply() {
    setApplying(true);
    try {
      await applyAsPromoter();
      await Taro.showToast({ title: '申请已提交', icon: 'success' });
      await load(true);
    } catch (error) {
      await Taro.showToast({ title: errorText(error), icon: 'none' });
    } finally {
      setApplying(false);
    }
  }

  if (state.phase === 'loading') return <View className='promoter-loading'>加载中…</View>;
  if (state.phase === 'error') {
    return <StatusView tone='error' title='推广中心加载失败' description={state.message} action={{ label: '重新加载', onTap: () => void load(false) }} />;
  }

  const { me, referral } = state;
  if (!me.isPromoter) {
    return (
      <View className='promoter-centre promoter-centre--guest'>
        <View className='promoter-apply'>
          <Text className='promoter-apply__title'>成为推广员</Text>
          <Text className='promoter-apply__text'>把喜欢的好物分享给朋友，朋友通过你的分享下单并确认收货后，你可以获得佣金，结算后提现到微信零钱。</Text>
          {me.mode === 'approved' ? (
            <>
              {me.status !== null && me.status !== 'approved' && <Text className='promoter-apply__status'>{applicationCopy[me.status]}</Text>}
              {me.status !== 'applied' && (
                <Button className='promoter-apply__button' type='primary' block loading={applying} onClick={() => void apply()}>
                  申请成为推广员
                </Button>
              )}
            </>
          ) : (
            <Text className='promoter-apply__status'>店铺暂未开放推广，敬请期待</Text>
          )}
        </View>
      </View>
    );
  }

  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <View className='promoter-centre'>
      <View className='promoter-balances'>
        {balances.map(({ key, modifier, label }) => (
          <View key={key} className={`promoter-balance promoter-balance--${modifier}`}>
            <Text className='promoter-balance__amount'>{formatFen(me.balances[key])}</Text>
            <Text className='promoter-balance__label'>{label}</Text>
          </View>
        ))}
      </View>

      <View className='promoter-invite'>
        <View className='promoter-invite__row'>
          <Text className='promoter-invite__label'>我的邀请码</Text>
          <Text className='promoter-invite-code'>{referral.inviteCode}</Text>
        </View>
        <Text className='promoter-invite__hint'>已邀请 {me.invitees} 位好友</Text>
        <View className='promoter-invite__actions'>
          {process.env.TARO_ENV === 'weapp' ? (
            <TaroButton className='promoter-invite__button' openType='share'>
              邀请好友
            </TaroButton>
          ) : (
            <TaroButton className='promoter-invite__button' onClick={() => void copyShareLink(invite('link'))}>
              复制邀请链接
            </TaroButton>
          )}
        </View>
      </View>

      <View className='promoter-entries'>
        <View className='promoter-entry promoter-entry--earnings' onClick={() => go(pages.earnings)}>
          <Text>佣金明细</Text>
          <Text className='promoter-entry__arrow'>›</Text>
        </View>
        <View className='promoter-entry promoter-entry--invitees' onClick={() => go(pages.invitees)}>
          <Text>我的邀请</Text>
          <Text className='promoter-entry__arrow'>{me.invitees} 人 ›</Text>
        </View>
        <View className='promoter-entry promoter-entry--withdraw' onClick={() => go(pages.withdraw)}>
          <Text>提现</Text>
          <Text className='promoter-entry__arrow'>›</Text>
        </View>
        <View className='promoter-entry promoter-entry--poster' onClick={() => go(posterPage('invite', ''))}>
          <Text>邀请海报</Text>
          <Text className='promoter-entry__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}

export default shopPage(pages.promoter, PromoterCentrePage);
