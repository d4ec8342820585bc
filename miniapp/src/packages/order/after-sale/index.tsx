import { Button, Image, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatFen } from '@linli/shared/money';
import { orderStatusLabels, type AfterSale, type OrderDetail, type OrderLine } from '@linli/shared/schemas/order';
import { errorText } from '../../../api/api-error';
import { mediaUrl } from '../../../api/client';
import { getOrder, listAfterSales, requestAfterSale } from '../../../api/orders';
import { StatusView } from '../../../components/status-view';
import {
  clampQuantity,
  commonReasons,
  detailLimit,
  emptyAfterSaleForm,
  refundableQuantity,
  refundableUnits,
  validateAfterSale,
  type AfterSaleErrors,
  type AfterSaleForm,
} from '../../../orders/after-sale-form';
import { afterSaleStatusLabels, openRequestOf } from '../../../orders/after-sale-status';
import { actionsFor } from '../../../orders/order-actions';
import { orderPage, pages } from '../../../routes';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';
import { shopPage } from '../../../components/shop-page';
import './index.scss';

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; order: OrderDetail; requests: AfterSale[] };


function RequestStatus({ request }: { request: AfterSale }) {
  return (
    <View className={`after-sale-status after-sale-status--${request.status}`}>
      <Text className='after-sale-status__label'>{afterSaleStatusLabels[request.status]}</Text>
      <Text className='after-sale-status__row'>退款金额 {formatFen(request.amount)}</Text>
      <Text className='after-sale-status__row'>售后原因 {request.reason}</Text>
      {request.decisionNote !== '' && <Text className='after-sale-status__row'>商家说明 {request.decisionNote}</Text>}
      <Text className='after-sale-status__row'>申请时间 {shanghaiDateTime(request.createdAt)}</Text>
    </View>
  );
}

function LineChooser({ line, quantity, onChange }: { line: OrderLine; quantity: number; onChange: (q: number) => void }) {
  const max = refundableQuantity(line);
  return (
    <View className={`after-sale-line${max === 0 ? ' after-sale-line--done' : ''}`}>
      {line.image === '' ? <View className='after-sale-line__image' /> : <Image className='after-sale-line__image' src={mediaUrl(line.image)} mode='aspectFill' />}
      <View className='after-sale-line__info'>
        <Text className='after-sale-line__title'>{line.title}</Text>
        <Text className='after-sale-line__hint'>{max === 0 ? '已全部退款' : `可退 ${max} 件`}</Text>
      </View>
      {max > 0 && (
        <View className='after-sale-stepper'>
          <Text className='after-sale-stepper__button' onClick={() => onChange(clampQuantity(line, quantity - 1))}>
            −
          </Text>
          <Text className='after-sale-stepper__value'>{quantity}</Text>
          <Text className='after-sale-stepper__button' onClick={() => onChange(clampQuantity(line, quantity + 1))}>
            +
          </Text>
        </View>
      )}
    </View>
  );
}

