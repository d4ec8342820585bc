import { useState } from 'react';
import { Alert, AutoComplete, Button, Form, Input } from 'antd';
import type { OrderDetail } from '@linli/shared/schemas/order';
import { placeError } from '../forms/field-error';
import { ordersApi } from './orders-api';
import { carrierOptions, shipFields, validateShip, type ShipField } from './ship-form';

type ShipInput = Record<ShipField, string>;

/**
 * Carrier + tracking no. for an order 待发货. On a refusal the form stays as typed, with the BFF's
 * message next to the field it is about (or above the form); nothing is shown as shipped until the
 * BFF answers with the shipped order.
 */
export function ShipForm({ order, onShipped }: { order: OrderDetail; onShipped: (order: OrderDetail) => void }) {
  const [form] = Form.useForm<ShipInput>();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(input: ShipInput) {
    setFormError(null);
    const checked = validateShip(input);
    if (!checked.ok) {
      form.setFields(shipFields.map((name) => ({ name, errors: checked.errors[name] ? [checked.errors[name]] : [] })));
      return;
    }
    setSubmitting(true);
    try {
      onShipped(await ordersApi.ship(order.id, checked.body));
    } catch (error) {
      const placed = placeError(error, shipFields);
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.text] }]);
      else setFormError(placed.text);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Form form={form} layout="inline" onFinish={submit} disabled={submitting} className="ship-form" initialValues={{ carrier: '', trackingNo: '' }}>
      {formError && <Alert type="error" showIcon message={formError} style={{ width: '100%', marginBottom: 12 }} className="ship-form__error" />}
      <Form.Item label="快递公司" name="carrier">
        <AutoComplete options={carrierOptions.map((value) => ({ value }))} style={{ width: 160 }} filterOption={(typed, option) => (option?.value ?? '').includes(typed)}>
          <Input className="ship-form__carrier" placeholder="如 顺丰速运" />
        </AutoComplete>
      </Form.Item>
      <Form.Item label="运单号" name="trackingNo">
        <Input className="ship-form__tracking" placeholder="运单号" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} className="ship-form__submit">
          确认发货
        </Button>
      </Form.Item>
    </Form>
  );
}
