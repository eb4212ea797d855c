import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages-zh';
import type { Project } from './project-form';

type Candidate = {
  userId: string;
  name: string;
  role: string;
  organisationName: string | null;
  encryptionCertificate: boolean;
};
type Row = { userId: string; roleLabel: string };

const ROLE_LABELS: Record<string, MessageKey> = {
  centre: 'escrow.role.centre',
  supervisor: 'escrow.role.supervisor',
  agency: 'escrow.role.agency',
  purchaser: 'escrow.role.purchaser',
};

/**
 * Emergency key recovery (ADR 0015, B1): a draft names its key holders (share order) and k. Saved with its own
 * route (`PUT /api/projects/{id}/key-escrow`); publication refuses a holder without a usable encryption certificate.
 */
export function KeyEscrowCard({ project, onChange }: { project: Project; onChange: (p: Project) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const editable = project.abilities.edit;
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [rows, setRows] = useState<Row[]>(() =>
    (project.keyEscrow?.holders ?? []).map((h) => ({ userId: h.userId, roleLabel: h.roleLabel })),
  );
  const [threshold, setThreshold] = useState<number | null>(project.keyEscrow?.threshold ?? null);
  const [adding, setAdding] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!editable) return;
    void api
      .GET('/api/projects/{id}/key-holder-candidates', { params: { path: { id: project.id } } })
      .then(({ data }) => setCandidates(data?.items ?? []));
  }, [editable, project.id]);

  const known = new Map<string, { name: string; organisationName: string | null; encryptionCertificate: boolean }>();
  for (const h of project.keyEscrow?.holders ?? []) known.set(h.userId, h);
  for (const c of candidates) known.set(c.userId, c);

  const save = async (body: { threshold: number | null; holders: Row[] }) => {
    setBusy(true);
    const { data, error } = await api.PUT('/api/projects/{id}/key-escrow', {
      params: { path: { id: project.id } },
      body,
    });
    setBusy(false);
    if (error) {
      const reasons = (error.error.fields ?? []).map((f) => f.reason[lang]);
      void message.error([errorText(error, lang), ...reasons].join(' '));
      return;
    }
    void message.success(t('escrow.saved'));
    setRows((data.keyEscrow?.holders ?? []).map((h) => ({ userId: h.userId, roleLabel: h.roleLabel })));
    setThreshold(data.keyEscrow?.threshold ?? null);
    onChange(data);
  };

  const add = () => {
    const candidate = candidates.find((c) => c.userId === adding);
    if (!candidate || rows.some((r) => r.userId === candidate.userId)) return;
    const label = ROLE_LABELS[candidate.role];
    const next = [...rows, { userId: candidate.userId, roleLabel: label ? t(label) : candidate.role }];
    setRows(next);
    if (threshold === null && next.length >= 2) setThreshold(2);
    setAdding(null);
  };

  return (
    <Card title={t('escrow.title')} data-testid="key-escrow-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('escrow.hint')}</Typography.Paragraph>
        {rows.length === 0 && !editable && <Tag>{t('escrow.none')}</Tag>}
        {rows.length > 0 && (
          <Table<Row>
            size="small"
            rowKey="userId"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                title: t('escrow.holder'),
                render: (_, r) => {
                  const who = known.get(r.userId);
                  return who ? `${who.name}${who.organisationName ? `（${who.organisationName}）` : ''}` : r.userId;
                },
              },
              {
                title: t('escrow.roleLabel'),
                render: (_, r, i) =>
                  editable ? (
                    <Input
                      value={r.roleLabel}
                      maxLength={40}
                      onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, roleLabel: e.target.value } : x)))}
                    />
                  ) : (
                    r.roleLabel
                  ),
              },
              {
                title: t('escrow.certificate'),
                render: (_, r) =>
                  known.get(r.userId)?.encryptionCertificate ? (
                    <Tag color="green">{t('escrow.certificateOk')}</Tag>
                  ) : (
                    <Tag color="red">{t('escrow.certificateMissing')}</Tag>
                  ),
              },
              ...(editable
                ? [
                    {
                      key: 'remove',
                      render: (_: unknown, r: Row) => (
                        <Button
                          icon={<DeleteOutlined />}
                          size="small"
                          onClick={() => setRows(rows.filter((x) => x.userId !== r.userId))}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {editable && (
          <Space wrap>
            <Select
              style={{ minWidth: 320 }}
              value={adding}
              onChange={setAdding}
              placeholder={t('escrow.add')}
              data-testid="key-escrow-candidate"
              options={candidates
                .filter((c) => !rows.some((r) => r.userId === c.userId))
                .map((c) => ({
                  value: c.userId,
                  label: `${c.name}${c.organisationName ? `（${c.organisationName}）` : ''}`,
                }))}
            />
            <Button icon={<PlusOutlined />} onClick={add} disabled={!adding}>
              {t('escrow.add')}
            </Button>
          </Space>
        )}
        {rows.length > 0 && (
          <Space wrap align="center">
            <span>{t('escrow.threshold')}</span>
            <InputNumber
              min={2}
              max={Math.max(2, rows.length)}
              value={threshold}
              disabled={!editable}
              onChange={(v) => setThreshold(v)}
              data-testid="key-escrow-threshold"
            />
            {threshold !== null && (
              <Typography.Text type="secondary">
                {t('escrow.thresholdOf', { k: threshold, n: rows.length })}
              </Typography.Text>
            )}
          </Space>
        )}
        {editable && rows.length === 1 && <Alert type="warning" showIcon message={t('escrow.threshold')} />}
        {editable && (
          <Space wrap>
            <Button
              onClick={() => void save({ threshold: rows.length ? threshold : null, holders: rows })}
              loading={busy}
              data-testid="key-escrow-save"
            >
              {t('escrow.save')}
            </Button>
            {(project.keyEscrow?.holders.length ?? 0) > 0 && (
              <Button onClick={() => void save({ threshold: null, holders: [] })} loading={busy}>
                {t('escrow.clear')}
              </Button>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
