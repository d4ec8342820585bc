import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { StaffLoginBody } from '@linli/shared/schemas/auth';
import { staffSession } from '../api/console-api';
import { placeError } from '../forms/field-error';

const fields = ['username', 'password'] as const;
// An inactive account is about the username; a wrong password could be either, and the BFF will
// not say which (it gives both the same answer): shown under the password, where the retry starts.
const codeFields = { INVALID_CREDENTIALS: 'password', STAFF_INACTIVE: 'username' } as const;

/** Signing in stores the session; the app re-renders from its subscription. */
export function LoginPage() {
  const [form] = Form.useForm<StaffLoginBody>();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(values: StaffLoginBody) {
    setSubmitting(true);
    setFormError(null);
    try {
      await staffSession.logIn({ username: values.username.trim(), password: values.password });
    } catch (error) {
      const placed = placeError(error, fields, codeFields);
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.text] }]);
      else setFormError(placed.text);
      setSubmitting(false);
    }
  }

  return (
    <div className="console-login">
      <Card className="console-login__card">
        <Typography.Title level={3}>邻里 · 商家后台</Typography.Title>
        <Typography.Paragraph type="secondary">请使用店主分配的员工账号登录</Typography.Paragraph>
        {formError && <Alert className="console-login__error" type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={submitting}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input className="console-login__username" autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password classNames={{ input: 'console-login__password' }} autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button className="console-login__submit" type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
