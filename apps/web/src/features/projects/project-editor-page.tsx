import { CATEGORY_KINDS } from '@zhengcai/domain';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Tag,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { EvaluationCard } from '../evaluation/evaluation-card';
import { EvaluationLinks } from '../evaluation/evaluation-links';
import { ExpertDrawCard } from '../expert-draw/expert-draw-card';
import { DocumentsCard } from './documents-card';
import { KeyEscrowCard } from './key-escrow-card';
import { beijingText, toFormPath, yuanText } from './format';
import { HallLinks } from '../opening/hall-links';
import { AwardLinks } from '../award/award-links';
import { LotsEditor } from './lots-editor';
import { emptyValues, toBody, toValues, type Project, type ProjectValues } from './project-form';
import { TimelineCard } from './timeline-card';
import { ViolationsAlert, type NamedViolation } from './violations-alert';

type Party = { id: string; name: string };

/** Register, edit, document and publish an open-tender project; every broken rule is named on its field. */
export default function ProjectEditorPage() {
  const { projectId = 'new' } = useParams();
  const isNew = projectId === 'new';
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectValues>();
  const [project, setProject] = useState<Project | null>(null);
  const [missing, setMissing] = useState(false);
  const [purchasers, setPurchasers] = useState<Party[]>([]);
  const [blocked, setBlocked] = useState<NamedViolation[]>([]);
  const [busy, setBusy] = useState(false);
  const marked = useRef<(string | number)[][]>([]);
  const isAgency = me?.user.role === 'agency';
  // The host of the opening and of the expert draw: the agency, or the purchaser when the project has none.
  const hostsProject = project !== null && me?.organisation?.id === (project.agency?.id ?? project.purchaser.id);

  /** Puts each rule's message on its field (and clears the previous ones). */
  const markFields = useCallback(
    (list: { field: string; text: string }[]) => {
      const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const { field, text } of list) {
        const name = toFormPath(field);
        if (name.length === 0) continue;
        const key = JSON.stringify(name);
        const entry = byName.get(key) ?? { name, errors: [] };
        entry.errors.push(text);
        byName.set(key, entry);
      }
      form.setFields([
        ...marked.current.map((name) => ({ name, errors: [] as string[] })),
        ...[...byName.values()],
      ] as never[]);
      marked.current = [...byName.values()].map((e) => e.name);
    },
    [form],
  );

  const show = useCallback(
    (p: Project) => {
      setProject(p);
      setBlocked([]);
      form.setFieldsValue(toValues(p));
      const violations = p.check?.violations ?? [];
      markFields(
        violations.map((v) => ({
          field: v.fields[v.fields.length - 1] ?? '',
          text: `[${v.ruleId}] ${v.message[lang]}`,
        })),
      );
    },
    [form, lang, markFields],
  );

  const fetchProject = useCallback(
    () => api.GET('/api/projects/{id}', { params: { path: { id: projectId } } }).then(({ data }) => data ?? null),
    [projectId],
  );
  const load = useCallback(() => {
    void fetchProject().then((data) => (data ? show(data) : setMissing(true)));
  }, [fetchProject, show]);

  useEffect(() => {
    if (isNew) return;
    let live = true;
    void fetchProject().then((data) => {
      if (!live) return;
      if (data) show(data);
      else setMissing(true);
    });
    return () => {
      live = false;
    };
  }, [isNew, fetchProject, show]);
  useEffect(() => {
    if (!isAgency) return;
    void api.GET('/api/projects/parties').then(({ data }) => setPurchasers(data?.purchasers ?? []));
  }, [isAgency]);

  const save = async (): Promise<Project | null> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return null;
    const { body, errors } = toBody(values, isAgency);
    if (errors.length) {
      form.setFields(errors as never[]);
      return null;
    }
    setBusy(true);
    const res = isNew
      ? await api.POST('/api/projects', { body })
      : await api.PUT('/api/projects/{id}', { params: { path: { id: projectId } }, body });
    setBusy(false);
    if (res.error) {
      const fields = res.error.error.fields ?? [];
      markFields(fields.map((f) => ({ field: f.field, text: f.reason[lang] })));
      void message.error(errorText(res.error, lang));
      return null;
    }
    void message.success(t('projects.saved'));
    if (isNew) {
      void navigate(`/workspace/projects/${res.data.id}`, { replace: true });
      return res.data;
    }
    show(res.data);
    return res.data;
  };

  const publish = async () => {
    const saved = await save();
    if (!saved) return;
    setBusy(true);
    const { data, error } = await api.POST('/api/projects/{id}/publish', { params: { path: { id: saved.id } } });
    setBusy(false);
    if (error) {
      const fields = error.error.fields ?? [];
      setBlocked(
        fields.map((f) => ({ ruleId: f.ruleId ?? '', message: f.reason, earliestDate: f.earliestDate ?? null })),
      );
      markFields(fields.map((f) => ({ field: f.field, text: `[${f.ruleId ?? ''}] ${f.reason[lang]}` })));
      void message.error(errorText(error, lang));
      return;
    }
    setBlocked([]);
    void message.success(t('projects.published'));
    show(data);
  };

  const remove = async () => {
    const { error } = await api.DELETE('/api/projects/{id}', { params: { path: { id: projectId } } });
    if (error) void message.error(errorText(error, lang));
    else void navigate('/workspace/projects');
  };

  if (missing) return <Result status="404" title={t('common.notFound')} />;
  if (!isNew && !project) return <Spin style={{ display: 'block', margin: 80 }} />;
  const editable = isNew || Boolean(project?.abilities.edit);
  const check = project?.check ?? null;

  return (
    <Form<ProjectValues>
      form={form}
      layout="vertical"
      initialValues={emptyValues()}
      disabled={!editable}
      scrollToFirstError
      data-testid="project-form"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title={isNew ? t('projects.new') : `${project?.code ?? ''} ${project?.title ?? ''}`}
          extra={
            project && (
              <Tag color={project.status === 'published' ? 'green' : 'default'} data-testid="project-status">
                {t(`projects.status.${project.status}`)}
              </Tag>
            )
          }
        >
          {project?.status === 'published' && (
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('projects.publishedAt')}>
                {beijingText(project.publishedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.deadline')}>{beijingText(project.bidDeadline)}</Descriptions.Item>
              <Descriptions.Item label={t('projects.notice')}>
                {project.noticeId && <Link to={`/notices/${project.noticeId}`}>{t('projects.viewNotice')}</Link>}
              </Descriptions.Item>
            </Descriptions>
          )}
          {project?.status === 'published' && (
            <div style={{ marginBottom: 16 }}>
              <HallLinks lots={project.lots} />
              <div style={{ marginTop: 8 }}>
                <AwardLinks lots={project.lots} />
              </div>
            </div>
          )}
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="title" label={t('projects.name')} rules={[{ required: true, min: 4 }]}>
                <Input data-testid="project-title" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="category" label={t('projects.category')}>
                <Radio.Group
                  disabled={!isNew && !editable}
                  options={CATEGORY_KINDS.map((k) => ({ value: k, label: t(`projects.kind.${k}`) }))}
                  optionType="button"
                />
              </Form.Item>
            </Col>
            {isAgency && (
              <Col xs={24} md={12}>
                <Form.Item name="purchaserOrganisationId" label={t('projects.purchaser')} rules={[{ required: true }]}>
                  <Select
                    disabled={!isNew}
                    options={purchasers.map((p) => ({ value: p.id, label: p.name }))}
                    data-testid="project-purchaser"
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={isAgency ? 12 : 24}>
              <Form.Item label={t('projects.method')}>
                <Input value={t('projects.openTender')} disabled />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="qualificationRequirements" label={t('projects.qualification')}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name={['noticeDetails', 'procurementNeeds']} label={t('projects.needs')}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['noticeDetails', 'contractPeriod']} label={t('projects.contractPeriod')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['noticeDetails', 'contactName']} label={t('projects.contactName')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['noticeDetails', 'contactPhone']} label={t('projects.contactPhone')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name={['noticeDetails', 'otherMatters']} label={t('projects.otherMatters')}>
                <Input.TextArea autoSize={{ minRows: 1 }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        {/* A published project's next step for its host: the draw of the evaluation experts (C11). */}
        {project?.status === 'published' && hostsProject && <ExpertDrawCard lots={project.lots} />}
        {/* Then the evaluation (C12): start, qualification review, the committee's progress. */}
        {project?.status === 'published' && hostsProject && <EvaluationCard lots={project.lots} />}
        {/* Oversight follows each lot's evaluation read-only. */}
        {project?.status === 'published' && me?.abilities.verifyExpertDraws && <EvaluationLinks lots={project.lots} />}

        <TimelineCard disabled={!editable} />

        <Card title={t('projects.lotsTitle')} extra={project && yuanText(project.budgetFen)}>
          <LotsEditor disabled={!editable} />
        </Card>

        {project && <DocumentsCard project={project} onChange={load} />}

        {/* Its own route: saving it leaves unsaved edits of the form above alone. */}
        {project && <KeyEscrowCard project={project} onChange={setProject} />}

        {editable && (
          <Card title={t('projects.publication')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <ViolationsAlert
                title={t('projects.blocked')}
                violations={blocked.length ? blocked : (check?.violations ?? [])}
              />
              {check?.ok && blocked.length === 0 && (
                <Tag color="green" data-testid="publishable">
                  {t('projects.publishable')}
                </Tag>
              )}
              <Space wrap>
                <Button onClick={() => void save()} loading={busy} data-testid="project-save">
                  {t('common.save')}
                </Button>
                {!isNew && (
                  <Button type="primary" onClick={() => void publish()} loading={busy} data-testid="project-publish">
                    {t('projects.publish')}
                  </Button>
                )}
                {!isNew && project?.abilities.delete && (
                  <Popconfirm title={t('projects.deleteConfirm')} onConfirm={() => void remove()}>
                    <Button danger disabled={false}>
                      {t('projects.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            </Space>
          </Card>
        )}
      </Space>
    </Form>
  );
}
