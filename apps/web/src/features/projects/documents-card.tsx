import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Typography, Upload } from 'antd';
import { api, currentCsrfToken } from '../../api/client';
import { errorText, firstReason, isApiError } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { bytesText } from './format';
import type { Project } from './project-form';

/** The procurement documents (采购文件) of a project: uploaded to a draft, published with the notice. */
export function DocumentsCard({ project, onChange }: { project: Project; onChange: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const token = currentCsrfToken();
    const res = await fetch(`/api/projects/${project.id}/documents`, {
      method: 'POST',
      body: form,
      credentials: 'include',
      headers: token ? { 'x-csrf-token': token } : {},
    });
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      void message.error(isApiError(json) ? firstReason(json, lang) : t('common.error'));
      return;
    }
    void message.success(t('projects.uploaded', { name: file.name }));
    onChange();
  };
  const remove = async (documentId: string) => {
    const { error } = await api.DELETE('/api/projects/{id}/documents/{documentId}', {
      params: { path: { id: project.id, documentId } },
    });
    if (error) void message.error(errorText(error, lang));
    onChange();
  };
  return (
    <Card
      title={t('projects.documents')}
      extra={
        project.abilities.upload && (
          <Upload
            showUploadList={false}
            accept=".pdf,.doc,.docx,.xls,.xlsx,.ofd,.zip"
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="document-upload">
              {t('projects.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <List
        dataSource={project.documents}
        locale={{ emptyText: t('projects.noDocuments') }}
        renderItem={(d) => (
          <List.Item
            data-testid="document-item"
            actions={
              project.abilities.upload
                ? [
                    <Button key="remove" type="text" danger icon={<DeleteOutlined />} onClick={() => void remove(d.id)}>
                      {t('projects.removeDocument')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              avatar={<FileOutlined />}
              title={d.fileName}
              description={
                <>
                  {bytesText(d.sizeBytes)} · SHA-256{' '}
                  <Typography.Text className="zc-hash" copyable={{ text: d.sha256 }}>
                    {d.sha256.slice(0, 16)}…
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">{t('projects.uploadHint')}</Typography.Text>
    </Card>
  );
}
