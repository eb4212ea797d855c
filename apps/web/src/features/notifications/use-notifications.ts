import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';

const POLL_MS = 30_000;

/**
 * The unread count of the caller's inbox, refreshed on every navigation and every 30 s (a clarification notifies
 * organisations that are not necessarily looking at the project).
 */
export function useUnreadCount(): number {
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const fetchCount = () =>
      void api.GET('/api/notifications').then(({ data }) => {
        if (live && data) setUnread(data.unread);
      });
    fetchCount();
    const timer = setInterval(fetchCount, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [pathname]);
  return unread;
}
