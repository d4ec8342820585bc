import { useEffect, useState } from 'react';
import { Avatar, Button, Card, Col, Drawer, Empty, Progress, Radio, Result, Row, Skeleton, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { formatFen } from '@linli/shared/money';
import type { GroupCampaign, GroupStatus, MonitoredGroup } from '@linli/shared/schemas/group-buys';
import { shanghaiDateTime, shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { errorText } from '../api/api-error';
import { groupFigures, specText, timeLimitText } from './campaign-view';
import { groupBuysApi } from './group-buys-api';
import { countdownText, groupStatusTags, initialOf, monitorFilters, monitorRefreshMs, seatLabels, seatsText, secondsLeftAt } from './monitor-view';

type Filter = GroupStatus | 'all';
type Load =
  | { phase: 'loading' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'ready'; campaign: GroupCampaign; groups: MonitoredGroup[]; more: boolean; fetchedAtMs: number; refreshFailed: unknown };

/** The time now, once a second while `ticking`: drives the countdowns without asking the BFF. */
function useSecondClock(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}

/**
 * The groups of one campaign, asked again every ~10 s while the drawer is open (the timer stops when
 * it closes or the page goes away). A failed refresh keeps the last answer on screen and says so.
 */
function useMonitoredGroups(campaignId: string | null, filter: Filter): { load: Load; refresh: () => void } {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (campaignId === null) return;
    let current = true;
    setLoad({ phase: 'loading' });
    // The campaign too, so the counts by status move with the groups below them.
    const ask = () =>
      Promise.all([groupBuysApi.get(campaignId), groupBuysApi.groups(campaignId, filter === 'all' ? null : filter)]).then(
        ([campaign, page]) =>
          current && setLoad({ phase: 'ready', campaign, groups: page.items, more: page.nextCursor !== null, fetchedAtMs: Date.now(), refreshFailed: null }),
        (error: unknown) => current && setLoad((previous) => (previous.phase === 'ready' ? { ...previous, refreshFailed: error } : { phase: 'failed', error })),
      );
    void ask();
    const timer = window.setInterval(() => void ask(), monitorRefreshMs);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [campaignId, filter, attempt]);

  return { load, refresh: () => setAttempt((n) => n + 1) };
}

function GroupCard({ group, fetchedAtMs, now }: { group: MonitoredGroup; fetchedAtMs: number; now: number }) {
  const tag = groupStatusTags[group.status];
  const left = secondsLeftAt(group, fetchedAtMs, now);
  return (
    <Card size="small" className={`monitor-group monitor-group--${group.status}`} data-group-id={group.id}>
      <div className="monitor-group__head">
        <Tag color={tag.color} className="monitor-group__status">
          {tag.label}
        </Tag>
        {left !== null ? (
          <Tooltip title={group.expiresAt ? `${shanghaiTimestamp(group.expiresAt)} 到时` : undefined}>
            <span className="monitor-group__countdown">剩余 {countdownText(left)}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{group.openedAt ? `开团于 ${shanghaiDateTime(group.openedAt)}` : `创建于 ${shanghaiDateTime(group.createdAt)}`}</Typography.Text>
        )}
      </div>
      <div className="monitor-group__seats">
        <Progress
          percent={Math.round((group.seatsPaid / group.size) * 100)}
          steps={group.size}
          strokeColor="#52c41a"
          size={[Math.max(12, Math.floor(180 / group.size)), 10]}
          showInfo={false}
        />
        <span className="monitor-group__seats-text">{seatsText(group)}</span>
      </div>
      <div className="monitor-group__members">
        {group.members.map((member, index) => (
          <div key={`${member.nickname}-${index}`} className="monitor-member">
            <Avatar size="small" style={{ background: member.isLeader ? '#e4393c' : '#8c8c8c' }}>
              {initialOf(member.nickname)}
            </Avatar>
            <span className="monitor-member__name">{member.nickname}</span>
            {member.isLeader && <Tag color="red">团长</Tag>}
            <Tag color={seatLabels[member.seat].color}>{seatLabels[member.seat].label}</Tag>
          </div>
        ))}
        {Array.from({ length: Math.max(0, group.size - group.members.filter((m) => m.seat === 'paid' || m.seat === 'reserved').length) }, (_, i) => (
          <div key={`empty-${i}`} className="monitor-member monitor-member--empty">
            <Avatar size="small">?</Avatar>
            <Typography.Text type="secondary">空位</Typography.Text>
          </div>
        ))}
      </div>
    </Card>
  );
}

function CampaignCounts({ campaign }: { campaign: GroupCampaign }) {
  const figures = groupFigures(campaign.groups);
  const cells = [
    { key: 'open', title: '拼团中', value: String(campaign.groups.open) },
    { key: 'pending', title: '待团长付款', value: String(campaign.groups.pending) },
    { key: 'succeeded', title: '已成团', value: String(campaign.groups.succeeded) },
    { key: 'failed', title: '未成团', value: String(campaign.groups.failed) },
    { key: 'rate', title: '成团率', value: figures.successRate },
  ];
  return (
    <Card size="small" className="monitor-counts">
      <Row>
        {cells.map((cell) => (
          <Col key={cell.key} flex="1">
            <Statistic className={`monitor-counts__${cell.key}`} title={cell.title} value={cell.value} />
          </Col>
        ))}
      </Row>
      <div className="monitor-counts__prices">
        {campaign.skus.map((sku) => (
          <Tag key={sku.skuId}>
            {specText(sku.specs)} {formatFen(sku.groupPrice)}
            {sku.leaderPrice !== null ? ` · 团长 ${formatFen(sku.leaderPrice)}` : ''}
          </Tag>
        ))}
        <Typography.Text type="secondary">
          {shanghaiDateTime(campaign.startsAt)} 至 {shanghaiDateTime(campaign.endsAt)}
        </Typography.Text>
      </div>
    </Card>
  );
}

/** 拼团监控: the campaign's groups with their members, seats and a countdown ticking each second. */
export function GroupMonitorDrawer({ campaign, onClose }: { campaign: GroupCampaign | null; onClose: () => void }) {
  const [filter, setFilter] = useState<Filter>('open');
  const { load, refresh } = useMonitoredGroups(campaign?.id ?? null, filter);
  const now = useSecondClock(campaign !== null && load.phase === 'ready');

  return (
    <Drawer
      className="group-monitor"
      open={campaign !== null}
      onClose={onClose}
      width={880}
      destroyOnClose
      title={
        campaign && (
          <Space direction="vertical" size={0}>
            <span>拼团监控：{campaign.title}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {campaign.productTitle} · {campaign.groupSize} 人团 · 成团时限 {timeLimitText(campaign.timeLimitMinutes)}
            </Typography.Text>
          </Space>
        )
      }
    >
      <div className="console-toolbar monitor-toolbar">
        <Radio.Group className="monitor-filter" optionType="button" value={filter} onChange={(event) => setFilter(event.target.value as Filter)} options={[...monitorFilters]} />
        <Space>
          <Typography.Text type="secondary" className="monitor-refreshed">
            {load.phase === 'ready' && `每 ${monitorRefreshMs / 1000} 秒自动刷新 · 更新于 ${shanghaiTimestamp(new Date(load.fetchedAtMs).toISOString()).slice(11)}`}
          </Typography.Text>
          <Button size="small" onClick={refresh}>
            刷新
          </Button>
        </Space>
      </div>
      {load.phase === 'loading' && <Skeleton active paragraph={{ rows: 6 }} />}
      {load.phase === 'failed' && <Result status="error" title="团列表加载失败" subTitle={errorText(load.error)} extra={<Button onClick={refresh}>重试</Button>} />}
      {load.phase === 'ready' && (
        <>
          {load.refreshFailed !== null && (
            <Typography.Text type="danger" className="monitor-stale">
              刷新失败，显示的是上次的数据：{errorText(load.refreshFailed)}
            </Typography.Text>
          )}
          <CampaignCounts campaign={load.campaign} />
          {load.groups.length === 0 ? (
            <Empty className="monitor-empty" description={filter === 'open' ? '当前没有拼团中的团' : '没有这个状态的团'} />
          ) : (
            <Row gutter={[12, 12]} className="monitor-groups">
              {load.groups.map((group) => (
                <Col key={group.id} span={12}>
                  <GroupCard group={group} fetchedAtMs={load.fetchedAtMs} now={now} />
                </Col>
              ))}
            </Row>
          )}
          {load.more && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>只显示最新的 50 个团。</Typography.Paragraph>}
        </>
      )}
    </Drawer>
  );
}
