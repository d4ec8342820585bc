import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Space, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatFen } from '@linli/shared/money';
import { orderStatusLabels, type ConsoleOrderSummary, type OrderDetail } from '@linli/shared/schemas/order';
import { allows } from '@linli/shared/staff-permissions';
import { errorText } from '../api/api-error';
import { staffSession } from '../api/console-api';
import { attachmentName, saveFile } from '../api/file-download';
import { shanghaiToday } from '../dashboard/date-range';
import { useKeysetList } from '../lists/keyset-list';
import { KeysetTable } from '../lists/keyset-table';
import { BatchShipModal } from './batch-ship-modal';
import { emptyFilters, filterProblem, orderFilterQuery, orderListQuery, placedPresets, statusTabs, type OrderFilters } from './order-filters';
import { exportNotice, itemsText, statusTag } from './order-view';
import { OrderDrawer } from './order-drawer';
import { ordersApi } from './orders-api';
import './orders.css';

interface SearchInput {
  orderNo: string;
  buyer: string;
  groupId: string;
  placed: [Dayjs, Dayjs] | null;
}

const searchFields: ReadonlyArray<keyof SearchInput> = ['orderNo', 'buyer', 'groupId', 'placed'];
const dayFormat = 'YYYY-MM-DD';

function searchInputOf(filters: OrderFilters): SearchInput {
  const { orderNo, buyer, groupId, placed } = filters;
  return { orderNo, buyer, groupId, placed: placed ? [dayjs(placed.from, dayFormat), dayjs(placed.to, dayFormat)] : null };
}

/**
 * 订单管理: GET /api/console/orders page by page (keyset cursor, 加载更多) under the filters, one
 * order in a drawer, 批量发货 of the selected 待发货 orders, and the filtered list as CSV.
 */
