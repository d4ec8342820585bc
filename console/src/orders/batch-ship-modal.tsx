import { useState, type ReactNode } from 'react';
import { Alert, App, AutoComplete, Button, Input, Modal, Space, Table, Typography } from 'antd';
import type { ConsoleOrderSummary } from '@linli/shared/schemas/order';
import { errorText } from '../api/api-error';
import { afterShipping, batchRows, checkBatch, withCarrierForAll, withPasted, withValue, type BatchRow } from './batch-ship';
import { ordersApi } from './orders-api';
import { carrierOptions } from './ship-form';
import { readPastedShipments, type UnmatchedLine } from './shipment-paste';

const carrierChoices = carrierOptions.map((value) => ({ value }));

/** The common carriers to pick from; any other name may be typed. */
function CarrierInput({ className, value, invalid, placeholder, onChange }: { className: string; value: string; invalid?: boolean; placeholder: string; onChange: (value: string) => void }) {
  return (
    <AutoComplete
      className={className}
      options={carrierChoices}
      filterOption={(typed, option) => (option?.value ?? '').includes(typed)}
      value={value}
      status={invalid ? 'error' : ''}
      onChange={onChange}
      style={{ width: '100%' }}
      placeholder={placeholder}
    />
  );
}

/** A row's field with the rule it breaks under it. */
function WithError({ text, children }: { text: string | undefined; children: ReactNode }) {
  return (
    <>
      {children}
      {text && <div className="batch-ship__field-error">{text}</div>}
    </>
  );
}

/**
 * 批量发货 for the selected 待发货 orders: the carrier once for all (or per row), a tracking no. per
 * order, typed or pasted as "订单号,快递公司,运单号" lines. Nothing is sent while a row breaks the
 * shipping rules; after the BFF answered, shipped orders leave the dialog (and the list) and the
 * refused ones stay as typed with the reason.
 */
export function BatchShipModal({ orders, onClose, onShipped }: { orders: ConsoleOrderSummary[]; onClose: () => void; onShipped: (orderIds: string[]) => void }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<BatchRow[]>(() => batchRows(orders));
  const [carrierForAll, setCarrierForAll] = useState('');
  const [pasted, setPasted] = useState('');
  const [paste, setPaste] = useState<{ filled: number; unmatched: UnmatchedLine[] } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  function readPaste() {
    const read = readPastedShipments(pasted, rows.map((row) => ({ id: row.orderId, orderNo: row.orderNo })));
    setRows(withPasted(rows, read.matched));
    setPaste({ filled: read.matched.length, unmatched: read.unmatched });
  }

  async function submit() {
    setFormError(null);
    setOutcome(null);
    const checked = checkBatch(rows);
    if (!checked.ok) {
      setRows(checked.rows);
      return;
    }
    setSubmitting(true);
    try {
      const answer = await ordersApi.shipBatch(checked.body);
      const { shipped, remaining } = afterShipping(rows, answer.results);
      onShipped(shipped);
      setRows(remaining);
      if (remaining.length === 0) {
        void message.success(`已发货 ${shipped.length} 单`);
        onClose();
      } else {
        setOutcome(`已发货 ${shipped.length} 单；${remaining.length} 单未发货，请按提示修改后重新提交`);
      }
    } catch (error) {
      setFormError(errorText(error, '提交失败，请稍后重试'));
    } finally {
      setSubmitting(false);
    }
  }

  const columns = [
    { title: '订单号', dataIndex: 'orderNo', key: 'orderNo', width: 215 },
    {
      title: '买家 / 收货人',
      key: 'buyer',
      width: 130,
      render: (_: unknown, row: BatchRow) => (
        <>
          <div>{row.buyer || '—'}</div>
          <Typography.Text type="secondary">{row.recipient}</Typography.Text>
        </>
      ),
    },
    { title: '商品', dataIndex: 'items', key: 'items', ellipsis: true },
    {
      title: '快递公司',
      key: 'carrier',
      width: 160,
      render: (_: unknown, row: BatchRow) => (
        <WithError text={row.errors.carrier}>
          <CarrierInput
            className="batch-ship__carrier"
            value={row.carrier}
            invalid={Boolean(row.errors.carrier)}
            onChange={(value) => setRows(withValue(rows, row.orderId, 'carrier', value))}
            placeholder="快递公司"
          />
        </WithError>
      ),
    },
    {
      title: '运单号',
      key: 'trackingNo',
      width: 200,
      render: (_: unknown, row: BatchRow) => (
        <WithError text={row.errors.trackingNo}>
          <Input
            className="batch-ship__tracking"
            value={row.trackingNo}
            status={row.errors.trackingNo ? 'error' : ''}
            onChange={(e) => setRows(withValue(rows, row.orderId, 'trackingNo', e.target.value))}
            placeholder="运单号"
          />
        </WithError>
      ),
    },
    {
      title: '结果',
      key: 'failure',
      width: 150,
      render: (_: unknown, row: BatchRow) => (row.failure ? <Typography.Text type="danger" className="batch-ship__failure">{row.failure}</Typography.Text> : <Typography.Text type="secondary">待提交</Typography.Text>),
    },
  ];

  return (
    <Modal
      open
      title={`批量发货（${rows.length} 单）`}
      width={1120}
      className="batch-ship"
      okText="确认发货"
      cancelText="关闭"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ className: 'batch-ship__submit', disabled: rows.length === 0 }}
      maskClosable={!submitting}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>统一快递公司</Typography.Text>
          <div style={{ width: 220 }}>
            <CarrierInput
              className="batch-ship__carrier-all"
              value={carrierForAll}
              onChange={(value) => {
                setCarrierForAll(value);
                setRows(withCarrierForAll(rows, value));
              }}
              placeholder="选择或输入，应用到每一单"
            />
          </div>
          <Typography.Text type="secondary">运单号逐单填写，或粘贴快递系统导出的“订单号,快递公司,运单号”</Typography.Text>
        </Space>
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            className="batch-ship__paste"
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={'每行一单：订单号,快递公司,运单号\n例：L2026120601020312345678,中通快递,73100000000001'}
          />
          <Button className="batch-ship__read-paste" onClick={readPaste} disabled={pasted.trim() === ''} style={{ height: 'auto' }}>
            识别并填入
          </Button>
        </Space.Compact>
        {paste && (
          <Alert
            className="batch-ship__paste-result"
            type={paste.unmatched.length > 0 ? 'warning' : 'success'}
            showIcon
            message={`已填入 ${paste.filled} 单${paste.unmatched.length > 0 ? `，${paste.unmatched.length} 行未识别` : ''}`}
            description={
              paste.unmatched.length > 0 && (
                <ul className="batch-ship__unmatched" style={{ margin: 0, paddingLeft: 18 }}>
                  {paste.unmatched.map((u) => (
                    <li key={u.line}>
                      第 {u.line} 行 “{u.text}”：{u.reason}
                    </li>
                  ))}
                </ul>
              )
            }
          />
        )}
        {formError && <Alert type="error" showIcon message={formError} className="batch-ship__error" />}
        {outcome && <Alert type="warning" showIcon message={outcome} className="batch-ship__outcome" />}
        <Table<BatchRow> className="batch-ship__rows" rowKey="orderId" size="small" pagination={false} columns={columns} dataSource={rows} scroll={{ y: 420 }} />
      </Space>
    </Modal>
  );
}
