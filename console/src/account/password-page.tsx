import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { staffSession } from '../api/console-api';
import { useCheckedSubmit } from '../forms/use-checked-submit';
import { passwordFields, validatePasswordChange, type PasswordInput } from './password-form';

/**
 * 修改密码: checks ChangePasswordBody's rules before sending, shows the BFF's refusal under the field
 * it is about (a wrong current password under 当前密码), and says so once the password is changed.
 */
export function PasswordPage() {
  const [form] = Form.useForm<PasswordInput>();
  const [changed, setChanged] = useState(false);
  const { submit, submitting, formError } = useCheckedSubmit(form, {
    fields: passwordFields,
    check: validatePasswordChange,
    codeFields: { WRONG_CURRENT_PASSWORD: 'currentPassword' },
    async send(body) {
      await staffSession.changePassword(body);
      form.resetFields();
      setChanged(true);
    },
  });

  return (
    <Card title="修改密码" className="console-password" style={{ maxWidth: 480 }}>
      {changed && (
        <Alert className="console-password__done" type="success" showIcon message="密码已修改" description="其他设备上的登录已全部退出，本机保持登录。" style={{ marginBottom: 16 }} />
      )}
      {formError && <Alert className="console-password__error" type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setChanged(false)}
        disabled={submitting}
        initialValues={{ currentPassword: '', newPassword: '', confirmPassword: '' }}
      >
        <Form.Item label="当前密码" name="currentPassword" required>
          <Input.Password classNames={{ input: 'console-password__current' }} autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" required>
          <Input.Password classNames={{ input: 'console-password__new' }} autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirmPassword" required>
          <Input.Password classNames={{ input: 'console-password__confirm' }} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} className="console-password__submit">
          保存
        </Button>
      </Form>
    </Card>
  );
}
