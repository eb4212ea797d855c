import { Button, Card, Descriptions, Result, Table } from 'antd';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';

type Report = paths['/api/ledger/verify']['get']['responses'][200]['content']['application/json'];

const loadReport = async (): Promise<Report | null> => (await api.GET('/api/ledger/verify')).data ?? null;

/** Oversight roles re-verify the whole evidence ledger: every SM3 leaf and chain hash is recomputed on the server. */
export default function LedgerPage() {
  const { t } = useI18n();
  const { data: report, loading, reload: verify } = useLoader(loadReport);
  return (
    <Card
      title={t('ledger.title')}
      extra={
        <Button onClick={verify} loading={loading}>
          {t('ledger.verify')}
        </Button>
      }
      loading={!report}
    >
      {report && (
        <>
          <Result
            status={report.ok ? 'success' : 'error'}
            title={report.ok ? t('ledger.okTitle') : t('ledger.badTitle')}
            subTitle={
              <span data-testid="ledger-result" data-ok={report.ok}>
                {report.ok ? t('ledger.ok', { n: report.size }) : t('ledger.bad', { n: report.problems.length })}
              </span>
            }
            className={report.ok ? 'zc-ledger-ok' : 'zc-ledger-bad'}
            style={{ padding: '16px 0 24px' }}
          />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('ledger.size')}>{report.size}</Descriptions.Item>
            <Descriptions.Item label={t('ledger.headSeq')}>{report.head.seq}</Descriptions.Item>
            <Descriptions.Item label={t('ledger.head')}>
              <span className="zc-hash">{report.head.hash}</span>
            </Descriptions.Item>
          </Descriptions>
          {!report.ok && (
            <Table
              style={{ marginTop: 16 }}
              rowKey={(p) => `${p.seq}-${p.kind}`}
              dataSource={report.problems}
              pagination={false}
              scroll={{ x: 600 }}
              columns={[
                { title: t('ledger.seq'), dataIndex: 'seq', width: 80 },
                { title: t('ledger.kind'), dataIndex: 'kind', width: 160 },
                {
                  title: t('ledger.detail'),
                  dataIndex: 'detail',
                  render: (v: string) => <span className="zc-hash">{v}</span>,
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
