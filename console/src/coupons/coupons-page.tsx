import { useEffect, useState, type HTMLAttributes } from 'react';
import { App, Button, Skeleton, Space, Tag, Typography } from 'antd';
import { centreValidityText, couponKindLabels, couponRuleText, couponScopeText } from '@linli/shared/coupons/coupon-text';
import type { CouponTemplate, CouponTemplateUsage } from '@linli/shared/schemas/coupons';
import { allows } from '@linli/shared/staff-permissions';
import { errorText } from '../api/api-error';
import { staffSession } from '../api/console-api';
import { channelLabels, phaseTags, redemptionText, scopeCountText, stockLeftText, switchConsequence, templatePhase } from './coupon-view';
import { KeysetTable } from '../lists/keyset-table';
import { SwitchButton } from '../lists/switch-button';
import { prependRow, replaceRow, useKeysetList } from '../lists/keyset-list';
import { useRowSave } from '../lists/row-save';
import { couponsApi } from './coupons-api';
import { PushDialog } from './push-dialog';
import { TemplateCreateDrawer } from './template-create-drawer';
import { TemplateEditModal } from './template-edit-modal';
import './coupons.css';

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
  const keyset = useKeysetList(couponsApi.list);
  const rowSave = useRowSave(keyset.updateItems);
  const { list: load } = keyset;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<CouponTemplate | null>(null);
  const [pushing, setPushing] = useState<CouponTemplate | null>(null);
  const usage = useUsage(load.phase === 'ready' ? load.items : noTemplates);
  const now = new Date();

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
          <div>{couponScopeText(t)}</div>
          <Typography.Text type="secondary">
            {scopeCountText(t)}
            {centreValidityText(t)}
          </Typography.Text>
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
            width: 150,
            render: (_: unknown, t: CouponTemplate) => (
              <Space size={0}>
                <Button type="link" size="small" className="coupon-edit" onClick={() => setEditing(t)}>
                  编辑
                </Button>
                <Button type="link" size="small" className="coupon-push" disabled={!t.active} onClick={() => setPushing(t)}>
                  发券
                </Button>
                <SwitchButton
                  active={t.active}
                  what="优惠券"
                  consequence={switchConsequence(t.active)}
                  saving={rowSave.savingId === t.id}
                  className="coupon-switch"
                  onConfirm={() => rowSave.save(t.id, () => couponsApi.update(t.id, { active: !t.active }), t.active ? '已停用' : '已启用')}
                />
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
      <KeysetTable<CouponTemplate>
        keyset={keyset}
        name="coupons"
        failedTitle="优惠券加载失败"
        allShown={(n) => `已显示全部 ${n} 张券`}
        rowKey="id"
        onRow={(row) => ({ 'data-template-id': row.id }) as HTMLAttributes<HTMLElement>}
        rowClassName="coupon-row"
        columns={columns}
        locale={{ emptyText: mayManage ? '还没有优惠券，点击“新建优惠券”开始' : '还没有优惠券' }}
      />
      <TemplateCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void message.success(`已创建：${created.title}`);
          keyset.updateItems(prependRow(created));
        }}
      />
      {editing && (
        <TemplateEditModal
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void message.success('已保存');
            keyset.updateItems(replaceRow(saved));
          }}
        />
      )}
      {pushing && (
        <PushDialog
          template={pushing}
          onClose={(pushed) => {
            setPushing(null);
            // A push issues coupons: the template's issued count moves, so the list is read again.
            if (pushed) keyset.retry();
          }}
        />
      )}
    </div>
  );
}
