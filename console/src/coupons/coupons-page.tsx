import { useEffect, useState, type HTMLAttributes } from 'react';
import { App, Button, Popconfirm, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { centreValidityText, couponKindLabels, couponRuleText, couponScopeText } from '@linli/shared/coupons/coupon-text';
import type { CouponTemplate, CouponTemplateUsage } from '@linli/shared/schemas/coupons';
import { allows } from '@linli/shared/staff-permissions';
import { errorText } from '../api/api-error';
import { staffSession } from '../api/console-api';
import { channelLabels, phaseTags, redemptionText, stockLeftText, templatePhase } from './coupon-view';
import { couponsApi } from './coupons-api';
import { PushDialog } from './push-dialog';
import { TemplateCreateDrawer } from './template-create-drawer';
import { TemplateEditModal } from './template-edit-modal';
import './coupons.css';

type Load = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; items: CouponTemplate[]; nextCursor: string | null };
type Usage = CouponTemplateUsage | 'loading' | { failed: unknown };

const noTemplates: CouponTemplate[] = [];

/** Each listed template's usage, one request per template, read again when the list changes (figures shown meanwhile stay). */
function useUsage(templates: readonly CouponTemplate[]): Record<string, Usage> {
  const [usage, setUsage] = useState<Record<string, Usage>>({});

  useEffect(() => {
    let current = true;
    for (const template of templates) {
      setUsage((previous) => ({ ...previous, [template.id]: previous[template.id] ?? 'loading' }));
      couponsApi.usage(template.id).then(
        (figures) => current && setUsage((previous) => ({ ...previous, [template.id]: figures })),
        (error: unknown) => current && setUsage((previous) => ({ ...previous, [template.id]: { failed: error } })),
      );
    }
    return () => {
      current = false;
    };
  }, [templates]);

  return usage;
}

function UsageCell({ usage }: { usage: Usage | undefined }) {
  if (usage === undefined || usage === 'loading') return <Skeleton.Input active size="small" />;
  if ('failed' in usage) return <Typography.Text type="danger">{errorText(usage.failed, '读取失败')}</Typography.Text>;
  return (
    <div className="coupon-usage" data-issued={usage.issued} data-used={usage.used}>
      <div>
        已用 <strong>{usage.used}</strong> · 锁定 {usage.locked} · 过期 {usage.expired}
      </div>
      <Typography.Text type="secondary">
        未使用 {usage.available} · 核销率 <span className="coupon-usage__rate">{redemptionText(usage)}</span>
      </Typography.Text>
    </div>
  );
}

