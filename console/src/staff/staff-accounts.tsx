import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Badge, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { StaffListItem, StaffMember, StaffRole } from '@linli/shared/schemas/auth';
import { displayNamePolicy, passwordPolicy, usernamePolicy } from '@linli/shared/staff-accounts';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';
import { roleLabels } from '../access/console-routes';
import { errorText } from '../api/api-error';
import { staffSession } from '../api/console-api';
import { useCheckedSubmit } from '../forms/use-checked-submit';
import { staffApi } from './staff-api';
import { editStaffFields, newStaffFields, validateNewStaff, validateStaffEdit, type EditStaffInput, type NewStaffInput } from './staff-form';
import { activeSwitch, roleColors, roleOptions } from './staff-view';

function RoleTag({ role }: { role: StaffRole }) {
  return <Tag color={roleColors[role]}>{roleLabels[role]}</Tag>;
}

function RoleSelect(props: { value?: StaffRole; onChange?: (role: StaffRole) => void; className?: string }) {
  return (
    <Select<StaffRole>
      {...props}
      placeholder="选择角色"
      popupClassName="staff-role-options"
      options={roleOptions.map((option) => ({
        value: option.value,
        label: option.label,
        title: option.duties,
      }))}
      optionRender={(option) => (
        <div className="staff-role-option">
          <span>{option.label}</span>
          <Typography.Text type="secondary">{roleOptions.find((o) => o.value === option.value)?.duties}</Typography.Text>
        </div>
      )}
    />
  );
}

/** The accounts tab: every member, a form for a new one, and per member an edit and an on/off switch. */
export function StaffAccounts({ members, onSaved }: { members: StaffListItem[]; onSaved: (saved: StaffMember) => void }) {
  const { message } = App.useApp();
  const selfId = staffSession.current()?.id;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffListItem | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function switchActive(member: StaffListItem) {
    const change = activeSwitch(member, member.id === selfId);
    setSwitching(member.id);
    setRefusal(null);
    try {
      onSaved(await staffApi.update(member.id, { active: change.active }));
      void message.success(change.done);
    } catch (error) {
      setRefusal(errorText(error));
    } finally {
      setSwitching(null);
    }
  }

  const columns = [
    {
      title: '用户名',
      dataIndex: 'username',
      key: 'username',
      width: 200,
      render: (username: string, member: StaffListItem) => (
        <Space size={4}>
          <Typography.Text code>{username}</Typography.Text>
          {member.id === selfId && <Tag>我</Tag>}
        </Space>
      ),
    },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    { title: '角色', dataIndex: 'role', key: 'role', width: 100, render: (role: StaffRole) => <RoleTag role={role} /> },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 100,
      render: (active: boolean) => <Badge status={active ? 'success' : 'default'} text={active ? '启用' : '已停用'} />,
    },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', width: 160, render: (at: string) => shanghaiDateTime(at) },
    {
      title: '最近登录',
      dataIndex: 'lastSignInAt',
      key: 'lastSignInAt',
      width: 160,
      render: (at: string | null) => (at === null ? <Typography.Text type="secondary">从未登录</Typography.Text> : shanghaiDateTime(at)),
    },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_: unknown, member: StaffListItem) => {
        const change = activeSwitch(member, member.id === selfId);
        return (
          <Space size={0}>
            <Button type="link" size="small" className="staff-row__edit" onClick={() => setEditing(member)}>
              编辑
            </Button>
            <Popconfirm
              title={`${change.label}账号`}
              description={<div className="staff-confirm">{change.confirm}</div>}
              okText={change.label}
              okButtonProps={{ danger: !change.active, className: 'staff-row__switch-ok' }}
              cancelText="取消"
              onConfirm={() => switchActive(member)}
            >
              <Button type="link" size="small" danger={!change.active} loading={switching === member.id} className="staff-row__switch">
                {change.label}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <div className="staff-toolbar">
        <Typography.Text type="secondary">共 {members.length} 个账号，其中启用 {members.filter((m) => m.active).length} 个</Typography.Text>
        <Button type="primary" className="staff-create" onClick={() => setCreating(true)}>
          新增员工
        </Button>
      </div>
      {refusal && <Alert className="staff-refusal" type="error" showIcon closable message="操作未完成" description={refusal} onClose={() => setRefusal(null)} style={{ marginBottom: 16 }} />}
      <Table<StaffListItem>
        className="staff-table"
        rowKey="id"
        size="middle"
        pagination={false}
        columns={columns}
        dataSource={members}
        rowClassName={(member) => (member.active ? 'staff-row' : 'staff-row staff-row--inactive')}
        onRow={(member) => {
          const attributes: HTMLAttributes<HTMLElement> & { 'data-username': string } = { 'data-username': member.username };
          return attributes;
        }}
      />
      {creating && (
        <CreateStaffModal
          onClose={() => setCreating(false)}
          onCreated={(member) => {
            setCreating(false);
            onSaved(member);
            void message.success(`已新增员工 ${member.displayName}（${roleLabels[member.role]}）`);
          }}
        />
      )}
      {editing && (
        <EditStaffModal
          member={editing}
          onClose={() => setEditing(null)}
          onSaved={(member) => {
            setEditing(null);
            onSaved(member);
            void message.success(`已保存 ${member.displayName}`);
          }}
        />
      )}
    </>
  );
}

