import { FileTextOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notifications/notification-bell';
import { useAuth } from './auth';
import { useI18n } from './i18n';

/** The top bar of every page: brand, language switch, and the user's menu or a login link. */
export function HeaderBar({ left }: { left?: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { me, logOut } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  return (
    <div className="zc-header">
      <Space size="middle" align="center" style={{ minWidth: 0 }}>
        {left}
        <Link to="/" className="zc-brand">
          <span className="zc-logo">{t('app.name')}</span>
          {screens.md && <span className="zc-centre">{t('app.centre')}</span>}
        </Link>
      </Space>
      <Space size="small" align="center">
        <Link to="/notices">
          <Button
            type="text"
            icon={<FileTextOutlined />}
            className="zc-header-button"
            data-testid="nav-notices"
            aria-label={t('nav.notices')}
          >
            {screens.md ? t('nav.notices') : null}
          </Button>
        </Link>
        <Button
          type="text"
          icon={<GlobalOutlined />}
          onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
          className="zc-header-button"
          data-testid="lang-switch"
        >
          {t('lang.switch')}
        </Button>
        {me && <NotificationBell />}
        {me ? (
          <Dropdown
            menu={{
              items: [
                { key: 'workspace', label: t('nav.workspace'), onClick: () => void navigate('/workspace') },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: t('nav.logout'),
                  onClick: () => void logOut(() => void navigate('/')),
                },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined />} className="zc-header-button" data-testid="user-menu">
              {screens.sm ? me.user.displayName : null}
            </Button>
          </Dropdown>
        ) : pathname === '/login' ? null : (
          <Link to="/login">
            <Button type="primary" ghost className="zc-login-button">
              {t('nav.login')}
            </Button>
          </Link>
        )}
      </Space>
    </div>
  );
}
