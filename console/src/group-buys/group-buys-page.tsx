import { useEffect, useState, type HTMLAttributes } from 'react';
import { App, Button, Popconfirm, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { formatFen } from '@linli/shared/money';
import type { CampaignSku, GroupCampaign } from '@linli/shared/schemas/group-buys';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';
import { allows } from '@linli/shared/staff-permissions';
import { errorText } from '../api/api-error';
import { staffSession } from '../api/console-api';
import { CampaignCreateDrawer } from './campaign-create-drawer';
import { CampaignEditModal } from './campaign-edit-modal';
import { campaignPhase, groupFigures, phaseTags, specText, switchConfirmText, timeLimitText } from './campaign-view';
import { GroupMonitorDrawer } from './group-monitor-drawer';
import { groupBuysApi } from './group-buys-api';
import './group-buys.css';

type Load = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; items: GroupCampaign[]; nextCursor: string | null };

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
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<GroupCampaign | null>(null);
  const [watching, setWatching] = useState<GroupCampaign | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const now = new Date();

  useEffect(() => {
    let current = true;
    setLoad({ phase: 'loading' });
    groupBuysApi.list(null).then(
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
      const page = await groupBuysApi.list(load.nextCursor);
      setLoad({ phase: 'ready', items: [...load.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setLoadingMore(false);
    }
  };

  // What the BFF saved replaces the row: nothing looks changed before it answered.
  const showSaved = (saved: GroupCampaign) =>
    setLoad((previous) => (previous.phase === 'ready' ? { ...previous, items: previous.items.map((c) => (c.id === saved.id ? saved : c)) } : previous));

  const flip = async (campaign: GroupCampaign) => {
    setSwitching(campaign.id);
    try {
      showSaved(await groupBuysApi.update(campaign.id, { active: !campaign.active }));
      void message.success(campaign.active ? '已停用' : '已启用');
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSwitching(null);
    }
  };

  const columns = [
    {
      title: '活动 / 商品',
      key: 'title',
      render: (_: unknown, c: GroupCampaign) => (
        <Space align="start">
          {c.productCoverUrl && <img className="campaign-cover" src={c.productCoverUrl} alt="" width={44} height={44} />}
          <div>
            <div className="campaign-title">{c.title}</div>
            <Typography.Text type="secondary">{c.productTitle}</Typography.Text>
          </div>
        </Space>
      ),
    },
    { title: 'SKU：原价 → 拼团价', key: 'skus', width: 260, render: (_: unknown, c: GroupCampaign) => <SkuPrices skus={c.skus} /> },
    {
      title: '成团规则',
      key: 'rule',
      width: 150,
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
      title: '活动时间（北京时间）',
      key: 'window',
      width: 170,
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
      width: 84,
      render: (_: unknown, c: GroupCampaign) => {
        const tag = phaseTags[campaignPhase(c, now)];
        return (
          <Tag className="campaign-phase" color={tag.color}>
            {tag.label}
          </Tag>
        );
      },
    },
    { title: '团数据', key: 'groups', width: 200, render: (_: unknown, c: GroupCampaign) => <GroupNumbers campaign={c} /> },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_: unknown, c: GroupCampaign) => (
        <Space size={0} wrap>
          <Button type="link" size="small" className="campaign-monitor" onClick={() => setWatching(c)}>
            拼团监控
          </Button>
          {mayManage && (
            <Button type="link" size="small" className="campaign-edit" onClick={() => setEditing(c)}>
              编辑
            </Button>
          )}
          {mayManage && campaignPhase(c, now) !== 'ended' && (
            <Popconfirm
              title={c.active ? '停用拼团' : '启用拼团'}
              description={<div style={{ maxWidth: 280 }}>{switchConfirmText(c.active)}</div>}
              okText={c.active ? '停用' : '启用'}
              okButtonProps={{ danger: c.active }}
              cancelText="取消"
              onConfirm={() => flip(c)}
            >
              <Button type="link" size="small" danger={c.active} loading={switching === c.id} className="campaign-switch">
                {c.active ? '停用' : '启用'}
              </Button>
            </Popconfirm>
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
      {load.phase === 'loading' && <Skeleton active paragraph={{ rows: 8 }} />}
      {load.phase === 'failed' && (
        <Result
          status="error"
          title="拼团活动加载失败"
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
          <Table<GroupCampaign>
            className="campaigns-table"
            rowKey="id"
            rowClassName={(c) => `campaign-row campaign-row--${campaignPhase(c, now)}`}
            onRow={(c) => {
              const attributes: HTMLAttributes<HTMLElement> & { 'data-campaign-id': string } = { 'data-campaign-id': c.id };
              return attributes;
            }}
            pagination={false}
            columns={columns}
            dataSource={load.items}
            locale={{ emptyText: mayManage ? '还没有拼团活动，点击“新建拼团”开始' : '还没有拼团活动' }}
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
      <CampaignCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void message.success(`已创建：${created.title}`);
          setLoad((previous) => (previous.phase === 'ready' ? { ...previous, items: [created, ...previous.items] } : previous));
        }}
      />
      {editing && (
        <CampaignEditModal
          campaign={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void message.success('已保存');
            showSaved(saved);
          }}
        />
      )}
      <GroupMonitorDrawer campaign={watching} onClose={() => setWatching(null)} />
    </div>
  );
}