/** 优惠券: GET /api/console/coupon-templates with each template's usage; create, edit and push from here. */
export default function CouponsPage() {
  const role = staffSession.current()?.role;
  const mayManage = role !== undefined && allows(role, 'coupons.manage');
  const { message } = App.useApp();
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<CouponTemplate | null>(null);
  const [pushing, setPushing] = useState<CouponTemplate | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const usage = useUsage(load.phase === 'ready' ? load.items : noTemplates);
  const now = new Date();

  useEffect(() => {
    let current = true;
    setLoad({ phase: 'loading' });
    couponsApi.list(null).then(
      (page) => current && setLoad({ phase: 'ready', items: page.items, nextCursor: page.nextCursor }),
      (error: unknown) => current && setLoad({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const loadMore = async () => {
    if (load.phase !== 'ready' || load.nextCursor === null) return;
    setLoadingMore(true);
    try {
      const page = await couponsApi.list(load.nextCursor);
      setLoad({ phase: 'ready', items: [...load.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const showSaved = (saved: CouponTemplate) =>
    setLoad((previous) => (previous.phase === 'ready' ? { ...previous, items: previous.items.map((t) => (t.id === saved.id ? saved : t)) } : previous));

  const flip = async (template: CouponTemplate) => {
    setSwitching(template.id);
    try {
      showSaved(await couponsApi.update(template.id, { active: !template.active }));
      void message.success(template.active ? '已停用' : '已启用');
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSwitching(null);
    }
  };

  // A push issues coupons: the template's issued count moves, so the row and its usage are read again.
  const afterPush = () => setAttempt((n) => n + 1);

  const columns = [
    {
      title: '优惠券',
      key: 'title',
      render: (_: unknown, t: CouponTemplate) => (
        <div>
          <div className="coupon-title">
            <strong>{t.title}</strong>
          </div>
          <Space size={4} wrap>
            <Tag>{couponKindLabels[t.kind]}</Tag>
            <span className="coupon-rule">{couponRuleText(t)}</span>
          </Space>
        </div>
      ),
    },
    {
      title: '适用范围 / 有效期',
      key: 'scope',
      width: 250,
      render: (_: unknown, t: CouponTemplate) => (
        <div>
          <div>
            {couponScopeText(t)}
            {t.scopeKind !== 'all' && `（${t.scopeIds.length} 个）`}
          </div>
          <Typography.Text type="secondary">{centreValidityText(t)}</Typography.Text>
        </div>
      ),
    },
    {
      title: '发放方式',
      key: 'channels',
      width: 110,
      render: (_: unknown, t: CouponTemplate) => (
        <Space size={[0, 4]} wrap>
          {channelLabels(t).map((label) => (
            <Tag key={label} color={label === '仅定向发放' ? 'default' : 'blue'}>
              {label}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '已发 / 总量',
      key: 'stock',
      width: 120,
      render: (_: unknown, t: CouponTemplate) => (
        <div className="coupon-stock">
          <div>
            <strong>{t.issuedCount}</strong> / {t.totalStock ?? '不限'}
          </div>
          <Typography.Text type="secondary">剩余 {stockLeftText(t)} · 每人 {t.perUserLimit} 张</Typography.Text>
        </div>
      ),
    },
    { title: '使用情况', key: 'usage', width: 210, render: (_: unknown, t: CouponTemplate) => <UsageCell usage={usage[t.id]} /> },
    {
      title: '状态',
      key: 'phase',
      width: 80,
      render: (_: unknown, t: CouponTemplate) => {
        const tag = phaseTags[templatePhase(t, now)];
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
    ...(mayManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_: unknown, t: CouponTemplate) => (
              <Space size={0} wrap>
                <Button type="link" size="small" className="coupon-edit" onClick={() => setEditing(t)}>
                  编辑
                </Button>
                <Button type="link" size="small" className="coupon-push" disabled={!t.active} onClick={() => setPushing(t)}>
                  发券
                </Button>
                <Popconfirm
                  title={t.active ? '停用优惠券' : '启用优惠券'}
                  description={<div style={{ maxWidth: 260 }}>{t.active ? '停用后不能再领取或发放；已领到的券仍可在有效期内使用。确定停用？' : '启用后可以领取和发放。确定启用？'}</div>}
                  okText={t.active ? '停用' : '启用'}
                  okButtonProps={{ danger: t.active }}
                  cancelText="取消"
                  onConfirm={() => flip(t)}
                >
                  <Button type="link" size="small" danger={t.active} loading={switching === t.id} className="coupon-switch">
                    {t.active ? '停用' : '启用'}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="console-coupons">
      <div className="console-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          优惠券
        </Typography.Title>
        {mayManage && (
          <Button type="primary" className="coupon-create" onClick={() => setCreating(true)}>
            新建优惠券
          </Button>
        )}
      </div>
      {load.phase === 'loading' && <Skeleton active paragraph={{ rows: 8 }} />}
      {load.phase === 'failed' && (
        <Result
          status="error"
          title="优惠券加载失败"
          subTitle={errorText(load.error)}
          extra={
            <Button type="primary" onClick={() => setAttempt((n) => n + 1)}>
              重试
            </Button>
          }
        />
      )}
      {load.phase === 'ready' && (
        <>
          <Table<CouponTemplate>
            className="coupons-table"
            rowKey="id"
            rowClassName="coupon-row"
            onRow={(t) => {
              const attributes: HTMLAttributes<HTMLElement> & { 'data-template-id': string } = { 'data-template-id': t.id };
              return attributes;
            }}
            pagination={false}
            columns={columns}
            dataSource={load.items}
            locale={{ emptyText: mayManage ? '还没有优惠券，点击“新建优惠券”开始' : '还没有优惠券' }}
          />
          {load.nextCursor !== null && (
            <div className="console-more">
              <Button onClick={() => void loadMore()} loading={loadingMore}>
                加载更多
              </Button>
            </div>
          )}
        </>
      )}
      <TemplateCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void message.success(`已创建：${created.title}`);
          setLoad((previous) => (previous.phase === 'ready' ? { ...previous, items: [created, ...previous.items] } : previous));
        }}
      />
      {editing && (
        <TemplateEditModal
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void message.success('已保存');
            showSaved(saved);
          }}
        />
      )}
      {pushing && (
        <PushDialog
          template={pushing}
          onClose={(pushed) => {
            setPushing(null);
            if (pushed) afterPush();
          }}
        />
      )}
    </div>
  );
}
