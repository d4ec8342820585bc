import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Space, Switch, Typography } from 'antd';
import type { ReferralSettings, ReferralWindows } from '@linli/shared/schemas/promoters';
import { placeError } from '../forms/field-error';
import { promotersApi } from './promoters-api';
import { formatRate, rateBounds } from './rate-percent';
import { promoterModeOptions, settingsFields, settingsToInput, validateSettings, type SettingsInput } from './settings-form';

interface Props {
  settings: ReferralSettings;
  windows: ReferralWindows;
  canManage: boolean;
  onSaved: (settings: ReferralSettings) => void;
}

/**
 * The shop's referral settings. Rates are typed in percent and sent as basis points, the minimum in
 * 元 and sent as fen; a refusal keeps what was typed, with the message next to its field. The form
 * shows saved values only once the BFF answered with them.
 */
export function SettingsCard({ settings, windows, canManage, onSaved }: Props) {
  const [form] = Form.useForm<SettingsInput>();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const level2Enabled = Form.useWatch('level2Enabled', form) ?? settings.level2Enabled;
  const { message } = App.useApp();

  async function submit(input: SettingsInput) {
    setFormError(null);
    const checked = validateSettings(input);
    if (!checked.ok) {
      form.setFields(settingsFields.map((name) => ({ name, errors: checked.errors[name] ? [checked.errors[name]] : [] })));
      return;
    }
    form.setFields(settingsFields.map((name) => ({ name, errors: [] })));
    setSubmitting(true);
    try {
      const saved = await promotersApi.saveSettings(checked.body);
      form.setFieldsValue(settingsToInput(saved));
      void message.success('分销设置已保存，新比例对此后付款的订单生效');
      onSaved(saved);
    } catch (error) {
      const placed = placeError(error, settingsFields);
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.text] }]);
      else setFormError(placed.text);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Row gutter={24} align="top">
      <Col span={15}>
        <Card title="分销设置" className="referral-settings">
          {!canManage && <Alert type="info" showIcon message="你的角色只能查看分销设置，修改请联系店主或运营。" className="referral-settings__readonly" />}
          {formError && <Alert type="error" showIcon message={formError} className="referral-settings__error" />}
          <Form
            form={form}
            layout="horizontal"
            labelCol={{ span: 6 }}
            wrapperCol={{ span: 18 }}
            initialValues={settingsToInput(settings)}
            onFinish={submit}
            // An error is about what was typed: typing again clears it.
            onValuesChange={(changed: Partial<SettingsInput>) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof SettingsInput, errors: [] })))}
            disabled={!canManage || submitting}
            className="referral-settings__form"
          >
            <Form.Item label="推广员" name="promoterMode">
              <Radio.Group className="referral-settings__mode">
                <Space direction="vertical">
                  {promoterModeOptions.map((option) => (
                    <Radio key={option.value} value={option.value}>
                      {option.label}
                      <Typography.Text type="secondary" className="referral-settings__hint">
                        {option.hint}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              label="一级佣金比例"
              name="level1RateBp"
              required
              className="referral-settings__item--level1"
              extra={`直接邀请人获得实付金额的这一比例，0–${formatRate(rateBounds.max)}`}
            >
              <Input className="referral-settings__level1" suffix="%" style={{ width: 160 }} inputMode="decimal" />
            </Form.Item>
            <Form.Item label="二级佣金" className="referral-settings__item--level2" extra="邀请人的邀请人获得的比例。最多两级：三级及以上属于违规的多级分销，系统不提供。">
              <Space align="start">
                <Form.Item name="level2Enabled" valuePropName="checked" noStyle>
                  <Switch className="referral-settings__level2-switch" checkedChildren="开启" unCheckedChildren="关闭" />
                </Form.Item>
                <Form.Item name="level2RateBp" noStyle>
                  <Input className="referral-settings__level2" suffix="%" style={{ width: 160 }} inputMode="decimal" disabled={!canManage || submitting || !level2Enabled} />
                </Form.Item>
              </Space>
            </Form.Item>
            <Form.Item label="最低提现金额" name="minimumWithdrawal" className="referral-settings__item--minimum" extra="推广员单笔提现不能少于这个金额">
              <Input className="referral-settings__minimum" prefix="¥" suffix="元" style={{ width: 200 }} inputMode="decimal" />
            </Form.Item>
            {canManage && (
              <Form.Item wrapperCol={{ offset: 6, span: 18 }}>
                <Space>
                  <Button type="primary" htmlType="submit" loading={submitting} className="referral-settings__save">
                    保存设置
                  </Button>
                  <Button
                    htmlType="button"
                    onClick={() => {
                      form.resetFields();
                      setFormError(null);
                    }}
                  >
                    还原
                  </Button>
                </Space>
              </Form.Item>
            )}
          </Form>
        </Card>
      </Col>
      <Col span={9}>
        <Card title="结算规则" className="referral-windows">
          <Descriptions column={1} size="small" colon={false} labelStyle={{ width: 96 }}>
            <Descriptions.Item label="绑定期">新用户注册 {windows.bindingDays} 天内，首个邀请人与其绑定，之后不再更换</Descriptions.Item>
            <Descriptions.Item label="结算期">
              {windows.settlementDays === 0 ? '确认收货且无进行中的售后即结算' : `确认收货满 ${windows.settlementDays} 天且无进行中的售后`}，佣金由待结算转为可提现
            </Descriptions.Item>
            <Descriptions.Item label="佣金层级">最多 {windows.maxLevels} 级</Descriptions.Item>
            <Descriptions.Item label="计算方式">按每件商品的实付金额计算；退款按比例冲回待结算佣金</Descriptions.Item>
            <Descriptions.Item label="生效时间">修改后对新付款的订单生效，已产生的佣金不变</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" className="referral-windows__note">
            绑定期与结算期由服务配置决定（REFERRAL_BINDING_DAYS、RETURN_WINDOW_DAYS）。
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
