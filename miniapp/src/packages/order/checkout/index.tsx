import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { formatFen } from '@linli/shared/money';
import type { CreateOrderBody, Quote, ShippingAddress } from '@linli/shared/schemas/order';
import { track } from '../../../analytics/track';
import { ApiError, errorCode, errorText } from '../../../api/api-error';
import { createOrder, getQuote } from '../../../api/checkout';
import { mediaUrl } from '../../../api/client';
import { draftFromChosen, emptyAddressDraft, validateAddress, type AddressDraft, type AddressErrors, type AddressField } from '../../../checkout/address-form';
import { newIdempotencyKey, sendWithKey } from '../../../api/idempotency';
import { lastAddress, rememberAddress, type KeyValueStorage } from '../../../checkout/last-address';
import { sleep } from '../../../checkout/poll';
import { checkoutOrderOf, type CheckoutOrder } from '../../../checkout/selection';
import { StatusView } from '../../../components/status-view';
import { checkoutPage, pages, payPage } from '../../../routes';
import { AddressCard, AddressForm } from './address-section';
import { CouponSheet } from './coupon-sheet';
import { PriceBreakdown } from './price-breakdown';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

const storage: KeyValueStorage = { get: (key) => Taro.getStorageSync(key), set: (key, value) => Taro.setStorageSync(key, value) };
const isWeapp = process.env.TARO_ENV === 'weapp';

/** `refreshing`: a new quote is on its way (the coupon changed); the order waits for it. */
type QuoteState = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; quote: Quote; refreshing: boolean };
/** undefined: let the BFF pick my best coupon; null: no coupon; an id: that coupon. */
type CouponChoice = string | null | undefined;

const modeTitles: Record<CheckoutOrder['mode'], string> = { single: '单独购买', 'open-group': '发起拼团', 'join-group': '参与拼团', cart: '购物车结算' };
const groupGoneCodes = new Set(['GROUP_FULL', 'GROUP_CLOSED']);
const couponCodes = new Set(['COUPON_UNAVAILABLE', 'COUPON_NOT_APPLICABLE']);

