import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import type { StockLevel } from '@linli/shared/schemas/catalog-console';
import { ApiError, errorText } from '../api/api-error';
import { catalogApi } from './catalog-api';
import { checkAdjustment, type StockDirection } from './stock-adjust';

export interface StockTarget {
  skuId: string;
  /** the SKU as staff know it: 红 / S · TEE-1 */
  label: string;
  /** as last read from the BFF */
  stock: number;
}

interface Props {
  target: StockTarget;
  onClose: () => void;
  onAdjusted: (level: StockLevel) => void;
  /** the BFF's current stock of the SKU, re-read after it refused an adjustment */
  reread: () => Promise<number | null>;
}

/**
 * 调整库存: 入库 or 出库 a number of units (POST /api/console/skus/:id/stock). The new stock shown
 * afterwards is the BFF's answer; a refusal (the stock would go below 0) stays in the dialog with the
 * stock re-read, so staff see why.
 */
export function StockDialog({ target, onClose, onAdjusted, reread }: Props) {
  const [direction, setDirection] = useState<StockDirection>('in');
  const [quantity, setQuantity] = useState('');
  const [current, setCurrent] = useState(target.stock);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const preview = quantity.trim() === '' ? null : checkAdjustment(direction, quantity, current);

  async function submit() {
    setRefusal(null);
    const checked = checkAdjustment(direction, quantity, current);
    if (!checked.ok) {
      setFieldError(checked.error);
      return;
    }
    setSending(true);
    try {
      onAdjusted(await catalogApi.adjustStock(target.skuId, checked.delta));
    } catch (error) {
      setRefusal(errorText(error, '调整失败，请稍后重试'));
      if (error instanceof ApiError && error.code === 'STOCK_WOULD_GO_NEGATIVE') {
        const fresh = await reread();
        if (fresh !== null) setCurrent(fresh);
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <Modal
      open
      className="stock-dialog"
      title={`调整库存 · ${target.label}`}
      okText="确认调整"
      okButtonProps={{ className: 'stock-dialog__submit', loading: sending }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {refusal && <Alert className="stock-dialog__refusal" type="error" showIcon message="库存未调整" description={refusal} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" disabled={sending}>
        <Form.Item label="当前库存">
          <Typography.Text className="stock-dialog__current" strong>
            {current}
          </Typography.Text>
        </Form.Item>
        <Form.Item label="调整方式">
          <Radio.Group
            className="stock-dialog__direction"
            optionType="button"
            value={direction}
            onChange={(event) => {
              setDirection(event.target.value as StockDirection);
              setFieldError(null);
            }}
            options={[
              { value: 'in', label: '入库（增加）' },
              { value: 'out', label: '出库（减少）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="数量"
          className="stock-dialog__quantity"
          validateStatus={fieldError || (preview && !preview.ok) ? 'error' : undefined}
          help={fieldError ?? (preview ? (preview.ok ? `调整后库存：${preview.after}` : preview.error) : undefined)}
        >
          <Input
            placeholder="件数"
            value={quantity}
            onChange={(event) => {
              setQuantity(event.target.value);
              setFieldError(null);
            }}
            onPressEnter={() => void submit()}
            style={{ width: 200 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
