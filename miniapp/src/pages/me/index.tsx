import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { BaseEventOrig, ButtonProps } from '@tarojs/components';
import { Avatar } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import type { Me } from '@linli/shared/schemas/auth';
import type { OrderStatus } from '@linli/shared/schemas/order';
import { ApiError } from '../../api/api-error';
import { PRIVACY_DECLINED } from '../../api/auth-session';
import { mediaUrl } from '../../api/client';
import { bindPhone, getMe, updateMe, uploadAvatar } from '../../api/me';
import { StatusView } from '../../components/status-view';
import { ordersPage, pages } from '../../routes';
import { nicknameEdit } from './nickname';
import { shopPage } from '../../components/shop-page';
import './index.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

type State = { phase: 'loading' } | { phase: 'error'; message: string; code: string } | { phase: 'ready'; me: Me };

// Written here rather than imported from the order schema, which would pull TypeBox into the main package.
const orderEntries: { status: Extract<OrderStatus, 'pending_payment' | 'awaiting_group' | 'to_ship' | 'shipped'>; label: string; glyph: string }[] = [
  { status: 'pending_payment', label: '待付款', glyph: '付' },
  { status: 'awaiting_group', label: '待成团', glyph: '团' },
  { status: 'to_ship', label: '待发货', glyph: '发' },
  { status: 'shipped', label: '待收货', glyph: '收' },
];

const entries = [
  { key: 'coupons', label: '我的优惠券', url: pages.myCoupons },
  { key: 'coupon-centre', label: '领券中心', url: pages.couponCentre },
  { key: 'promoter', label: '推广中心', url: pages.promoter },
] as const;

function describe(error: unknown): { message: string; code: string } {
  if (error instanceof ApiError) return { message: error.message, code: error.code };
  return { message: '操作失败，请稍后重试', code: 'UNKNOWN' };
}

function toastError(error: unknown) {
  const { message, code } = describe(error);
  void Taro.showToast({ title: `${message}（${code}）`, icon: 'none', duration: 2500 });
}

function open(url: string) {
  void Taro.navigateTo({ url });
}

function MePage() {
  const [state, setState] = useState<State>({ phase: 'loading' });
  // After 不同意 the tab stays signed out on later visits; only the 登录 button asks again.
  const declined = useRef(false);

  async function load() {
    try {
      setState({ phase: 'ready', me: await getMe() });
      declined.current = false;
    } catch (error) {
      const failure = describe(error);
      declined.current = failure.code === PRIVACY_DECLINED;
      setState({ phase: 'error', ...failure });
    }
  }

  useDidShow(() => {
    if (!declined.current) void load();
  });

  function saved(me: Me) {
    setState({ phase: 'ready', me });
  }

  return (
    <View className='me-page'>
      {state.phase === 'loading' && <ProfileSkeleton />}
      {state.phase === 'error' &&
        (state.code === PRIVACY_DECLINED ? (
          <View className='me-profile me-profile--signed-out'>
            <Avatar className='me-avatar' size='large' />
            <View className='me-profile__text'>
              <Text className='me-nickname'>未登录</Text>
              <Text className='me-hint'>同意用户协议和隐私政策后即可登录</Text>
            </View>
            <Button className='me-sign-in' onClick={() => void load()}>
              登录
            </Button>
          </View>
        ) : (
          <StatusView tone='error' title='加载失败' description={`${state.message}（${state.code}）`} action={{ label: '重试', onTap: () => void load() }} />
        ))}
      {state.phase === 'ready' && <Profile me={state.me} onSaved={saved} />}
      {state.phase !== 'error' || state.code === PRIVACY_DECLINED ? <Shortcuts /> : null}
    </View>
  );
}

function ProfileSkeleton() {
  return (
    <View className='me-profile me-profile--loading'>
      <View className='me-profile__avatar-placeholder' />
      <View className='me-profile__line-placeholder' />
    </View>
  );
}

function Profile({ me, onSaved }: { me: Me; onSaved: (me: Me) => void }) {
  const [draft, setDraft] = useState(me.nickname);
  const avatar = <Avatar className='me-avatar' size='large' src={me.avatarUrl === '' ? '' : mediaUrl(me.avatarUrl)} />;

  async function chooseAvatar(event: BaseEventOrig<{ avatarUrl: string }>) {
    try {
      onSaved(await uploadAvatar(event.detail.avatarUrl));
    } catch (error) {
      toastError(error);
    }
  }

  async function saveNickname(typed: string) {
    const edit = nicknameEdit(me.nickname, typed);
    if (edit.kind === 'unchanged') return;
    if (edit.kind === 'invalid') {
      setDraft(me.nickname);
      void Taro.showToast({ title: edit.message, icon: 'none' });
      return;
    }
    try {
      onSaved(await updateMe({ nickname: edit.nickname }));
      void Taro.showToast({ title: '昵称已保存', icon: 'success' });
    } catch (error) {
      setDraft(me.nickname);
      toastError(error);
    }
  }

  async function phoneNumber(event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) {
    // No code: the shopper refused, or this WeChat cannot give one.
    const { code } = event.detail;
    if (code === undefined || code === '') {
      void Taro.showToast({ title: '未授权手机号', icon: 'none' });
      return;
    }
    try {
      onSaved(await bindPhone(code));
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    } catch (error) {
      toastError(error);
    }
  }

  return (
    <View className='me-profile'>
      {isWeapp ? (
        <Button className='me-avatar-chooser' openType='chooseAvatar' onChooseAvatar={(e: BaseEventOrig<{ avatarUrl: string }>) => void chooseAvatar(e)}>
          {avatar}
        </Button>
      ) : (
        avatar
      )}
      <View className='me-profile__text'>
        <Input
          className='me-nickname me-nickname-input'
          type={isWeapp ? 'nickname' : 'text'}
          value={draft}
          onInput={(e) => setDraft(e.detail.value)}
          placeholder='点击填写昵称'
          maxlength={32}
          onBlur={(e) => void saveNickname(e.detail.value)}
          onConfirm={(e) => void saveNickname(e.detail.value)}
        />
        {me.phoneMasked !== null ? (
          <Text className='me-phone'>手机号 {me.phoneMasked}</Text>
        ) : isWeapp ? (
          <Button className='me-bind-phone' openType='getPhoneNumber' onGetPhoneNumber={(e) => void phoneNumber(e)}>
            绑定手机号
          </Button>
        ) : (
          <Text className='me-bind-phone me-bind-phone--unavailable'>绑定手机号需在微信小程序中进行</Text>
        )}
      </View>
    </View>
  );
}

function Shortcuts() {
  return (
    <>
      <View className='me-orders'>
        <View className='me-orders__header'>
          <Text className='me-orders__title'>我的订单</Text>
          <Text className='me-orders__entry me-orders__entry--all' onClick={() => open(ordersPage())}>
            全部订单 ›
          </Text>
        </View>
        <View className='me-orders__grid'>
          {orderEntries.map((entry) => (
            <View key={entry.status} className={`me-orders__entry me-orders__entry--${entry.status}`} onClick={() => open(ordersPage(entry.status))}>
              <Text className='me-orders__icon'>{entry.glyph}</Text>
              <Text className='me-orders__label'>{entry.label}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='me-entries'>
        {entries.map((entry) => (
          <View key={entry.key} className={`me-entry me-entry--${entry.key}`} onClick={() => open(entry.url)}>
            <Text className='me-entry__label'>{entry.label}</Text>
            <Text className='me-entry__arrow'>›</Text>
          </View>
        ))}
      </View>
    </>
  );
}

export default shopPage(pages.me, MePage);