function CheckoutPage() {
  const { params } = useRouter<Record<string, string | undefined>>();
  const [order] = useState(() => checkoutOrderOf(params));
  const [quoteState, setQuoteState] = useState<QuoteState>({ phase: 'loading' });
  const [couponChoice, setCouponChoice] = useState<CouponChoice>(undefined);
  const [address, setAddress] = useState<ShippingAddress | null>(() => lastAddress(storage));
  const [editing, setEditing] = useState(() => !isWeapp && address === null);
  const [draft, setDraft] = useState<AddressDraft>(() => address ?? emptyAddressDraft);
  const [errors, setErrors] = useState<AddressErrors>({});
  const [remark, setRemark] = useState('');
  const [sheetOpen, setSheetOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // One key for this checkout: every retry of the same order reuses it, so it is placed at most once.
  const [idempotencyKey] = useState(() => newIdempotencyKey('co', Date.now()));
  const latestQuote = useRef(0);

  async function loadQuote(choice: CouponChoice) {
    if (order === null) return;
    const serial = ++latestQuote.current;
    setQuoteState((current) => (current.phase === 'ready' ? { ...current, refreshing: true } : { phase: 'loading' }));
    try {
      const quote = await getQuote({
        lines: order.lines,
        ...(choice === undefined ? {} : { userCouponId: choice }),
        ...(order.groupBuy ? { groupBuy: order.groupBuy } : {}),
      });
      if (serial === latestQuote.current) setQuoteState({ phase: 'ready', quote, refreshing: false });
    } catch (error) {
      if (serial !== latestQuote.current) return;
      if (choice !== undefined && error instanceof ApiError && couponCodes.has(error.code)) {
        // The chosen coupon went away (used elsewhere, expired): fall back to the best one left.
        void Taro.showToast({ title: '该优惠券已不可用', icon: 'none' });
        chooseCoupon(undefined);
        return;
      }
      setQuoteState({ phase: 'error', message: errorText(error) });
    }
  }

  function chooseCoupon(choice: CouponChoice) {
    setCouponChoice(choice);
    setSheetOpen(false);
    void loadQuote(choice);
  }

  useLoad(() => {
    void loadQuote(undefined);
  });

  function editField(field: AddressField, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    if (errors[field] !== undefined) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  /** The form's address if it passes the BFF's rules; otherwise the errors go beside the fields. */
  function saveDraft(): ShippingAddress | null {
    const checked = validateAddress(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return null;
    }
    setAddress(checked.address);
    setErrors({});
    setEditing(false);
    return checked.address;
  }

  function editByHand() {
    setDraft(address ?? emptyAddressDraft);
    setErrors({});
    setEditing(true);
  }

  async function pickAddress() {
    if (!isWeapp) {
      editByHand();
      return;
    }
    try {
      const chosen = draftFromChosen(await Taro.chooseAddress());
      const checked = validateAddress(chosen);
      setDraft(chosen);
      if (checked.ok) {
        setAddress(checked.address);
        setEditing(false);
      } else {
        setErrors(checked.errors);
        setEditing(true);
      }
    } catch (error) {
      const errMsg = typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : '';
      // Backing out of WeChat's list changes nothing; a refusal or an old client gets the form instead.
      if (!/cancel/.test(errMsg)) editByHand();
    }
  }

  async function submit(quote: Quote) {
    if (order === null || submitting) return;
    const target = editing ? saveDraft() : address;
    if (target === null) {
      void Taro.showToast({ title: '请先填写收货地址', icon: 'none' });
      if (!editing) void pickAddress();
      return;
    }
    const trimmedRemark = remark.trim();
    const body: CreateOrderBody = {
      lines: order.lines,
      address: target,
      ...(trimmedRemark === '' ? {} : { remark: trimmedRemark }),
      ...(order.fromCart ? { fromCart: true } : {}),
      ...(quote.appliedCoupon ? { userCouponId: quote.appliedCoupon.id } : {}),
      ...(order.shareId ? { shareId: order.shareId } : {}),
      ...(order.groupBuy ? { groupBuy: order.groupBuy } : {}),
    };
    setSubmitting(true);
    try {
      const placed = await sendWithKey(idempotencyKey, (key) => createOrder(body, key), { retries: 2, delayMs: 1000, sleep });
      rememberAddress(storage, target);
      track({ name: 'checkout', amount: quote.payable, itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0) });
      await Taro.redirectTo({ url: payPage(placed.id) });
    } catch (error) {
      setSubmitting(false);
      await explainRefusal(error);
    }
  }

  async function explainRefusal(error: unknown) {
    const code = errorCode(error);
    const line = order?.lines[0];
    if (order?.mode === 'join-group' && order.groupBuy && line && code !== null && groupGoneCodes.has(code)) {
      const { confirm } = await Taro.showModal({ title: '无法参团', content: errorText(error), confirmText: '发起新团', cancelText: '再看看' });
      if (confirm) {
        await Taro.redirectTo({
          url: checkoutPage({ mode: 'open-group', skuId: line.skuId, quantity: line.quantity, campaignId: order.groupBuy.campaignId, shareId: order.shareId }),
        });
      }
      return;
    }
    void Taro.showModal({ title: '下单失败', content: errorText(error), showCancel: false });
    // Stock, prices and coupons may have moved since the quote: show the shopper the order as it now stands.
    if (code !== null && code !== 'NETWORK_ERROR') chooseCoupon(couponCodes.has(code) ? undefined : couponChoice);
  }

  if (order === null) {
    return <StatusView tone='error' title='没有要结算的商品' description='链接不完整，请返回重新选择商品' />;
  }
  if (quoteState.phase === 'loading') return <View className='checkout-loading'>正在计算价格…</View>;
  if (quoteState.phase === 'error') {
    return <StatusView tone='error' title='无法结算' description={quoteState.message} action={{ label: '重新加载', onTap: () => void loadQuote(couponChoice) }} />;
  }

  const { quote, refreshing } = quoteState;
  return (
    <View className='checkout-page'>
      <View className='checkout-section'>
        {editing ? (
          <AddressForm draft={draft} errors={errors} onChange={editField} onSave={() => void saveDraft()} onCancel={address ? () => setEditing(false) : undefined} />
        ) : address ? (
          <AddressCard address={address} onTap={() => void pickAddress()} />
        ) : (
          <View className='checkout-address-empty'>
            <Text className='checkout-address-empty__pick' onClick={() => void pickAddress()}>
              + 选择收货地址
            </Text>
            <Text className='checkout-address-empty__manual' onClick={editByHand}>
              手动填写
            </Text>
          </View>
        )}
      </View>

      <View className='checkout-section'>
        <Text className='checkout-mode'>{modeTitles[order.mode]}</Text>
        {quote.lines.map((line) => (
          <View key={line.skuId} className='checkout-line'>
            <Image className='checkout-line__image' src={mediaUrl(line.image)} mode='aspectFill' />
            <View className='checkout-line__body'>
              <Text className='checkout-line__title'>{line.title}</Text>
              {line.specText !== '' && <Text className='checkout-line__spec'>{line.specText}</Text>}
              <View className='checkout-line__bottom'>
                <View className='checkout-line__prices'>
                  <Text className='checkout-line__price'>{formatFen(line.chargedUnitPrice)}</Text>
                  {line.chargedUnitPrice < line.unitPrice && <Text className='checkout-line__list-price'>{formatFen(line.unitPrice)}</Text>}
                </View>
                <Text className='checkout-line__quantity'>×{line.quantity}</Text>
              </View>
            </View>
          </View>
        ))}
      </View>

      <View className='checkout-section'>
        <View className='checkout-cell checkout-coupon' onClick={() => setSheetOpen(true)}>
          <Text className='checkout-cell__label'>优惠券</Text>
          <Text className={`checkout-coupon__value${quote.appliedCoupon ? ' checkout-coupon__value--applied' : ''}`}>
            {quote.appliedCoupon ? quote.appliedCoupon.title : '不使用'}
          </Text>
          <Text className='checkout-cell__arrow'>›</Text>
        </View>
        <View className='checkout-cell checkout-remark'>
          <Text className='checkout-cell__label'>备注</Text>
          <Input className='checkout-remark__input' value={remark} maxlength={200} placeholder='选填，给商家留言' onInput={(event) => setRemark(event.detail.value)} />
        </View>
      </View>

      <View className='checkout-section'>
        <PriceBreakdown quote={quote} />
      </View>

      <View className='checkout-bar'>
        <View className='checkout-bar__total'>
          <Text>实付</Text>
          <Text className='checkout-payable'>{formatFen(quote.payable)}</Text>
        </View>
        <Button className='checkout-submit' type='primary' loading={submitting} disabled={submitting || refreshing} onClick={() => void submit(quote)}>
          提交订单
        </Button>
      </View>

      {sheetOpen && (
        <CouponSheet
          options={quote.couponOptions}
          appliedId={quote.appliedCoupon?.id ?? null}
          onChoose={chooseCoupon}
          onClose={() => setSheetOpen(false)}
        />
      )}
    </View>
  );
}

export default shopPage(pages.checkout, CheckoutPage);
