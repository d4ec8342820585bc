import { useCallback, useMemo, useState } from 'react';
import { Button, DatePicker, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { maxActionFilterLength, type StaffAction } from '@linli/shared/schemas/audit';
import type { StaffListItem } from '@linli/shared/schemas/auth';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { roleLabels } from '../access/console-routes';
import { shanghaiToday } from '../dashboard/date-range';
import { useKeysetList } from '../lists/keyset-list';
import { KeysetTable } from '../lists/keyset-table';
import { actorName, auditQuery, emptyAuditFilters, outcomeOf, payloadText, targetLabel, type AuditFilters } from './audit-view';
import { staffApi } from './staff-api';
import { roleColors } from './staff-view';

interface FilterInput {
  staffId: string | null;
  days: [Dayjs, Dayjs] | null;
  action: string;
}

const dayFormat = 'YYYY-MM-DD';

/** The table's columns; members name the staff a row acted on. */
function auditColumns(memberNames: ReadonlyMap<string, string>) {
  return [
    { title: '时间', dataIndex: 'createdAt', key: 'createdAt', width: 170, render: (at: string) => shanghaiTimestamp(at) },
    {
      title: '操作人',
      key: 'actor',
      width: 200,
      render: (_: unknown, entry: StaffAction) => (
        <Space size={4} wrap={false}>
          <span className="audit-actor">{actorName(entry)}</span>
          {entry.role ? <Tag color={roleColors[entry.role]}>{roleLabels[entry.role]}</Tag> : <Tag>未识别</Tag>}
        </Space>
      ),
    },
    { title: '操作', dataIndex: 'action', key: 'action', ellipsis: true },
    {
      title: '对象',
      dataIndex: 'targetId',
      key: 'targetId',
      width: 130,
      render: (id: string | null, entry: StaffAction) =>
        id === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Text copyable={{ text: id }} title={id}>
            {targetLabel(entry, memberNames)}
          </Typography.Text>
        ),
    },
    {
      title: '结果',
      key: 'outcome',
      width: 250,
      render: (_: unknown, entry: StaffAction) => {
        const outcome = outcomeOf(entry);
        return (
          <Space size={4} wrap={false}>
            <Tag color={outcome.color} className="audit-outcome">
              {outcome.label}
            </Tag>
            {entry.errorCode && (
              <Typography.Text type="secondary" className="audit-error-code">
                {entry.errorCode}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    { title: 'IP', dataIndex: 'ip', key: 'ip', width: 130 },
  ];
}

function EntryDetail({ entry }: { entry: StaffAction }) {
  return (
    <div className="audit-detail">
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="接口">
          <Typography.Text code>
            {entry.method} {entry.route}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="账号">{entry.username ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="请求 ID">
          <Typography.Text copyable>{entry.requestId}</Typography.Text>
        </Descriptions.Item>
        {entry.targetId && (
          <Descriptions.Item label="对象 ID" span={3}>
            <Typography.Text copyable>{entry.targetId}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Text type="secondary">请求内容（密码、密钥与令牌已隐去）</Typography.Text>
      <pre className="audit-payload">{payloadText(entry.payload)}</pre>
    </div>
  );
}

/**
 * 操作日志: GET /api/console/audit-log page by page (keyset cursor, 加载更多), narrowed by member,
 * Shanghai days and the action's name; a row opens to the stored request body.
 */
export function AuditLogTab({ members, visit }: { members: StaffListItem[]; visit: number }) {
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const [form] = Form.useForm<FilterInput>();
  const today = shanghaiToday(new Date());
  const columns = useMemo(() => auditColumns(new Map(members.map((member) => [member.id, member.displayName]))), [members]);
  const fetchPage = useCallback((cursor: string | null) => staffApi.auditLog(auditQuery(filters, cursor)), [filters]);
  // Every visit to the tab reads the log afresh: what was just done on the accounts tab is there.
  const keyset = useKeysetList(fetchPage, visit);

  function search({ staffId, days, action }: FilterInput) {
    setFilters({
      staffId: staffId ?? null,
      days: days ? { from: days[0].format(dayFormat), to: days[1].format(dayFormat) } : null,
      action: action ?? '',
    });
  }

  function reset() {
    form.resetFields();
    setFilters(emptyAuditFilters);
  }

  return (
    <div className="audit-log">
      <Form form={form} layout="inline" onFinish={search} className="audit-filter" initialValues={{ staffId: null, days: null, action: '' }}>
        <Form.Item label="员工" name="staffId">
          <Select
            className="audit-filter__staff"
            allowClear
            placeholder="全部员工"
            style={{ width: 200 }}
            options={members.map((member) => ({ value: member.id, label: `${member.displayName}（${member.username}）` }))}
          />
        </Form.Item>
        <Form.Item label="日期" name="days">
          <DatePicker.RangePicker className="audit-filter__days" disabledDate={(day: Dayjs) => day.format(dayFormat) > today} />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <Input className="audit-filter__action" placeholder="如 发货、新增员工" allowClear maxLength={maxActionFilterLength} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" className="audit-filter__submit">
              查询
            </Button>
            <Button onClick={reset}>重置</Button>
          </Space>
        </Form.Item>
      </Form>

      <KeysetTable<StaffAction>
        keyset={keyset}
        name="audit"
        failedTitle="操作日志加载失败"
        allShown={(n) => `已显示全部 ${n} 条`}
        rowKey="id"
        size="middle"
        rowClassName="audit-row"
        columns={columns}
        expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} />, expandRowByClick: true }}
        locale={{ emptyText: '没有符合条件的操作记录' }}
      />
    </div>
  );
}
