import { App as AntApp } from 'antd';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from './auth';
import { I18nProvider } from './i18n';
import { AppRoutes } from './routes';

export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </I18nProvider>
  );
}
