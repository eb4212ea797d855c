import { roleMay } from '@zhengcai/domain';
import { Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { BundlesTable, type Bundle } from './bundles-table';
import { EnrolWizard } from './enrol-wizard';
import { downloadKeyFile, keyStore } from './key-store';
import { RevokeDialog } from './revoke-dialog';

const loadMine = async (): Promise<Bundle[]> => (await api.GET('/api/certificates/mine')).data?.items ?? [];
const loadAll = async (): Promise<Bundle[]> => (await api.GET('/api/certificates')).data?.items ?? [];
const noBundles = async (): Promise<Bundle[]> => [];
const loadStored = () => keyStore.list();

/** 数字证书: my certificates, the key wizard, keys kept in this browser; oversight also sees every certificate. */
export default function CertificatesPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const seesAll = me ? roleMay(me.user.role, 'listCertificates') : false;
  const staff = me ? roleMay(me.user.role, 'revokeCertificates') : false;
  const mine = useLoader(loadMine);
  const all = useLoader(seesAll ? loadAll : noBundles);
  const stored = useLoader(loadStored);
  const [wizard, setWizard] = useState(false);
  const [revoking, setRevoking] = useState<{ bundle: Bundle; staff: boolean } | null>(null);
  const reloadAll = useCallback(() => {
    mine.reload();
    all.reload();
    stored.reload();
  }, [mine, all, stored]);
  if (!me) return null;
  const when = (v: string) => new Date(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const myKeys = (stored.data ?? []).filter((k) => k.userId === me.user.id);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('cert.title')}
        extra={
          <Button type="primary" onClick={() => setWizard(true)} data-testid="cert-create">
            {t('cert.create')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('cert.hint')}</Typography.Paragraph>
        <BundlesTable
          items={mine.data ?? []}
          loading={mine.loading}
          onRevoke={(bundle) => setRevoking({ bundle, staff: false })}
          testId="cert-mine"
        />
      </Card>
      <Card title={t('cert.stored')} size="small">
        <Typography.Paragraph type="secondary">{t('cert.storedHint')}</Typography.Paragraph>
        <List
          dataSource={myKeys}
          loading={stored.loading}
          locale={{ emptyText: t('login.noStoredKey') }}
          data-testid="cert-stored"
          renderItem={(key) => (
            <List.Item
              actions={[
                <Button key="dl" size="small" onClick={() => void keyStore.file(key.id).then(downloadKeyFile)}>
                  {t('cert.download')}
                </Button>,
                <Popconfirm
                  key="forget"
                  title={t('cert.forget')}
                  okText={t('cert.forget')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => keyStore.forget(key.id).then(stored.reload)}
                >
                  <Button size="small">{t('cert.forget')}</Button>
                </Popconfirm>,
              ]}
            >
              <Space wrap>
                <Tag>{t(`cert.suite.${key.suite}`)}</Tag>
                <span>{t('login.keyFor', { login: key.login })}</span>
                <Typography.Text type="secondary">{when(key.createdAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {seesAll && (
        <Card title={t('cert.all')}>
          <BundlesTable
            items={all.data ?? []}
            loading={all.loading}
            showHolder
            onRevoke={(bundle) => setRevoking({ bundle, staff })}
            testId="cert-all"
          />
        </Card>
      )}
      <EnrolWizard
        me={me}
        open={wizard}
        hasValid={(mine.data ?? []).some((b) => b.status === 'valid')}
        onClose={(changed) => {
          setWizard(false);
          if (changed) reloadAll();
        }}
      />
      <RevokeDialog
        bundle={revoking?.bundle ?? null}
        staff={revoking?.staff ?? false}
        onClose={(changed) => {
          setRevoking(null);
          if (changed) reloadAll();
        }}
      />
    </Space>
  );
}
