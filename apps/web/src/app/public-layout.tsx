import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { HeaderBar } from './header-bar';
import { useI18n } from './i18n';
import './styles.css';

export function PublicLayout() {
  const { t } = useI18n();
  return (
    <Layout className="zc-page">
      <Layout.Header className="zc-header-wrap">
        <HeaderBar />
      </Layout.Header>
      <Layout.Content className="zc-public-content">
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="zc-footer">
        {t('app.centre')} · {t('app.title')}
      </Layout.Footer>
    </Layout>
  );
}
