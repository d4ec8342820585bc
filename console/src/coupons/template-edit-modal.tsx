import { useState } from 'react';
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Space, Switch, Typography } from 'antd';
import { couponRuleText } from '@linli/shared/coupons/coupon-text';
import type { CouponTemplate, UpdateCouponTemplateBody } from '@linli/shared/schemas/coupons';
import { clearEdited } from '../forms/clear-edited';
import { switchConsequence } from './coupon-view';
import { couponsApi } from './coupons-api';
import { checkTemplateEdit, editInputOf, placeTemplateError, type TemplateEditInput, type TemplateProblem } from './template-form';

const editFields = ['title', 'totalStock'] as const;

/** What PATCH allows: the name, on/off, the claim centre, and more stock. The rule of an issued coupon never changes. */
export function TemplateEditModal({ template, onClose, onSaved }: { template: CouponTemplate; onClose: () => void; onSaved: (saved: CouponTemplate) => void }) {
  const [form] = Form.useForm<TemplateEditInput>();
  const { modal } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [above, setAbove] = useState<string | null>(null);
  const unlimited = Form.useWatch('unlimited', form) ?? template.totalStock === null;

  function show(problems: TemplateProblem[], fallback: string | null) {
    form.setFields(editFields.map((name) => ({ name, errors: problems.filter((p) => p.field === name).map((p) => p.text) })));
    const unplaced = problems.filter((p) => p.field === null).map((p) => p.text);
    setAbove(fallback ?? (unplaced.length > 0 ? unplaced.join('；') : null));
  }

  async function save(body: UpdateCouponTemplateBody) {
    setSubmitting(true);
    try {
      onSaved(await couponsApi.update(template.id, body));
    } catch (error) {
      const placed = placeTemplateError(error, template.scopeKind);
      show(placed.problems, placed.above);
    } finally {
      setSubmitting(false);
    }
  }

  async function submit() {
    const values = form.getFieldsValue(true) as TemplateEditInput;
    const checked = checkTemplateEdit({ ...values, title: values.title ?? '', totalStock: values.totalStock ?? null }, template);
    if (!checked.ok) {
      show(checked.problems, null);
      return;
    }
    show([], null);
    const body = checked.body;
    if (body.active === false) {
      modal.confirm({
        title: '停用优惠券',
        content: switchConsequence(true),
        okText: '停用',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => save(body),
      });
      return;
    }
    await save(body);
  }

  return (
    <Modal
      open
      className="template-edit-modal"
      title={`编辑优惠券：${template.title}`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: submitting, className: 'template-edit__save' }}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={!submitting}
    >
      <Form
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={editInputOf(template)}
        onValuesChange={(changed: Partial<TemplateEditInput>) => clearEdited(form, changed)}
      >
        {above && <Alert type="error" showIcon message={above} style={{ marginBottom: 16 }} />}
        <Form.Item label="名称" name="title">
          <Input className="template-edit__title" maxLength={40} showCount />
        </Form.Item>
        <Form.Item label="发放总量" extra={`已发放 ${template.issuedCount} 张；总量只能增加`}>
          <Space>
            <Form.Item name="totalStock" noStyle>
              <InputNumber className="template-edit__stock" addonAfter="张" precision={0} disabled={unlimited} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="unlimited" valuePropName="checked" noStyle>
              <Checkbox disabled={template.totalStock === null}>不限量</Checkbox>
            </Form.Item>
          </Space>
        </Form.Item>
        <Space size="large">
          <Form.Item label="上线" name="active" valuePropName="checked">
            <Switch className="template-edit__active" />
          </Form.Item>
          <Form.Item label="在领券中心展示" name="claimable" valuePropName="checked">
            <Switch className="template-edit__claimable" />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          规则（{couponRuleText(template)}）、适用范围和有效期在创建后不能修改，已领到的券不受影响。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
