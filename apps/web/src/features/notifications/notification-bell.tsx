import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useUnreadCount } from './use-notifications';

/** The bell in the header: the unread count; a click opens the inbox. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  return (
    <Badge count={unread} size="small" offset={[-6, 6]}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={t('notify.title')}
        className="zc-header-button"
        onClick={() => void navigate('/workspace/notifications')}
        data-testid="notification-bell"
      />
    </Badge>
  );
}
