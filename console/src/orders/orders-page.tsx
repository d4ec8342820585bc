import { useCallback, useState, type HTMLAttributes } from 'react';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { Button, Card, Form, Input, Space, Tabs, Tag, Typography } from 'antd';
import { formatFen } from '@linli/shared/money';
import { orderStatusLabels, type OrderDetail, type OrderSummary } from '@linli/shared/schemas/order';
import { staffSession } from '../api/console-api';
import { useKeysetList } from '../lists/keyset-list';
import { KeysetTable } from '../lists/keyset-table';
import { emptyFilters, filterProblem, orderListQuery, statusTabs, type OrderFilters } from './order-filters';
import { statusTag } from './order-view';
import { OrderDrawer } from './order-drawer';
import { ordersApi } from './orders-api';

type SearchInput = Pick<OrderFilters, 'orderNo' | 'userId'>;

/** 订单管理: GET /api/console/orders page by page (keyset cursor, 加载更多), one order in a drawer. */
export default function OrdersPage() {
  const role = staffSession.current()?.role;
  const [filters, setFilters] = useState<OrderFilters>(emptyFilters);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form] = Form.useForm<SearchInput>();
  const keyset = useKeysetList(useCallback((cursor: string | null) => ordersApi.list(orderListQuery(filters, cursor)), [filters]));

  function search({ orderNo, userId }: SearchInput) {
    const next = { ...filters, orderNo: orderNo ?? '', userId: userId ?? '' };
    const problem = filterProblem(next);
    if (problem) {
      form.setFields([{ name: problem.field, errors: [problem.text] }]);
      return;
    }
    setFilters(next);
  }

  function reset() {
    form.resetFields();
    setFilters(emptyFilters);
  }

  // A shipped order changes its row at once rather than on the next search.
  function changed(order: OrderDetail) {
    keyset.updateItems((items) => items.map((item) => (item.id === order.id ? { ...item, status: order.status } : item)));
  }

  const columns = [
    { title: '订单号', dataIndex: 'orderNo', key: 'orderNo', width: 250, render: (orderNo: string) => <Typography.Text copyable>{orderNo}</Typography.Text> },
    {
      title: '商品',
      key: 'title',
      ellipsis: true,
      render: (_: unknown, order: OrderSummary) => (
        <Space>
          {order.cover && <img src={order.cover} alt="" width={36} height={36} style={{ objectFit: 'cover', borderRadius: 4 }} />}
          <span>{order.itemCount > 1 ? `${order.title} 等 ${order.itemCount} 件` : order.title}</span>
          {order.groupId && <Tag color="purple">拼团</Tag>}
        </Space>
      ),
    },
    { title: '实付', dataIndex: 'payable', key: 'payable', align: 'right' as const, width: 110, render: (fen: number) => formatFen(fen) },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (status: OrderSummary['status']) => {
        const tag = statusTag(status);
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
    { title: '下单时间', dataIndex: 'createdAt', key: 'createdAt', width: 170, render: (at: string) => shanghaiTimestamp(at) },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, order: OrderSummary) => (
        <Button type="link" size="small" onClick={() => setOpenId(order.id)}>
          {order.status === 'to_ship' ? '去发货' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <div className="console-orders">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        订单管理
      </Typography.Title>
      <Card size="small">
        <Tabs
          className="orders-filter__status"
          activeKey={filters.status ?? 'all'}
          onChange={(key) => setFilters({ ...filters, status: statusTabs.find((tab) => tab.key === key)?.status ?? null })}
          items={statusTabs.map((tab) => ({ key: tab.key, label: tab.status ? orderStatusLabels[tab.status] : '全部' }))}
        />
        <Form form={form} layout="inline" onFinish={search} className="orders-filter" initialValues={{ orderNo: '', userId: '' }}>
          <Form.Item label="订单号" name="orderNo">
            <Input className="orders-filter__order-no" placeholder="完整订单号" allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="买家 ID" name="userId">
            <Input className="orders-filter__buyer" placeholder="买家用户 ID" allowClear style={{ width: 320 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" className="orders-filter__submit">
                查询
              </Button>
              <Button onClick={reset}>重置</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>

      <Card size="small" style={{ marginTop: 16 }}>
        <KeysetTable<OrderSummary>
          keyset={keyset}
          name="orders"
          failedTitle="订单加载失败"
          allShown={(n) => `已显示全部 ${n} 单`}
          rowKey="id"
          rowClassName="order-row"
          columns={columns}
          locale={{ emptyText: '暂无订单' }}
          onRow={(order) => {
            const attributes: HTMLAttributes<HTMLElement> & { 'data-order-no': string } = { 'data-order-no': order.orderNo, style: { cursor: 'pointer' }, onClick: () => setOpenId(order.id) };
            return attributes;
          }}
        />
      </Card>

      {role && <OrderDrawer orderId={openId} role={role} onClose={() => setOpenId(null)} onChanged={changed} />}
    </div>
  );
}
