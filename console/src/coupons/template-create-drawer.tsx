import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Radio, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CouponTemplate } from '@linli/shared/schemas/coupons';
import { CategoryPicker } from '../catalog-picker/category-picker';
import { ProductPicker } from '../catalog-picker/product-picker';
import { clearEdited } from '../forms/clear-edited';
import { DrawerFooter } from '../forms/drawer-footer';
import { couponsApi } from './coupons-api';
import { checkTemplate, placeTemplateError, templateFields, type TemplateInput, type TemplateProblem } from './template-form';

type FormValues = Omit<TemplateInput, 'window' | 'totalStock'> & { window: [Dayjs, Dayjs] | null; totalStock: number | null };

const minuteFormat = 'YYYY-MM-DD HH:mm';

const initialValues: FormValues = {
  title: '',
  kind: 'amount_off',
  threshold: '',
  amountOff: '',
  discount: '',
  cap: '',
  scopeKind: 'all',
  categoryIds: [],
  productIds: [],
  stacksWithGroupPrice: false,
  validity: 'days',
  validDays: 7,
  window: null,
  totalStock: null,
  perUserLimit: 1,
  claimable: true,
  newUserGift: false,
  referralReward: false,
};

/**
 * 新建优惠券: kind and amounts, scope, validity, stock and how shoppers get it. Checked with the BFF's
 * own rules before sending; a refusal keeps what was typed with each message next to its field, and
 * nothing is listed until the BFF answered with the saved template.
 */
