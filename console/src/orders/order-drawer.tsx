import { useCallback, useEffect, useState } from 'react';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { App, Button, Descriptions, Drawer, Input, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { formatFen } from '@linli/shared/money';
import type { AfterSale, OrderDetail, OrderLine } from '@linli/shared/schemas/order';
import type { StaffRole } from '@linli/shared/schemas/auth';
import { allows } from '@linli/shared/staff-permissions';
import { errorText } from '../api/api-error';
import { ordersApi } from './orders-api';
import { addressText, afterSaleStatusLabels, eventRows, moneyRows, statusTag, type EventRow } from './order-view';
import { ShipForm } from './ship-form-card';

type Load = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; order: OrderDetail; afterSales: AfterSale[] };

const lineColumns = [
  { title: '商品', key: 'title', render: (_: unknown, line: OrderLine) => `${line.title}${line.specText ? `（${line.specText}）` : ''}` },
  { title: '单价', dataIndex: 'chargedUnitPrice', key: 'price', align: 'right' as const, width: 90, render: (fen: number) => formatFen(fen) },
  { title: '数量', dataIndex: 'quantity', key: 'quantity', align: 'right' as const, width: 60 },
  { title: '实付', dataIndex: 'payable', key: 'payable', align: 'right' as const, width: 90, render: (fen: number) => formatFen(fen) },
  {
    title: '已退',
    key: 'refunded',
    align: 'right' as const,
    width: 100,
    render: (_: unknown, line: OrderLine) => (line.refundedQuantity > 0 ? `${line.refundedQuantity} 件 / ${formatFen(line.refundedAmount)}` : '—'),
  },
];

const eventColumns = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 160 },
  { title: '操作人', dataIndex: 'who', key: 'who', width: 80 },
  { title: '操作', dataIndex: 'what', key: 'what', width: 150 },
  { title: '状态变化', dataIndex: 'change', key: 'change', width: 150 },
  { title: '备注', dataIndex: 'note', key: 'note' },
];

