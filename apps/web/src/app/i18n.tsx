import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './messages-en';
import { zh, type MessageKey } from './messages-zh';

export type Locale = 'zh-CN' | 'en';

interface I18n {
  locale: Locale;
  /** 'zh' or 'en': which half of a server message `{ zh, en }` to show. */
  lang: 'zh' | 'en';
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'zhengcai.locale';

function initialLocale(): Locale {
  const locale: Locale = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  document.documentElement.lang = locale;
  return locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = locale === 'en' ? en : zh;
    return {
      locale,
      lang: locale === 'en' ? 'en' : 'zh',
      setLocale,
      t: (key, params) => dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`)),
    };
  }, [locale, setLocale]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'en' ? enUS : zhCN}
        // Chinese buttons read 登录, not antd's default 登 录.
        button={{ autoInsertSpace: false }}
        theme={{
          token: {
            colorPrimary: '#a8071a',
            borderRadius: 6,
            fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
          },
        }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