export default function OrdersPage() {
  const { message } = App.useApp();
  const role = staffSession.current()?.role;
  const [filters, setFilters] = useState<OrderFilters>(emptyFilters);
  const [openId, setOpenId] = useState<string | null>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [batchOpen, setBatchOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [form] = Form.useForm<SearchInput>();
  const today = shanghaiToday(new Date());
  const selecting = role !== undefined && allows(role, 'orders.ship') && filters.status === 'to_ship';

  const keyset = useKeysetList(useCallback((cursor: string | null) => ordersApi.list(orderListQuery(filters, cursor)), [filters]));
  const { list } = keyset;

  // Other filters, other rows: nothing stays ticked that is no longer shown.
  useEffect(() => setSelectedIds([]), [filters]);

  function search({ orderNo, buyer, groupId, placed }: SearchInput) {
    const next: OrderFilters = {
      ...filters,
      orderNo: orderNo ?? '',
      buyer: buyer ?? '',
      groupId: groupId ?? '',
      placed: placed ? { from: placed[0].format(dayFormat), to: placed[1].format(dayFormat) } : null,
    };
    const problem = filterProblem(next);
    if (problem) {
      form.setFields([{ name: problem.field, errors: [problem.text] }]);
      return;
    }
    setFilters(next);
  }

  function showFilters(next: OrderFilters) {
    const input = searchInputOf(next);
    form.setFields(searchFields.map((name) => ({ name, value: input[name], errors: [] })));
    setFilters(next);
  }

  // A shipped order changes its row at once rather than on the next search.
  function changed(order: OrderDetail) {
    keyset.updateItems((items) => items.map((item) => (item.id === order.id ? { ...item, status: order.status } : item)));
  }

  // Orders shipped in a batch leave the 待发货 list, the only one a batch is started from.
  function shippedInBatch(orderIds: string[]) {
    setSelectedIds((ids) => ids.filter((id) => !orderIds.includes(id)));
    keyset.updateItems((items) => items.filter((item) => !orderIds.includes(item.id)));
  }

  async function exportCsv() {
    setExporting(true);
    try {
      const file = await ordersApi.exportCsv(orderFilterQuery(filters));
      saveFile(file.blob, attachmentName(file.headers['content-disposition'], `订单-${today.replace(/-/g, '')}.csv`));
      const notice = exportNotice(file.headers);
      void message[notice.kind](notice.text);
    } catch (error) {
      void message.error(`导出失败：${errorText(error)}`);
    } finally {
      setExporting(false);
    }
  }

  const columns = [
    { title: '订单号', dataIndex: 'orderNo', key: 'orderNo', width: 250, render: (orderNo: string) => <Typography.Text copyable>{orderNo}</Typography.Text> },
    {
      title: '商品',
      key: 'title',
      ellipsis: true,
      render: (_: unknown, order: ConsoleOrderSummary) => (
        <Space>
          {order.cover && <img src={order.cover} alt="" width={36} height={36} style={{ objectFit: 'cover', borderRadius: 4 }} />}
          <span>{itemsText(order)}</span>
          {order.groupId && <Tag color="purple">拼团</Tag>}
        </Space>
      ),
    },
    {
      title: '买家 / 收货人',
      key: 'buyer',
      width: 150,
      render: (_: unknown, order: ConsoleOrderSummary) => (
        <div className="orders-buyer">
          <div>{order.buyer.nickname || '—'}</div>
          <Typography.Text type="secondary">{order.recipientName}</Typography.Text>
        </div>
      ),
    },
    { title: '实付', dataIndex: 'payable', key: 'payable', align: 'right' as const, width: 110, render: (fen: number) => formatFen(fen) },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (status: ConsoleOrderSummary['status']) => {
        const tag = statusTag(status);
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
    { title: '下单时间', dataIndex: 'createdAt', key: 'createdAt', width: 170, render: (at: string) => shanghaiTimestamp(at) },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, order: ConsoleOrderSummary) => (
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
        <Form form={form} onFinish={search} className="orders-filter" labelCol={{ flex: '72px' }} initialValues={searchInputOf(emptyFilters)}>
          <Row gutter={24}>
            <Col span={8}>
              <Form.Item label="订单号" name="orderNo">
                <Input className="orders-filter__order-no" placeholder="完整订单号" allowClear />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="买家" name="buyer">
                <Input className="orders-filter__buyer" placeholder="手机号 / 昵称 / 用户 ID" allowClear />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="下单日期" name="placed">
                <DatePicker.RangePicker
                  className="orders-filter__placed"
                  style={{ width: '100%' }}
                  disabledDate={(day: Dayjs) => day.format(dayFormat) > today}
                  presets={placedPresets(new Date()).map((p) => ({ label: p.label, value: [dayjs(p.from, dayFormat), dayjs(p.to, dayFormat)] as [Dayjs, Dayjs] }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="拼团 ID" name="groupId" style={{ marginBottom: 0 }}>
                <Input className="orders-filter__group" placeholder="从订单详情“查看同团订单”带入" allowClear />
              </Form.Item>
            </Col>
            <Col span={16} className="orders-filter__actions">
              <Space>
                <Button type="primary" htmlType="submit" className="orders-filter__submit">
                  查询
                </Button>
                <Button onClick={() => showFilters({ ...emptyFilters, status: filters.status })}>重置</Button>
                <Button className="orders-export" loading={exporting} onClick={() => void exportCsv()}>
                  导出 CSV
                </Button>
              </Space>
            </Col>
          </Row>
        </Form>
      </Card>

      <Card size="small" style={{ marginTop: 16 }}>
        {selecting && list.phase !== 'failed' && (
          <div className="orders-batch-bar">
            <Button type="primary" className="orders-batch-ship" disabled={selectedIds.length === 0} onClick={() => setBatchOpen(true)}>
              批量发货{selectedIds.length > 0 ? `（${selectedIds.length}）` : ''}
            </Button>
            <Typography.Text type="secondary">勾选订单后一次填写快递公司和运单号，也可粘贴快递系统导出的运单</Typography.Text>
          </div>
        )}
        <KeysetTable<ConsoleOrderSummary>
          keyset={keyset}
          name="orders"
          failedTitle="订单加载失败"
          allShown={(n) => `已显示全部 ${n} 单`}
          rowKey="id"
          rowClassName="order-row"
          columns={columns}
          locale={{ emptyText: '暂无订单' }}
          rowSelection={selecting ? { selectedRowKeys: selectedIds, onChange: (keys) => setSelectedIds(keys.map(String)) } : undefined}
          onRow={(order) => {
            const attributes: HTMLAttributes<HTMLElement> & { 'data-order-no': string } = {
              'data-order-no': order.orderNo,
              style: { cursor: 'pointer' },
              // Ticking the box selects the order for 批量发货; it does not open it.
              onClick: (event) => {
                if (!(event.target as HTMLElement).closest('.ant-table-selection-column')) setOpenId(order.id);
              },
            };
            return attributes;
          }}
        />
      </Card>

      {role && (
        <OrderDrawer
          orderId={openId}
          role={role}
          onClose={() => setOpenId(null)}
          onChanged={changed}
          onSameGroup={(groupId) => {
            setOpenId(null);
            showFilters({ ...emptyFilters, groupId });
          }}
        />
      )}
      {batchOpen && list.phase === 'ready' && (
        <BatchShipModal orders={list.items.filter((item) => selectedIds.includes(item.id))} onClose={() => setBatchOpen(false)} onShipped={shippedInBatch} />
      )}
    </div>
  );
}