/** One order from GET /api/console/orders/:id, with shipping and after-sale decisions for the roles allowed them. */
export function OrderDrawer({
  orderId,
  role,
  onClose,
  onChanged,
  onSameGroup,
}: {
  orderId: string | null;
  role: StaffRole;
  onClose: () => void;
  onChanged: (order: OrderDetail) => void;
  /** lists the orders of this order's group; without it (outside 订单管理) the link is not offered */
  onSameGroup?: (groupId: string) => void;
}) {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (orderId === null) return;
    let current = true;
    setLoad({ phase: 'loading' });
    Promise.all([ordersApi.detail(orderId), ordersApi.openAfterSales()]).then(
      ([order, open]) => current && setLoad({ phase: 'ready', order, afterSales: open.items.filter((a) => a.orderId === orderId) }),
      (error: unknown) => current && setLoad({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [orderId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return (
    <Drawer open={orderId !== null} onClose={onClose} width={860} title="订单详情" className="order-drawer" destroyOnClose>
      {load.phase === 'loading' && <Skeleton active paragraph={{ rows: 10 }} />}
      {load.phase === 'failed' && (
        <Result status="error" title="订单加载失败" subTitle={errorText(load.error)} extra={<Button type="primary" onClick={reload}>重试</Button>} />
      )}
      {load.phase === 'ready' && (
        <OrderFacts
          order={load.order}
          afterSales={load.afterSales}
          role={role}
          onSameGroup={onSameGroup}
          onShipped={(order) => {
            setLoad({ ...load, order });
            onChanged(order);
          }}
          onDecided={() => {
            reload();
          }}
        />
      )}
    </Drawer>
  );
}

function OrderFacts({
  order,
  afterSales,
  role,
  onSameGroup,
  onShipped,
  onDecided,
}: {
  order: OrderDetail;
  afterSales: AfterSale[];
  role: StaffRole;
  onSameGroup?: (groupId: string) => void;
  onShipped: (order: OrderDetail) => void;
  onDecided: () => void;
}) {
  const { message } = App.useApp();
  const tag = statusTag(order.status);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} className="order-drawer__body" data-order-no={order.orderNo}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="订单号">{order.orderNo}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={tag.color} className="order-drawer__status">
            {tag.label}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="下单时间">{shanghaiTimestamp(order.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="付款时间">{order.paidAt ? shanghaiTimestamp(order.paidAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label="收货人">
          {order.address.name} {order.address.phone}
        </Descriptions.Item>
        <Descriptions.Item label="收货地址">{addressText(order.address)}</Descriptions.Item>
        <Descriptions.Item label="拼团">
          {order.groupId ? (
            <Space size={4}>
              拼团订单
              {onSameGroup && (
                <Button type="link" size="small" className="order-drawer__same-group" onClick={() => onSameGroup(order.groupId!)}>
                  查看同团订单
                </Button>
              )}
            </Space>
          ) : (
            '普通订单'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="买家留言">{order.remark || '—'}</Descriptions.Item>
        {order.carrier && (
          <Descriptions.Item label="物流" span={2}>
            {order.carrier} {order.trackingNo}（{order.shippedAt ? shanghaiTimestamp(order.shippedAt) : ''} 发货）
          </Descriptions.Item>
        )}
      </Descriptions>

      <Table<OrderLine> className="order-lines" rowKey="id" size="small" pagination={false} columns={lineColumns} dataSource={order.lines} />

      <Descriptions size="small" column={1} className="order-money" style={{ maxWidth: 320, marginLeft: 'auto' }}>
        {moneyRows(order).map((row) => (
          <Descriptions.Item key={row.label} label={row.label} contentStyle={{ justifyContent: 'flex-end' }}>
            {row.value}
          </Descriptions.Item>
        ))}
      </Descriptions>

      {order.status === 'to_ship' && allows(role, 'orders.ship') && (
        <div className="order-ship">
          <Typography.Title level={5}>发货</Typography.Title>
          <ShipForm
            order={order}
            onShipped={(shipped) => {
              void message.success(`已发货：${shipped.carrier ?? ''} ${shipped.trackingNo ?? ''}`);
              onShipped(shipped);
            }}
          />
        </div>
      )}

      {afterSales.length > 0 && (
        <div className="order-after-sales">
          <Typography.Title level={5}>售后申请</Typography.Title>
          {afterSales.map((afterSale) => (
            <AfterSaleDecision key={afterSale.id} afterSale={afterSale} mayDecide={allows(role, 'afterSales.decide')} onDecided={onDecided} />
          ))}
        </div>
      )}

      <div>
        <Typography.Title level={5}>订单日志</Typography.Title>
        <Table<EventRow> className="order-events" rowKey="key" size="small" pagination={false} columns={eventColumns} dataSource={eventRows(order.events)} />
      </div>
    </Space>
  );
}

function AfterSaleDecision({ afterSale, mayDecide, onDecided }: { afterSale: AfterSale; mayDecide: boolean; onDecided: () => void }) {
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function decide(kind: 'approve' | 'reject') {
    setBusy(kind);
    setFailure(null);
    try {
      if (kind === 'approve') await ordersApi.approveAfterSale(afterSale.id, note.trim());
      else await ordersApi.rejectAfterSale(afterSale.id, note.trim());
      void message.success(kind === 'approve' ? '已同意售后，退款处理中' : '已拒绝售后');
      onDecided();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="order-after-sale" data-after-sale-id={afterSale.id} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          <Tag color="orange">{afterSaleStatusLabels[afterSale.status]}</Tag>
          申请退款 {formatFen(afterSale.amount)} · {shanghaiTimestamp(afterSale.createdAt)}
        </Typography.Text>
        <Typography.Text type="secondary">原因：{afterSale.reason}</Typography.Text>
        {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
        {mayDecide && (
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder="处理备注（选填）" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} disabled={busy !== null} />
            <Button type="primary" className="order-after-sale__approve" loading={busy === 'approve'} disabled={busy !== null} onClick={() => void decide('approve')}>
              同意并退款
            </Button>
            <Button danger className="order-after-sale__reject" loading={busy === 'reject'} disabled={busy !== null} onClick={() => void decide('reject')}>
              拒绝
            </Button>
          </Space.Compact>
        )}
      </Space>
    </div>
  );
}
