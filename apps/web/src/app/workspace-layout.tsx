import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Tag } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { HeaderBar } from './header-bar';
import { useI18n } from './i18n';
import { workspaceMenu } from './workspace-menu';
import './styles.css';

/** A workspace per role: the same frame, with the navigation the caller's role and abilities allow. */
export function WorkspaceLayout() {
  const { me } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  if (!me) return null;
  const selected = location.pathname.split('/')[2] ?? 'overview';
  const items = workspaceMenu(me, t);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        setOpen(false);
        void navigate(`/workspace/${key}`);
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="workspace-menu"
    />
  );
  const roleTag = (
    <Tag color="red" style={{ margin: '12px 16px' }}>
      {t(`role.${me.user.role}`)}
    </Tag>
  );
  const mobile = !screens.md;
  return (
    <Layout className="zc-page">
      <Layout.Header className="zc-header-wrap">
        <HeaderBar
          left={
            mobile ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.menu')}
                className="zc-header-button"
                onClick={() => setOpen(true)}
                data-testid="menu-button"
              />
            ) : null
          }
        />
      </Layout.Header>
      <Layout>
        {mobile ? (
          <Drawer
            placement="left"
            open={open}
            onClose={() => setOpen(false)}
            size={260}
            styles={{ body: { padding: 0 } }}
            title={t('app.name')}
          >
            {roleTag}
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            {roleTag}
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="zc-workspace-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
