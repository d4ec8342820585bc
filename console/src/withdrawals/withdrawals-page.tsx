import { useCallback, useEffect, useState } from 'react';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { App, Button, Descriptions, Drawer, Input, Modal, Radio, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { formatFen } from '@linli/shared/money';
import type { ConsoleWithdrawal, ConsoleWithdrawalDetail, WithdrawalStatus } from '@linli/shared/schemas/withdrawals';
import { ApiError, errorText } from '../api/api-error';
import { replaceRow as replaceRowOf, useKeysetList } from '../lists/keyset-list';
import { KeysetTable } from '../lists/keyset-table';
import { withdrawalsApi, type Decision } from './withdrawals-api';
import { actorText, canDecide, defaultStatus, eventSummary, failReasonText, maxNoteLength, noteError, payoutProgress, statusOptions, statusTags } from './withdrawal-view';
import './withdrawals.css';

type StatusFilter = WithdrawalStatus | 'all';

const CONFLICT = 409;

function StatusTag({ status }: { status: WithdrawalStatus }) {
  const tag = statusTags[status];
  return <Tag color={tag.color}>{tag.label}</Tag>;
}

/** After approval: where the money is; before it, the decision's note. */
function ProgressOrNote({ row }: { row: ConsoleWithdrawal }) {
  const progress = payoutProgress(row);
  if (progress === null) return <>{row.decisionNote || '—'}</>;
  return (
    <Typography.Text type={progress.tone} className={`withdrawal-progress withdrawal-progress--${progress.tone}`}>
      {progress.text}
    </Typography.Text>
  );
}

const columns = [
  { title: '申请时间', dataIndex: 'createdAt', key: 'createdAt', width: 180, render: (at: string) => shanghaiTimestamp(at) },
  { title: '推广员', dataIndex: 'nickname', key: 'nickname' },
  { title: '金额', dataIndex: 'amount', key: 'amount', align: 'right' as const, width: 120, render: (fen: number) => formatFen(fen) },
  { title: '状态', dataIndex: 'status', key: 'status', width: 110, render: (status: WithdrawalStatus) => <StatusTag status={status} /> },
  {
    title: '审核时间',
    dataIndex: 'decidedAt',
    key: 'decidedAt',
    width: 180,
    render: (at: string | null) => (at === null ? '—' : shanghaiTimestamp(at)),
  },
  {
    title: '打款时间',
    dataIndex: 'paidAt',
    key: 'paidAt',
    width: 180,
    render: (at: string | null) => (at === null ? '—' : shanghaiTimestamp(at)),
  },
  {
    title: '打款进度 / 备注',
    key: 'note',
    ellipsis: true,
    render: (_: unknown, row: ConsoleWithdrawal) => <ProgressOrNote row={row} />,
  },
];

/** Finance's queue of withdrawal requests: GET /api/console/withdrawals, decided in the drawer. */
export default function WithdrawalsPage() {
  const [status, setStatus] = useState<StatusFilter>(defaultStatus);
  const [openId, setOpenId] = useState<string | null>(null);
  const keyset = useKeysetList(useCallback((cursor: string | null) => withdrawalsApi.list(status === 'all' ? null : status, cursor), [status]));
  const { updateItems } = keyset;

  // A decision (or a reload after someone else's) shows in the row at once; the row keeps its place until the list reloads.
  const replaceRow = useCallback((fresh: ConsoleWithdrawal) => updateItems(replaceRowOf(fresh)), [updateItems]);

  return (
    <div className="console-withdrawals">
      <div className="console-toolbar withdrawals-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          提现审核
        </Typography.Title>
        <Radio.Group
          className="withdrawals-filter__status"
          optionType="button"
          value={status}
          onChange={(event) => setStatus(event.target.value as StatusFilter)}
          options={[...statusOptions, { value: 'all', label: '全部' }]}
        />
      </div>
      <KeysetTable<ConsoleWithdrawal>
        keyset={keyset}
        name="withdrawals"
        failedTitle="提现申请加载失败"
        allShown={(n) => `已显示全部 ${n} 笔申请`}
        rowKey="id"
        size="middle"
        columns={columns}
        locale={{ emptyText: status === 'requested' ? '没有待审核的提现申请' : '没有这个状态的提现申请' }}
        rowClassName={(row) => `withdrawal-row withdrawal-row--${row.status}`}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
      />
      <WithdrawalDrawer id={openId} onClose={() => setOpenId(null)} onChanged={replaceRow} />
    </div>
  );
}

type DetailLoad = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; detail: ConsoleWithdrawalDetail };

function WithdrawalDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: (fresh: ConsoleWithdrawal) => void }) {
  const [load, setLoad] = useState<DetailLoad>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [deciding, setDeciding] = useState<Decision | null>(null);

  useEffect(() => {
    if (id === null) return;
    let current = true;
    setLoad({ phase: 'loading' });
    withdrawalsApi.detail(id).then(
      (detail) => current && setLoad({ phase: 'ready', detail }),
      (error: unknown) => current && setLoad({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);

  const showFresh = (detail: ConsoleWithdrawalDetail) => {
    setLoad({ phase: 'ready', detail });
    onChanged(detail);
  };

  return (
    <Drawer className="withdrawal-drawer" open={id !== null} onClose={onClose} width={560} title="提现详情" destroyOnClose>
      {load.phase === 'loading' && <Skeleton active paragraph={{ rows: 10 }} />}
      {load.phase === 'failed' && (
        <Result
          status="error"
          title="详情加载失败"
          subTitle={errorText(load.error)}
          extra={<Button onClick={() => setAttempt((n) => n + 1)}>重试</Button>}
        />
      )}
      {load.phase === 'ready' && (
        <>
          <WithdrawalFacts detail={load.detail} />
          {canDecide(load.detail.status) && (
            <Space style={{ marginTop: 16 }}>
              <Button type="primary" className="withdrawal-approve" onClick={() => setDeciding('approve')}>
                批准并打款
              </Button>
              <Button danger className="withdrawal-reject" onClick={() => setDeciding('reject')}>
                拒绝
              </Button>
            </Space>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            处理记录
          </Typography.Title>
          <Timeline
            className="withdrawal-events"
            items={load.detail.events.map((event) => ({
              color: statusTags[event.toStatus].color === 'error' ? 'red' : event.toStatus === 'paid' ? 'green' : 'blue',
              children: (
                <div className="withdrawal-event">
                  <div>
                    <strong>{eventSummary(event)}</strong>
                    <Typography.Text type="secondary"> · {actorText(event, load.detail.nickname)}</Typography.Text>
                  </div>
                  <Typography.Text type="secondary">{shanghaiTimestamp(event.at)}</Typography.Text>
                  {event.note && <div className="withdrawal-event__note">{event.note}</div>}
                </div>
              ),
            }))}
          />
          {deciding !== null && (
            <DecisionDialog
              detail={load.detail}
              decision={deciding}
              onClose={() => setDeciding(null)}
              onDecided={(fresh) => {
                setDeciding(null);
                showFresh(fresh);
              }}
              onStale={() => {
                setDeciding(null);
                // Someone decided first: show what they did rather than our stale copy.
                withdrawalsApi.detail(load.detail.id).then(showFresh, (error: unknown) => setLoad({ phase: 'failed', error }));
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

function WithdrawalFacts({ detail }: { detail: ConsoleWithdrawalDetail }) {
  return (
    <Descriptions column={1} size="small" bordered className="withdrawal-facts">
      <Descriptions.Item label="推广员">{detail.nickname}</Descriptions.Item>
      <Descriptions.Item label="金额">
        <span className="withdrawal-facts__amount">{formatFen(detail.amount)}</span>
      </Descriptions.Item>
      <Descriptions.Item label="状态">
        <StatusTag status={detail.status} />
      </Descriptions.Item>
      <Descriptions.Item label="申请时间">{shanghaiTimestamp(detail.createdAt)}</Descriptions.Item>
      {detail.decidedAt !== null && <Descriptions.Item label="审核时间">{shanghaiTimestamp(detail.decidedAt)}</Descriptions.Item>}
      {detail.decisionNote !== '' && <Descriptions.Item label="审核备注">{detail.decisionNote}</Descriptions.Item>}
      {detail.paidAt !== null && <Descriptions.Item label="打款时间">{shanghaiTimestamp(detail.paidAt)}</Descriptions.Item>}
      {payoutProgress(detail) !== null && (
        <Descriptions.Item label="打款进度">
          <ProgressOrNote row={detail} />
        </Descriptions.Item>
      )}
      {detail.failReason !== null && (
        <Descriptions.Item label="失败原因">
          <Typography.Text type="danger">{failReasonText(detail.failReason)}</Typography.Text>
        </Descriptions.Item>
      )}
      <Descriptions.Item label="商户单号">{detail.outBillNo}</Descriptions.Item>
      {detail.transferBillNo !== null && <Descriptions.Item label="微信转账单号">{detail.transferBillNo}</Descriptions.Item>}
      {detail.attempts > 0 && (
        <Descriptions.Item label="打款尝试">
          {detail.attempts} 次{detail.lastError !== null && <Typography.Text type="danger">（最近错误：{detail.lastError}）</Typography.Text>}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function DecisionDialog({
  detail,
  decision,
  onClose,
  onDecided,
  onStale,
}: {
  detail: ConsoleWithdrawalDetail;
  decision: Decision;
  onClose: () => void;
  onDecided: (fresh: ConsoleWithdrawalDetail) => void;
  onStale: () => void;
}) {
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const { message } = App.useApp();
  const problem = noteError(decision, note);
  const rejecting = decision === 'reject';

  const submit = async () => {
    setTouched(true);
    if (problem !== null) return;
    setSubmitting(true);
    try {
      const fresh = await withdrawalsApi.decide(detail.id, decision, { note: note.trim() });
      void message.success(rejecting ? '已拒绝，金额已退回推广员的可提现余额' : '已批准，正在打款到微信零钱');
      onDecided(fresh);
    } catch (error) {
      void message.error(errorText(error));
      if (error instanceof ApiError && error.status === CONFLICT) onStale();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      className={`withdrawal-decision withdrawal-decision--${decision}`}
      title={rejecting ? '拒绝这笔提现？' : '批准这笔提现？'}
      okText={rejecting ? '确认拒绝' : '确认批准'}
      okButtonProps={{ danger: rejecting, loading: submitting, className: 'withdrawal-decision__ok' }}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={!submitting}
    >
      <p>
        {detail.nickname} 申请提现 <strong>{formatFen(detail.amount)}</strong>。
        {rejecting ? '拒绝后金额退回其可提现余额，推广员会看到拒绝原因。' : '批准后立即通过微信转账到其零钱，无法撤回。'}
      </p>
      <Input.TextArea
        className={rejecting ? 'withdrawal-reject__note' : 'withdrawal-approve__note'}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onBlur={() => setTouched(true)}
        placeholder={rejecting ? '拒绝原因（必填）' : '备注（选填）'}
        maxLength={maxNoteLength}
        rows={3}
        status={touched && problem !== null ? 'error' : undefined}
      />
      {touched && problem !== null && <Typography.Text type="danger">{problem}</Typography.Text>}
    </Modal>
  );
}
