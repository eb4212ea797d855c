import { App } from 'antd';
import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api, setCsrfToken, setSessionLostHandler } from '../api/client';
import type { components, paths } from '../api/schema';
import { useI18n } from './i18n';

export type Me = paths['/api/me']['get']['responses'][200]['content']['application/json'];
export type Role = Me['user']['role'];
type LoginError = components['schemas']['Error'];

interface Auth {
  me: Me | null;
  loading: boolean;
  logIn: (login: string, password: string) => Promise<LoginError | null>;
  /** Ends the session; `then` (a navigation) is applied in the same render as the logged-out state. */
  logOut: (then?: () => void) => Promise<void>;
  refresh: () => Promise<void>;
}

const fetchMe = async (): Promise<Me | null> => (await api.GET('/api/me')).data ?? null;

const AuthContext = createContext<Auth | null>(null);

/** Who is logged in (GET /api/me), with the session's CSRF token handed to the API client. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const accept = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);

  const refresh = useCallback(async () => {
    accept(await fetchMe());
  }, [accept]);

  useEffect(() => {
    void fetchMe().then((next) => {
      accept(next);
      setLoading(false);
    });
  }, [accept]);

  // A session that ends under us (idle timeout, password changed on another device) sends the user to log in.
  useEffect(() => {
    setSessionLostHandler(() => {
      accept(null);
      void message.warning(t('common.sessionExpired'));
    });
    return () => setSessionLostHandler(null);
  }, [accept, message, t]);

  const value = useMemo<Auth>(
    () => ({
      me,
      loading,
      refresh,
      async logIn(login, password) {
        const { data, error } = await api.POST('/api/auth/login', { body: { login, password } });
        if (data) accept(data);
        return error ?? null;
      },
      async logOut(then) {
        await api.POST('/api/auth/logout');
        // One transition: otherwise the workspace sees "no user" before the navigation and redirects to /login.
        startTransition(() => {
          accept(null);
          then?.();
        });
      },
    }),
    [me, loading, refresh, accept],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
