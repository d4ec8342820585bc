import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { passwordPolicy } from '@linli/shared/schemas/auth';
import { staffSession } from '../api/console-api';
import { placeError } from '../forms/field-error';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const fields = ['currentPassword', 'newPassword'] as const;

export function PasswordPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit({ currentPassword, newPassword }: PasswordForm) {
    setSubmitting(true);
    setFormError(null);
    try {
      await staffSession.changePassword({ currentPassword, newPassword });
      form.resetFields();
      void message.success('密码已修改，其他设备上的登录已退出');
    } catch (error) {
      const placed = placeError(error, fields, { WRONG_CURRENT_PASSWORD: 'currentPassword' });
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.text] }]);
      else setFormError(placed.text);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Card title="修改密码" className="console-password" style={{ maxWidth: 480 }}>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={submitting}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password classNames={{ input: 'console-password__current' }} autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: passwordPolicy.minLength, message: `新密码至少 ${passwordPolicy.minLength} 位` },
            { max: passwordPolicy.maxLength, message: `新密码最多 ${passwordPolicy.maxLength} 位` },
          ]}
        >
          <Input.Password classNames={{ input: 'console-password__new' }} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再输入一次新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password classNames={{ input: 'console-password__confirm' }} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} className="console-password__submit">
          保存
        </Button>
      </Form>
    </Card>
  );
}
