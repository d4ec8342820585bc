import { useState, type HTMLAttributes } from 'react';
import { App, Button, Space, Tag, Typography } from 'antd';
import { formatFen } from '@linli/shared/money';
import type { CampaignSku, GroupCampaign } from '@linli/shared/schemas/group-buys';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';
import { allows } from '@linli/shared/staff-permissions';
import { staffSession } from '../api/console-api';
import { CampaignCreateDrawer } from './campaign-create-drawer';
import { CampaignEditModal } from './campaign-edit-modal';
import { campaignPhase, groupFigures, phaseTags, specText, switchConsequence, timeLimitText } from './campaign-view';
import { GroupMonitorDrawer } from './group-monitor-drawer';
import { KeysetTable } from '../lists/keyset-table';
import { SwitchButton } from '../lists/switch-button';
import { prependRow, replaceRow, useKeysetList } from '../lists/keyset-list';
import { useRowSave } from '../lists/row-save';
import { groupBuysApi } from './group-buys-api';
import './group-buys.css';

function SkuPrices({ skus }: { skus: CampaignSku[] }) {
  return (
    <div className="campaign-skus">
      {skus.map((sku) => (
        <div key={sku.skuId} className="campaign-skus__row">
          <Typography.Text type="secondary">{specText(sku.specs)}</Typography.Text>{' '}
          <Typography.Text delete type="secondary">
            {formatFen(sku.price)}
          </Typography.Text>{' '}
          <Typography.Text strong className="campaign-skus__group-price">
            {formatFen(sku.groupPrice)}
          </Typography.Text>
          {sku.leaderPrice !== null && <Tag className="campaign-skus__leader">团长 {formatFen(sku.leaderPrice)}</Tag>}
        </div>
      ))}
    </div>
  );
}

function GroupNumbers({ campaign }: { campaign: GroupCampaign }) {
  const figures = groupFigures(campaign.groups);
  return (
    <div className="campaign-groups">
      <div>
        开团 <strong>{figures.opened}</strong> · 进行中 <strong>{figures.open}</strong>
      </div>
      <Typography.Text type="secondary">
        成团 {figures.succeeded} · 失败 {figures.failed} · 成团率 {figures.successRate}
      </Typography.Text>
    </div>
  );
}

/** 拼团活动: GET /api/console/group-campaigns, created in a drawer, each campaign's groups in the live monitor. */
export default function GroupBuysPage() {
  const role = staffSession.current()?.role;
  const mayManage = role !== undefined && allows(role, 'campaigns.manage');
  const { message } = App.useApp();
  const keyset = useKeysetList(groupBuysApi.list);
  const rowSave = useRowSave(keyset.updateItems);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<GroupCampaign | null>(null);
  const [watching, setWatching] = useState<GroupCampaign | null>(null);
  const now = new Date();

  const columns = [
    {
      title: '活动 / 商品',
      key: 'title',
      render: (_: unknown, c: GroupCampaign) => (
        <div className="campaign-cell">
          {c.productCoverUrl && <img className="campaign-cover" src={c.productCoverUrl} alt="" width={44} height={44} />}
          <div className="campaign-names">
            <div className="campaign-title">{c.title}</div>
            <Typography.Text type="secondary" ellipsis={{ tooltip: c.productTitle }} className="campaign-product">
              {c.productTitle}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: 'SKU：原价 → 拼团价', key: 'skus', width: 265, render: (_: unknown, c: GroupCampaign) => <SkuPrices skus={c.skus} /> },
    {
      title: '成团规则',
      key: 'rule',
      width: 130,
      render: (_: unknown, c: GroupCampaign) => (
        <div>
          <div>
            <strong>{c.groupSize} 人团</strong> · {timeLimitText(c.timeLimitMinutes)}
          </div>
          <Typography.Text type="secondary">
            每人限 {c.perUserLimit} 次{c.newUsersOnly ? ' · 仅新用户参团' : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '活动时间',
      key: 'window',
      width: 150,
      render: (_: unknown, c: GroupCampaign) => (
        <div className="campaign-window">
          <div>{shanghaiDateTime(c.startsAt)}</div>
          <Typography.Text type="secondary">至 {shanghaiDateTime(c.endsAt)}</Typography.Text>
        </div>
      ),
    },
    {
      title: '状态',
      key: 'phase',
      width: 70,
      render: (_: unknown, c: GroupCampaign) => {
        const tag = phaseTags[campaignPhase(c, now)];
        return (
          <Tag className="campaign-phase" color={tag.color}>
            {tag.label}
          </Tag>
        );
      },
    },
    { title: '团数据', key: 'groups', width: 180, render: (_: unknown, c: GroupCampaign) => <GroupNumbers campaign={c} /> },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_: unknown, c: GroupCampaign) => (
        <Space size={0}>
          <Button type="link" size="small" className="campaign-monitor" onClick={() => setWatching(c)}>
            拼团监控
          </Button>
          {mayManage && (
            <Button type="link" size="small" className="campaign-edit" onClick={() => setEditing(c)}>
              编辑
            </Button>
          )}
          {mayManage && campaignPhase(c, now) !== 'ended' && (
            <SwitchButton
              active={c.active}
              what="拼团"
              consequence={switchConsequence(c.active)}
              saving={rowSave.savingId === c.id}
              className="campaign-switch"
              onConfirm={() => rowSave.save(c.id, () => groupBuysApi.update(c.id, { active: !c.active }), c.active ? '已停用' : '已启用')}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="console-group-buys">
      <div className="console-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          拼团活动
        </Typography.Title>
        {mayManage && (
          <Button type="primary" className="campaign-create" onClick={() => setCreating(true)}>
            新建拼团
          </Button>
        )}
      </div>
      <KeysetTable<GroupCampaign>
        keyset={keyset}
        name="campaigns"
        failedTitle="拼团活动加载失败"
        allShown={(n) => `已显示全部 ${n} 个活动`}
        rowKey="id"
        onRow={(row) => ({ 'data-campaign-id': row.id }) as HTMLAttributes<HTMLElement>}
        tableLayout="fixed"
        size="middle"
        rowClassName={(c) => `campaign-row campaign-row--${campaignPhase(c, now)}`}
        columns={columns}
        locale={{ emptyText: mayManage ? '还没有拼团活动，点击“新建拼团”开始' : '还没有拼团活动' }}
      />
      <CampaignCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void message.success(`已创建：${created.title}`);
          keyset.updateItems(prependRow(created));
        }}
      />
      {editing && (
        <CampaignEditModal
          campaign={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void message.success('已保存');
            keyset.updateItems(replaceRow(saved));
          }}
        />
      )}
      <GroupMonitorDrawer campaign={watching} onClose={() => setWatching(null)} />
    </div>
  );
}