export function TemplateCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (template: CouponTemplate) => void }) {
  const [form] = Form.useForm<FormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [above, setAbove] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? initialValues.kind;
  const scopeKind = Form.useWatch('scopeKind', form) ?? initialValues.scopeKind;
  const validity = Form.useWatch('validity', form) ?? initialValues.validity;

  function show(problems: TemplateProblem[], fallback: string | null) {
    form.setFields(templateFields.map((name) => ({ name, errors: problems.filter((p) => p.field === name).map((p) => p.text) })));
    const unplaced = problems.filter((p) => p.field === null).map((p) => p.text);
    setAbove(fallback ?? (unplaced.length > 0 ? unplaced.join('；') : null));
    const first = problems.find((p) => p.field !== null);
    if (first?.field) form.scrollToField(first.field);
  }

  async function submit() {
    const values = form.getFieldsValue(true) as FormValues;
    const checked = checkTemplate({
      ...values,
      title: values.title ?? '',
      threshold: values.threshold ?? '',
      amountOff: values.amountOff ?? '',
      discount: values.discount ?? '',
      cap: values.cap ?? '',
      categoryIds: values.categoryIds ?? [],
      productIds: values.productIds ?? [],
      window: values.window ? [values.window[0].format(minuteFormat), values.window[1].format(minuteFormat)] : null,
      totalStock: values.totalStock ?? null,
      perUserLimit: values.perUserLimit ?? null,
      validDays: values.validDays ?? null,
    });
    if (!checked.ok) {
      show(checked.problems, null);
      return;
    }
    show([], null);
    setSubmitting(true);
    try {
      const created = await couponsApi.create(checked.body);
      form.resetFields();
      onCreated(created);
    } catch (error) {
      const placed = placeTemplateError(error, values.scopeKind);
      show(placed.problems, placed.above);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Drawer
      className="template-create-drawer"
      title="新建优惠券"
      width={680}
      open={open}
      onClose={onClose}
      maskClosable={!submitting}
      footer={<DrawerFooter submitting={submitting} submitText="创建优惠券" submitClass="template-form__submit" onCancel={onClose} onSubmit={() => void submit()} />}
    >
      <Form
        form={form}
        layout="vertical"
        className="template-form"
        initialValues={initialValues}
        disabled={submitting}
        requiredMark={false}
        onValuesChange={(changed: Partial<FormValues>) => clearEdited(form, changed)}
      >
        {above && <Alert type="error" showIcon message={above} className="template-form__error" style={{ marginBottom: 16 }} />}
        <Form.Item label="名称" name="title" className="template-form__item--title">
          <Input className="template-form__title" maxLength={40} showCount placeholder="如 满100减20" />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Radio.Group
            className="template-form__kind"
            optionType="button"
            options={[
              { value: 'amount_off', label: '满减券' },
              { value: 'percent_off', label: '折扣券' },
              { value: 'free_shipping', label: '包邮券' },
            ]}
          />
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item label="使用门槛" name="threshold" className="template-form__item--threshold" extra="订单中适用商品满多少元可用，不填或 0 为无门槛">
            <Input className="template-form__threshold" prefix="满" suffix="元" placeholder="0" style={{ width: 160 }} />
          </Form.Item>
          {kind === 'amount_off' && (
            <Form.Item label="减免金额" name="amountOff" className="template-form__item--amountOff">
              <Input className="template-form__amount-off" prefix="减" suffix="元" placeholder="如 20" style={{ width: 160 }} />
            </Form.Item>
          )}
          {kind === 'percent_off' && (
            <Form.Item label="折扣" name="discount" className="template-form__item--discount" extra="如 8 为 8 折，8.5 为 8.5 折">
              <Input className="template-form__discount" suffix="折" placeholder="如 8" style={{ width: 120 }} />
            </Form.Item>
          )}
          {kind === 'percent_off' && (
            <Form.Item label="最多减（选填）" name="cap" className="template-form__item--cap">
              <Input className="template-form__cap" suffix="元" placeholder="不限" style={{ width: 140 }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item label="适用范围" name="scopeKind">
          <Radio.Group
            className="template-form__scope"
            options={[
              { value: 'all', label: '全场通用' },
              { value: 'categories', label: '指定类目' },
              { value: 'products', label: '指定商品' },
            ]}
          />
        </Form.Item>
        {scopeKind === 'categories' && (
          <Form.Item name="categoryIds" className="template-form__item--categoryIds">
            <CategoryPicker className="template-form__categories" />
          </Form.Item>
        )}
        {scopeKind === 'products' && (
          <Form.Item name="productIds" className="template-form__item--productIds">
            <ProductPicker mode="multiple" className="template-form__products" />
          </Form.Item>
        )}
        <Form.Item name="stacksWithGroupPrice" valuePropName="checked">
          <Checkbox className="template-form__stacks">可与拼团价同享（拼团订单也能用这张券）</Checkbox>
        </Form.Item>
        <Form.Item label="有效期" name="validity">
          <Radio.Group
            className="template-form__validity"
            options={[
              { value: 'days', label: '领取后 N 天内有效' },
              { value: 'window', label: '固定时间段（北京时间）' },
            ]}
          />
        </Form.Item>
        {validity === 'days' ? (
          <Form.Item name="validDays" className="template-form__item--validDays">
            <InputNumber className="template-form__valid-days" addonBefore="领取后" addonAfter="天内有效" precision={0} style={{ width: 240 }} />
          </Form.Item>
        ) : (
          <Form.Item name="window" className="template-form__item--window">
            <DatePicker.RangePicker className="template-form__window" showTime={{ format: 'HH:mm' }} format={minuteFormat} style={{ width: 380 }} />
          </Form.Item>
        )}
        <Space size="large" align="start" wrap>
          <Form.Item label="发放总量" name="totalStock" className="template-form__item--totalStock" extra="不填为不限量">
            <InputNumber className="template-form__total-stock" addonAfter="张" precision={0} placeholder="不限" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label="每人限领" name="perUserLimit" className="template-form__item--perUserLimit">
            <InputNumber className="template-form__per-user" addonAfter="张" precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Space size="large" wrap>
          <Form.Item label="在领券中心展示" name="claimable" valuePropName="checked">
            <Switch className="template-form__claimable" />
          </Form.Item>
          <Form.Item label="新人礼包" name="newUserGift" valuePropName="checked" tooltip="新用户首次登录时自动发放">
            <Switch className="template-form__new-user" />
          </Form.Item>
          <Form.Item label="邀请奖励" name="referralReward" valuePropName="checked" tooltip="被邀请的好友首单付款后，发给邀请人">
            <Switch className="template-form__referral" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
