import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Space, Switch, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatFen } from '@linli/shared/money';
import type { ConsoleProductDetail, ConsoleSku } from '@linli/shared/schemas/catalog-console';
import type { GroupCampaign } from '@linli/shared/schemas/group-buys';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';
import { errorText } from '../api/api-error';
import { catalogApi } from '../catalog-picker/catalog-api';
import { ProductPicker } from '../catalog-picker/product-picker';
import { checkCampaign, joinedRows, placeCampaignError, type FieldProblem, type SkuRowInput } from './campaign-form';
import { specText } from './campaign-view';
import { clearEdited } from '../forms/clear-edited';
import { DrawerFooter } from '../forms/drawer-footer';
import { groupBuysApi } from './group-buys-api';

interface FormValues {
  title: string;
  productId: string | null;
  skus: SkuRowInput[];
  groupSize: number | null;
  timeLimitHours: number | null;
  window: [Dayjs, Dayjs] | null;
  perUserLimit: number | null;
  newUsersOnly: boolean;
}

const minuteFormat = 'YYYY-MM-DD HH:mm';
const dayMs = 24 * 60 * 60 * 1000;

/** A Shanghai wall time as the picker holds it, whatever zone the browser is in. */
const pickerTime = (at: Date) => dayjs(shanghaiDateTime(at.toISOString()));

function initialValues(): FormValues {
  const now = new Date();
  return {
    title: '',
    productId: null,
    skus: [],
    groupSize: 3,
    timeLimitHours: 24,
    window: [pickerTime(now), pickerTime(new Date(now.getTime() + 7 * dayMs))],
    perUserLimit: 1,
    newUsersOnly: false,
  };
}

type ProductLoad = { phase: 'none' } | { phase: 'loading' } | { phase: 'ready'; product: ConsoleProductDetail };

/**
 * 新建拼团: a product, the group price of each SKU that joins, size, time limit and window. The form is
 * checked with the BFF's own rules before sending; a refusal keeps what was typed, with each message
 * next to its field, and nothing is listed until the BFF answered with the saved campaign.
 */
