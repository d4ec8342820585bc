import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Col, DatePicker, Result, Row, Skeleton, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatFen } from '@linli/shared/money';
import type { Metrics, MetricsQuery, TopProduct, TopPromoter } from '@linli/shared/schemas/analytics';
import { consoleApi } from '../api/console-api';
import { errorText } from '../api/api-error';
import { kpiCards } from './dashboard-view';
import { isDayDisabled, lastDays, shanghaiToday } from './date-range';
import { FunnelChart } from './funnel-chart';
import { TrendChart } from './trend-chart';

type Load = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; metrics: Metrics };

const dayFormat = 'YYYY-MM-DD';

const productColumns = [
  { title: '商品', dataIndex: 'title', key: 'title', ellipsis: true },
  { title: '销售额', dataIndex: 'gmv', key: 'gmv', align: 'right' as const, width: 96, render: (fen: number) => formatFen(fen) },
  { title: '件数', dataIndex: 'quantity', key: 'quantity', align: 'right' as const, width: 72 },
  { title: '订单', dataIndex: 'orders', key: 'orders', align: 'right' as const, width: 72 },
  { title: '浏览', dataIndex: 'views', key: 'views', align: 'right' as const, width: 72 },
];

const promoterColumns = [
  { title: '推广员', dataIndex: 'nickname', key: 'nickname' },
  { title: '带来销售额', dataIndex: 'gmv', key: 'gmv', align: 'right' as const, width: 96, render: (fen: number) => formatFen(fen) },
  { title: '订单', dataIndex: 'orders', key: 'orders', align: 'right' as const, width: 72 },
  { title: '分享', dataIndex: 'shares', key: 'shares', align: 'right' as const, width: 72 },
  { title: '分享打开', dataIndex: 'shareOpens', key: 'shareOpens', align: 'right' as const, width: 72 },
];

/** The shop's figures for a range of Shanghai days, all from GET /api/console/metrics. */
export default function DashboardPage() {
  const [range, setRange] = useState<MetricsQuery>(() => lastDays(new Date()));
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [pickedEnd, setPickedEnd] = useState<string | null>(null);
  const today = shanghaiToday(new Date());

  useEffect(() => {
    let current = true;
    setLoad({ phase: 'loading' });
    consoleApi.metrics(range).then(
      (metrics) => current && setLoad({ phase: 'ready', metrics }),
      (error: unknown) => current && setLoad({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [range, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return (
    <div className="dashboard">
      <div className="dashboard-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          数据概览
        </Typography.Title>
        <DatePicker.RangePicker
          className="dashboard-range"
          allowClear={false}
          value={[dayjs(range.from, dayFormat), dayjs(range.to, dayFormat)]}
          disabledDate={(day: Dayjs) => isDayDisabled(day.format(dayFormat), today, pickedEnd)}
          onCalendarChange={(dates) => setPickedEnd(dates?.[0]?.format(dayFormat) ?? dates?.[1]?.format(dayFormat) ?? null)}
          onOpenChange={(open) => !open && setPickedEnd(null)}
          onChange={(dates) => {
            const [from, to] = dates ?? [];
            if (from && to) setRange({ from: from.format(dayFormat), to: to.format(dayFormat) });
          }}
          presets={[
            { label: '最近 7 天', value: [dayjs(lastDays(new Date(), 7).from, dayFormat), dayjs(today, dayFormat)] },
            { label: '最近 30 天', value: [dayjs(lastDays(new Date(), 30).from, dayFormat), dayjs(today, dayFormat)] },
            { label: '最近 90 天', value: [dayjs(lastDays(new Date(), 90).from, dayFormat), dayjs(today, dayFormat)] },
          ]}
        />
      </div>
      {load.phase === 'loading' && <Skeleton active paragraph={{ rows: 12 }} className="dashboard-loading" />}
      {load.phase === 'failed' && (
        <Result
          className="dashboard-error"
          status="error"
          title="数据加载失败"
          subTitle={errorText(load.error)}
          extra={
            <Button type="primary" onClick={retry}>
              重试
            </Button>
          }
        />
      )}
      {load.phase === 'ready' && <DashboardFigures metrics={load.metrics} />}
    </div>
  );
}

function DashboardFigures({ metrics }: { metrics: Metrics }) {
  return (
    <>
      <Row gutter={[16, 16]}>
        {kpiCards(metrics.totals).map((card) => (
          <Col key={card.key} xs={24} sm={12} xl={4}>
            <Card className={`dashboard-kpi dashboard-kpi--${card.key}`} size="small">
              <Typography.Text type="secondary">{card.title}</Typography.Text>
              <div className="dashboard-kpi__value">{card.value}</div>
              <Typography.Text type="secondary" className="dashboard-kpi__note">
                {card.note}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <Card title="成交额与订单（按天）" size="small">
            <TrendChart days={metrics.days} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="分享转化：分享 → 访问 → 下单" size="small">
            <FunnelChart totals={metrics.totals} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card title="商品销售排行" size="small">
            <Table<TopProduct>
              className="dashboard-top-products"
              rowKey="productId"
              size="small"
              pagination={false}
              columns={productColumns}
              dataSource={metrics.topProducts}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="推广员排行" size="small">
            <Table<TopPromoter>
              className="dashboard-top-promoters"
              rowKey="userId"
              size="small"
              pagination={false}
              columns={promoterColumns}
              dataSource={metrics.topPromoters}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
