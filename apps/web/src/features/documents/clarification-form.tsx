import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Form, Input, Select, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText, showFieldErrors } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { formatTime } from './format';
import type { DeskQuestion } from './types';

interface Values {
  text: string;
  affectsPreparation?: boolean;
  answersQuestionIds?: string[];
  newDeadline?: { toISOString(): string } | null;
}

interface Attachment {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.replace(/^data:[^,]*,/, ''));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The agency's form: text, "may affect bid preparation", questions answered, optional new deadline and file. */
export function ClarificationForm({
  projectId,
  questions,
  onPublished,
}: {
  projectId: string;
  questions: DeskQuestion[];
  onPublished: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const [busy, setBusy] = useState(false);

  const publish = async (v: Values) => {
    setBusy(true);
    const { data, error } = await api.POST('/api/projects/{id}/clarifications', {
      params: { path: { id: projectId } },
      body: {
        text: v.text,
        affectsPreparation: v.affectsPreparation ?? false,
        answersQuestionIds: v.answersQuestionIds ?? [],
        ...(v.newDeadline ? { newDeadline: v.newDeadline.toISOString() } : {}),
        ...(attachment ? { attachment } : {}),
      },
    });
    setBusy(false);
    if (error) {
      if (!showFieldErrors(form, error, lang, 1)) void message.error(errorText(error, lang));
      return;
    }
    const moved = data.deadline.cause !== 'none';
    void message.success(
      t('desk.published', { n: data.recipients }) +
        (moved ? `；${t('desk.publishedMoved', { deadline: formatTime(data.deadline.deadline, lang) })}` : ''),
      6,
    );
    form.resetFields();
    setAttachment(null);
    onPublished();
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void publish(v)} data-testid="clarification-form">
      <Form.Item name="text" label={t('desk.text')} rules={[{ required: true, message: t('login.required') }]}>
        <Input.TextArea rows={5} maxLength={20000} showCount />
      </Form.Item>
      <Form.Item name="affectsPreparation" valuePropName="checked">
        <Checkbox data-testid="affects">{t('desk.affects')}</Checkbox>
      </Form.Item>
      <Form.Item name="answersQuestionIds" label={t('desk.answers')}>
        <Select
          mode="multiple"
          options={questions.map((q) => ({ value: q.id, label: q.text }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="newDeadline" label={t('desk.newDeadline')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item>
        <Upload
          maxCount={1}
          beforeUpload={(file) => {
            void readBase64(file).then((contentBase64) =>
              setAttachment({
                fileName: file.name,
                contentType: file.type || 'application/octet-stream',
                contentBase64,
              }),
            );
            return false;
          }}
          onRemove={() => setAttachment(null)}
        >
          <Button icon={<UploadOutlined />}>{t('desk.attach')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="publish-clarification">
        {t('desk.publish')}
      </Button>
    </Form>
  );
}
