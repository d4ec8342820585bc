import { Button, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { CentreCoupon } from '@linli/shared/schemas/coupons';
import { ApiError } from '../../../api/api-error';
import { PRIVACY_DECLINED } from '../../../api/auth-session';
import { claimCoupon, getCouponCentre } from '../../../api/coupons';
import { afterClaim, centreCouponState, centreStockText } from '../../../coupons/centre-state';
import { centreValidityText } from '@linli/shared/coupons/coupon-text';
import { StatusView } from '../../../components/status-view';
import { pages } from '../../../routes';
import { CouponTicket } from '../ticket';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

type State =
  | { phase: 'loading' }
  | { phase: 'error'; message: string; code: string }
  | { phase: 'ready'; coupons: CentreCoupon[] };

function errorOf(error: unknown): { message: string; code: string } {
  if (error instanceof ApiError) return { message: error.message, code: error.code };
  return { message: '加载失败，请稍后重试', code: 'UNKNOWN' };
}

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

function CouponCentrePage() {
  const [state, setState] = useState<State>({ phase: 'loading' });
  // A second tap while a claim is on the wire would only earn a COUPON_LIMIT_REACHED.
  const claiming = useRef(new Set<string>());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  async function load(showSpinner: boolean): Promise<boolean> {
    if (showSpinner) setState({ phase: 'loading' });
    try {
      setState({ phase: 'ready', coupons: (await getCouponCentre()).items });
      return true;
    } catch (error) {
      // Keep what is shown on a failed pull-to-refresh; the toast says why.
      if (showSpinner) setState({ phase: 'error', ...errorOf(error) });
      else toast(`${errorOf(error).message}（${errorOf(error).code}）`);
      return false;
    }
  }

  useLoad(() => {
    void load(true);
  });

  usePullDownRefresh(async () => {
    await load(false);
    Taro.stopPullDownRefresh();
  });

  function replace(updated: CentreCoupon) {
    setState((current) =>
      current.phase === 'ready'
        ? { ...current, coupons: current.coupons.map((c) => (c.templateId === updated.templateId ? updated : c)) }
        : current,
    );
  }

  async function claim(coupon: CentreCoupon) {
    if (claiming.current.has(coupon.templateId)) return;
    claiming.current.add(coupon.templateId);
    setBusy(new Set(claiming.current));
    try {
      await claimCoupon(coupon.templateId);
      replace(afterClaim(coupon));
      void Taro.showToast({ title: '领取成功', icon: 'success' });
    } catch (error) {
      const { message, code } = errorOf(error);
      toast(`${message}（${code}）`);
      // Sold out or limit reached under us: the centre's own answer shows the card as it now is.
      if (error instanceof ApiError && error.status === 409) await load(false);
    } finally {
      claiming.current.delete(coupon.templateId);
      setBusy(new Set(claiming.current));
    }
  }

  return (
    <View className='coupon-centre'>
      {state.phase === 'loading' && (
        <View className='coupon-centre__skeleton'>
          {[0, 1, 2].map((i) => (
            <View key={i} className='coupon-centre__skeleton-card' />
          ))}
        </View>
      )}
      {state.phase === 'error' &&
        (state.code === PRIVACY_DECLINED ? (
          <StatusView
            tone='empty'
            title='登录后领券'
            description='同意用户协议和隐私政策并登录后，即可领取店铺优惠券'
            action={{ label: '登录领券', onTap: () => void load(true) }}
          />
        ) : (
          <StatusView
            tone='error'
            title='领券中心加载失败'
            description={`${state.message}（${state.code}）`}
            action={{ label: '重新加载', onTap: () => void load(true) }}
          />
        ))}
      {state.phase === 'ready' && state.coupons.length === 0 && (
        <StatusView tone='empty' title='暂无可领的优惠券' description='店铺正在准备新的优惠，过几天再来看看' />
      )}
      {state.phase === 'ready' &&
        state.coupons.map((coupon) => (
          <CentreCard key={coupon.templateId} coupon={coupon} claiming={busy.has(coupon.templateId)} onClaim={() => void claim(coupon)} />
        ))}
    </View>
  );
}

function CentreCard({ coupon, claiming, onClaim }: { coupon: CentreCoupon; claiming: boolean; onClaim: () => void }) {
  const state = centreCouponState(coupon);
  const modifiers = [`centre-coupon--${state}`, coupon.claimedByMe > 0 ? 'centre-coupon--claimed' : ''];
  return (
    <CouponTicket
      coupon={coupon}
      block='centre-coupon'
      modifiers={modifiers}
      muted={state === 'sold_out'}
      notes={[centreValidityText(coupon), centreStockText(coupon)]}
    >
      {state === 'held' && <View className='ticket-stamp centre-coupon__stamp'>已领取</View>}
      {state === 'claimable' && (
        <Button className='ticket-action ticket-action--primary centre-coupon__claim' loading={claiming} disabled={claiming} onClick={onClaim}>
          {coupon.claimedByMe > 0 ? '再领一张' : '立即领取'}
        </Button>
      )}
      {state === 'held' && (
        <Button className='ticket-action ticket-action--outline centre-coupon__use' onClick={() => void Taro.switchTab({ url: pages.home })}>
          去使用
        </Button>
      )}
      {state === 'sold_out' && <View className='ticket-action ticket-action--disabled centre-coupon__status'>已抢光</View>}
      {state === 'not_started' && <View className='ticket-action ticket-action--disabled centre-coupon__status'>未开始</View>}
    </CouponTicket>
  );
}

export default shopPage(pages.couponCentre, CouponCentrePage);