function RequestForm({ order, submitted }: { order: OrderDetail; submitted: () => void }) {
  const [form, setForm] = useState<AfterSaleForm>(emptyAfterSaleForm);
  const [errors, setErrors] = useState<AfterSaleErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const update = (patch: Partial<AfterSaleForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors({});
  };

  async function submit() {
    if (submitting) return;
    const checked = validateAfterSale(form, order.lines);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSubmitting(true);
    try {
      await requestAfterSale(order.id, checked.body);
      void Taro.showToast({ title: '售后申请已提交', icon: 'success' });
      submitted();
    } catch (error) {
      void Taro.showToast({ title: errorText(error), icon: 'none', duration: 3000 });
    } finally {
      setSubmitting(false);
    }
  }

  const limit = detailLimit(form.reason);
  return (
    <View className='after-sale-form'>
      <View className='after-sale-section'>
        <Text className='after-sale-section__title'>退款范围</Text>
        <View className='after-sale-scope'>
          <Text className={`after-sale-scope__option${form.scope === 'order' ? ' after-sale-scope__option--active' : ''}`} onClick={() => update({ scope: 'order' })}>
            整单退款
          </Text>
          <Text className={`after-sale-scope__option${form.scope === 'lines' ? ' after-sale-scope__option--active' : ''}`} onClick={() => update({ scope: 'lines' })}>
            部分商品
          </Text>
        </View>
        {form.scope === 'lines' &&
          order.lines.map((line) => (
            <LineChooser
              key={line.id}
              line={line}
              quantity={form.quantities[line.id] ?? 0}
              onChange={(q) => update({ quantities: { ...form.quantities, [line.id]: q } })}
            />
          ))}
        {errors.lines !== undefined && <Text className='after-sale-error'>{errors.lines}</Text>}
      </View>

      <View className='after-sale-section'>
        <Text className='after-sale-section__title'>售后原因</Text>
        <Picker mode='selector' range={[...commonReasons]} onChange={(e) => update({ reason: commonReasons[Number(e.detail.value)] ?? '' })}>
          <View className='after-sale-reason'>
            <Text className={form.reason === '' ? 'after-sale-reason__placeholder' : ''}>{form.reason === '' ? '请选择售后原因' : form.reason}</Text>
            <Text className='after-sale-reason__arrow'>›</Text>
          </View>
        </Picker>
        {errors.reason !== undefined && <Text className='after-sale-error'>{errors.reason}</Text>}
        <Textarea
          className='after-sale-detail'
          value={form.detail}
          maxlength={limit}
          placeholder={form.reason === '其他' ? '请写下具体原因' : '补充说明（选填）'}
          onInput={(e) => update({ detail: e.detail.value })}
        />
        <Text className='after-sale-detail__count'>
          {form.detail.length}/{limit}
        </Text>
        {errors.detail !== undefined && <Text className='after-sale-error'>{errors.detail}</Text>}
      </View>

      {/* h5 renders disabled={false} as a disabled-looking attribute: pass the flags only while sending */}
      <Button className='after-sale-submit' {...(submitting ? { loading: true, disabled: true } : {})} onClick={() => void submit()}>
        提交申请
      </Button>
    </View>
  );
}

function AfterSalePage() {
  const { params } = useRouter<{ id?: string }>();
  const id = params.id ?? '';
  const [state, setState] = useState<State>({ phase: 'loading' });

  async function load() {
    setState({ phase: 'loading' });
    try {
      const [order, { items }] = await Promise.all([getOrder(id), listAfterSales(id)]);
      setState({ phase: 'ready', order, requests: items });
    } catch (error) {
      setState({ phase: 'error', message: errorText(error) });
    }
  }

  useLoad(() => {
    void load();
  });

  if (state.phase === 'loading') return <View className='after-sale-loading'>加载中…</View>;
  if (state.phase === 'error') {
    return <StatusView tone='error' title='加载失败' description={state.message} action={{ label: '重新加载', onTap: () => void load() }} />;
  }

  const { order, requests } = state;
  const open = openRequestOf(requests);
  const latest = requests[0] ?? null;
  const allowed = actionsFor({ ...order, refundableUnits: refundableUnits(order.lines) }, Date.now()).includes('afterSale');
  return (
    <View className='after-sale-page'>
      <View className='after-sale-order' onClick={() => void Taro.redirectTo({ url: orderPage(order.id) })}>
        <Text>订单 {order.orderNo}</Text>
        <Text className='after-sale-order__status'>
          {orderStatusLabels[order.status]} · 实付 {formatFen(order.payable)}
        </Text>
      </View>
      {latest !== null && <RequestStatus request={open ?? latest} />}
      {open === null && allowed && <RequestForm order={order} submitted={() => void load()} />}
      {open === null && !allowed && (
        <StatusView tone='empty' title='该订单当前不能申请售后' description='未付款、已关闭、已全部退款或超过收货后 7 天的订单不能申请售后' />
      )}
    </View>
  );
}

export default shopPage(pages.afterSale, AfterSalePage);