/**
 * A new account. The form checks CreateStaffBody's rules before sending and keeps what was typed
 * when the BFF refuses (its message under the field it names, e.g. a username already taken).
 */
function CreateStaffModal({ onClose, onCreated }: { onClose: () => void; onCreated: (member: StaffMember) => void }) {
  const [form] = Form.useForm<NewStaffInput>();
  const { submit, submitting, formError } = useCheckedSubmit(form, {
    fields: newStaffFields,
    check: validateNewStaff,
    codeFields: { USERNAME_TAKEN: 'username' },
    send: async (body) => onCreated(await staffApi.create(body)),
  });

  return (
    <Modal
      open
      title="新增员工"
      className="staff-create-modal"
      okText="创建账号"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, className: 'staff-create__submit' }}
      maskClosable={false}
      destroyOnClose
    >
      {formError && <Alert className="staff-create__error" type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={submitting}
        initialValues={{ username: '', displayName: '', role: undefined, password: '' }}
      >
        <Form.Item label="用户名" name="username" required extra="登录用，字母一律小写" normalize={(typed: string) => typed.toLowerCase()}>
          <Input className="staff-create__username" autoComplete="off" maxLength={usernamePolicy.maxLength} placeholder="如 zhou.cw" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" required>
          <Input className="staff-create__name" maxLength={displayNamePolicy.maxLength} placeholder="如 周文" />
        </Form.Item>
        <Form.Item label="角色" name="role" required>
          <RoleSelect className="staff-create__role" />
        </Form.Item>
        <Form.Item label="初始密码" name="password" required extra={`至少 ${passwordPolicy.minLength} 位。请当面或通过安全渠道告知，员工登录后可在「修改密码」中更换。`}>
          <Input.Password classNames={{ input: 'staff-create__password' }} autoComplete="new-password" maxLength={passwordPolicy.maxLength} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Name and role of a member. A role change reaches their open sessions when their token is next renewed. */
function EditStaffModal({ member, onClose, onSaved }: { member: StaffListItem; onClose: () => void; onSaved: (member: StaffMember) => void }) {
  const [form] = Form.useForm<EditStaffInput>();
  const role = Form.useWatch('role', form);
  const { submit, submitting, formError } = useCheckedSubmit(form, {
    fields: editStaffFields,
    check: (input: EditStaffInput) => validateStaffEdit(member, input),
    // The shop's last owner cannot step down: said under the role, which is what would be lost.
    codeFields: { LAST_OWNER: 'role' },
    send: async (body) => (body === null ? onClose() : onSaved(await staffApi.update(member.id, body))),
  });

  return (
    <Modal
      open
      title={`编辑员工 ${member.username}`}
      className="staff-edit-modal"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, className: 'staff-edit__submit' }}
      destroyOnClose
    >
      {formError && <Alert className="staff-edit__error" type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={submitting} initialValues={{ displayName: member.displayName, role: member.role }}>
        <Form.Item label="姓名" name="displayName" required>
          <Input className="staff-edit__name" maxLength={displayNamePolicy.maxLength} />
        </Form.Item>
        <Form.Item label="角色" name="role" required>
          <RoleSelect className="staff-edit__role" />
        </Form.Item>
      </Form>
      {role !== undefined && role !== member.role && (
        <Alert
          type="info"
          showIcon
          message={`将 ${member.displayName} 的角色由「${roleLabels[member.role]}」改为「${roleLabels[role]}」`}
          description="对方已打开的后台在登录令牌下次刷新时按新角色生效（默认 15 分钟内）。"
        />
      )}
    </Modal>
  );
}