export function CampaignCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (campaign: GroupCampaign) => void }) {
  // Untyped: problems name fields by path (['skus', 2, 'groupPrice']), which the typed form does not take.
  const [form] = Form.useForm();
  const [productLoad, setProductLoad] = useState<ProductLoad>({ phase: 'none' });
  const [submitting, setSubmitting] = useState(false);
  const [above, setAbove] = useState<string | null>(null);
  const [skusError, setSkusError] = useState<string | null>(null);
  const joined = Form.useWatch('skus', form) ?? [];

  // The SKU table as a whole has no input of its own: its message (no SKU ticked) is shown by hand.
  function show(problems: FieldProblem[]) {
    form.setFields(form.getFieldsError().map((field) => ({ name: field.name, errors: [] })));
    const [onTable, onFields] = [problems.filter((p) => p.field === 'skus'), problems.filter((p) => p.field !== 'skus')];
    setSkusError(onTable[0]?.text ?? null);
    form.setFields(onFields.map((problem) => ({ name: problem.field, errors: [problem.text] })));
    const first = onFields[0];
    if (first) form.scrollToField(first.field);
  }

  async function pickProduct(productId: string | null) {
    form.setFieldsValue({ skus: [] });
    if (productId === null) {
      setProductLoad({ phase: 'none' });
      return;
    }
    setProductLoad({ phase: 'loading' });
    try {
      const product = await catalogApi.product(productId);
      if (form.getFieldValue('productId') !== productId) return;
      setProductLoad({ phase: 'ready', product });
      form.setFieldsValue({ skus: product.skus.map((sku) => ({ skuId: sku.id, joined: true, groupPrice: '', leaderPrice: '' })) });
      if (String(form.getFieldValue('title') ?? '').trim() === '') {
        // The first word of the product's title, as the demo campaigns are named ('3 人团 · 木质积木').
        const shortTitle = product.title.split(/\s+/)[0] ?? product.title;
        form.setFieldsValue({ title: `${form.getFieldValue('groupSize') ?? 3} 人团 · ${shortTitle}`.slice(0, 40) });
      }
    } catch (error) {
      setProductLoad({ phase: 'none' });
      form.setFields([{ name: 'productId', errors: [errorText(error)] }]);
    }
  }

  async function submit() {
    setAbove(null);
    const values = form.getFieldsValue(true) as FormValues;
    const skus = values.skus ?? [];
    const product = productLoad.phase === 'ready' ? productLoad.product : null;
    const checked = checkCampaign(
      {
        ...values,
        productId: values.productId ?? null,
        skus,
        window: values.window ? [values.window[0].format(minuteFormat), values.window[1].format(minuteFormat)] : null,
      },
      product?.skus ?? [],
      new Date(),
    );
    if (!checked.ok) {
      show(checked.problems);
      return;
    }
    setSubmitting(true);
    try {
      const created = await groupBuysApi.create(checked.body);
      form.resetFields();
      setProductLoad({ phase: 'none' });
      setSkusError(null);
      onCreated(created);
    } catch (error) {
      const placed = placeCampaignError(error, joinedRows(skus));
      show(placed.problems);
      setAbove(placed.above);
    } finally {
      setSubmitting(false);
    }
  }

  const skuColumns = [
    {
      title: '参加',
      key: 'joined',
      width: 56,
      render: (_: unknown, _sku: ConsoleSku, index: number) => (
        <Form.Item name={['skus', index, 'joined']} valuePropName="checked" noStyle>
          <Checkbox className={`campaign-form__joined-${index}`} />
        </Form.Item>
      ),
    },
    { title: '规格', key: 'spec', render: (_: unknown, sku: ConsoleSku) => specText(sku.specs) },
    { title: '原价', key: 'price', width: 90, align: 'right' as const, render: (_: unknown, sku: ConsoleSku) => formatFen(sku.price) },
    { title: '库存', dataIndex: 'stock', key: 'stock', width: 64, align: 'right' as const },
    {
      title: '拼团价（元）',
      key: 'groupPrice',
      width: 170,
      render: (_: unknown, _sku: ConsoleSku, index: number) => (
        <Form.Item name={['skus', index, 'groupPrice']} className={`campaign-form__item--sku-${index}-groupPrice`} style={{ margin: 0 }}>
          <Input className={`campaign-form__group-price-${index}`} prefix="¥" placeholder="如 19.90" disabled={joined[index]?.joined === false} />
        </Form.Item>
      ),
    },
    {
      title: '团长价（元，选填）',
      key: 'leaderPrice',
      width: 170,
      render: (_: unknown, _sku: ConsoleSku, index: number) => (
        <Form.Item name={['skus', index, 'leaderPrice']} className={`campaign-form__item--sku-${index}-leaderPrice`} style={{ margin: 0 }}>
          <Input className={`campaign-form__leader-price-${index}`} prefix="¥" placeholder="同拼团价" disabled={joined[index]?.joined === false} />
        </Form.Item>
      ),
    },
  ];

  return (
    <Drawer
      className="campaign-create-drawer"
      title="新建拼团活动"
      width={820}
      open={open}
      onClose={onClose}
      maskClosable={!submitting}
      footer={<DrawerFooter submitting={submitting} submitText="创建活动" submitClass="campaign-form__submit" onCancel={onClose} onSubmit={() => void submit()} />}
    >
      <Form
        form={form}
        layout="vertical"
        className="campaign-form"
        initialValues={initialValues()}
        disabled={submitting}
        requiredMark={false}
        onValuesChange={(changed: Partial<FormValues>) => {
          clearEdited(form, changed);
          if ('skus' in changed) setSkusError(null);
        }}
      >
        {above && <Alert type="error" showIcon message={above} className="campaign-form__error" style={{ marginBottom: 16 }} />}
        <Form.Item label="商品" name="productId" className="campaign-form__item--productId">
          <ProductPicker mode="single" className="campaign-form__product" onChange={(id) => void pickProduct(id)} />
        </Form.Item>
        <Form.Item
          label="参加拼团的 SKU 与价格"
          className="campaign-form__item--skus"
          extra="拼团价须低于原价；团长价不高于拼团价，不填则团长按拼团价付款。"
          validateStatus={skusError ? 'error' : undefined}
          help={skusError ?? undefined}
        >
          {productLoad.phase === 'ready' ? (
            <Table<ConsoleSku> className="campaign-form__skus" size="small" rowKey="id" pagination={false} columns={skuColumns} dataSource={productLoad.product.skus} />
          ) : (
            <Typography.Text type="secondary">{productLoad.phase === 'loading' ? '正在读取商品的 SKU…' : '先选择商品'}</Typography.Text>
          )}
        </Form.Item>
        <Form.Item label="活动标题" name="title" className="campaign-form__item--title">
          <Input className="campaign-form__title" maxLength={40} showCount placeholder="如 3 人团 · 阳山水蜜桃" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item label="成团人数" name="groupSize" className="campaign-form__item--groupSize">
            <InputNumber className="campaign-form__group-size" addonAfter="人" precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="成团时限" name="timeLimitHours" className="campaign-form__item--timeLimitHours" tooltip="团长付款后，在此时间内凑齐人数才算成团，否则自动退款">
            <InputNumber className="campaign-form__time-limit" addonAfter="小时" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label="每人限参与" name="perUserLimit" className="campaign-form__item--perUserLimit">
            <InputNumber className="campaign-form__per-user" addonAfter="次" precision={0} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item label="仅限新用户参团" name="newUsersOnly" valuePropName="checked" tooltip="只有从未付款下单的用户可以参团；开团不受限">
            <Switch className="campaign-form__new-users" />
          </Form.Item>
        </Space>
        <Form.Item label="活动时间（北京时间）" name="window" className="campaign-form__item--window">
          <DatePicker.RangePicker className="campaign-form__window" showTime={{ format: 'HH:mm' }} format={minuteFormat} allowClear={false} style={{ width: 380 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
