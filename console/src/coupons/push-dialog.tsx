import { useState } from 'react';
import { Alert, Button, Input, Modal, Table, Tag, Typography } from 'antd';
import { couponRuleText } from '@linli/shared/coupons/coupon-text';
import type { CouponTemplate, PushResult } from '@linli/shared/schemas/coupons';
import { errorText } from '../api/api-error';
import { couponsApi } from './coupons-api';
import { maxPushUsers, outcomeTag, parseUserIds, pushProblem, pushSummary, type PushOutcome } from './push-form';
import { stockLeftText } from './coupon-view';

const resultColumns = [
  { title: '用户 ID', dataIndex: 'userId', key: 'userId', render: (id: string) => <Typography.Text copyable={{ text: id }}>{id}</Typography.Text> },
  {
    title: '结果',
    key: 'outcome',
    width: 130,
    render: (_: unknown, outcome: PushOutcome) => {
      const tag = outcomeTag(outcome);
      return <Tag color={tag.color}>{tag.label}</Tag>;
    },
  },
];

/**
 * 发券: user ids pasted one per line, sent in one POST …/push. The BFF issues to each user in their own
 * transaction, so the answer is a result per user, shown as it came: issued, over the limit, out of stock.
 */
export function PushDialog({ template, onClose }: { template: CouponTemplate; onClose: (pushed: boolean) => void }) {
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [results, setResults] = useState<PushResult['results'] | null>(null);
  const parsed = parseUserIds(text);
  const problem = pushProblem(parsed);

  async function send() {
    setTouched(true);
    if (problem !== null) return;
    setSending(true);
    setFailure(null);
    try {
      setResults((await couponsApi.push(template.id, parsed.ids)).results);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <Modal
      open
      className="push-dialog"
      width={640}
      title={`发券：${template.title}（${couponRuleText(template)}）`}
      onCancel={() => onClose(results !== null)}
      maskClosable={!sending}
      footer={
        results === null
          ? [
              <Button key="cancel" onClick={() => onClose(false)} disabled={sending}>
                取消
              </Button>,
              <Button key="send" type="primary" className="push-dialog__send" loading={sending} onClick={() => void send()}>
                发放{parsed.ids.length > 0 ? ` ${parsed.ids.length} 人` : ''}
              </Button>,
            ]
          : [
              <Button key="done" type="primary" className="push-dialog__done" onClick={() => onClose(true)}>
                完成
              </Button>,
            ]
      }
    >
      {results === null ? (
        <>
          <Typography.Paragraph type="secondary">
            每行一个用户 ID（可从表格整列粘贴），一次最多 {maxPushUsers} 人。每人最多 {template.perUserLimit} 张，剩余库存 {stockLeftText(template)}。
          </Typography.Paragraph>
          {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} className="push-dialog__error" />}
          <Input.TextArea
            className="push-dialog__user-ids"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => setTouched(true)}
            rows={8}
            placeholder={'7d1e4b2a-6c3f-4a8e-9b5d-0f2c1a3e5b7d\na4c8e2f6-1b3d-4e5f-8a7c-9d0b2e4f6a8c'}
            status={touched && problem !== null ? 'error' : undefined}
            disabled={sending}
          />
          <div style={{ marginTop: 8 }}>
            {touched && problem !== null ? (
              <Typography.Text type="danger" className="push-dialog__problem">
                {problem}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">
                已识别 {parsed.ids.length} 个用户{parsed.repeated > 0 ? `（${parsed.repeated} 个重复，只发一次）` : ''}
              </Typography.Text>
            )}
          </div>
        </>
      ) : (
        <>
          <Alert type={results.every((r) => r.ok) ? 'success' : 'warning'} showIcon message={pushSummary(results)} className="push-dialog__summary" />
          <Table<PushOutcome>
            className="push-results"
            rowKey="userId"
            size="small"
            pagination={results.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={resultColumns}
            dataSource={results}
          />
        </>
      )}
    </Modal>
  );
}
