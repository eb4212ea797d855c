import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from '../api/client';
import type { components, paths } from '../api/schema';

export type Me = paths['/api/me']['get']['responses'][200]['content']['application/json'];
export type Role = Me['user']['role'];
type LoginError = components['schemas']['Error'];

interface Auth {
  me: Me | null;
  loading: boolean;
  logIn: (login: string, password: string) => Promise<LoginError | null>;
  logOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const fetchMe = async (): Promise<Me | null> => (await api.GET('/api/me')).data ?? null;

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
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
      async logOut() {
        await api.POST('/api/auth/logout');
        accept(null);
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
