// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp, Empty } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';

const { logins } = vi.hoisted(() => {
  const logins: unknown[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  // openapi-fetch takes globalThis.fetch when the client is created, so the stub must exist before the import.
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    if (path === '/api/auth/login') {
      logins.push(await request.json());
      return json(401, {
        error: {
          code: 'INVALID_CREDENTIALS',
          message: { zh: '账号或密码错误', en: 'Wrong login or password' },
          requestId: 'r1',
        },
      });
    }
    return json(401, {
      error: { code: 'UNAUTHENTICATED', message: { zh: '请先登录', en: 'Please log in' }, requestId: 'r0' },
    });
  };
  return { logins };
});

import { AuthProvider } from '../../app/auth';
import { I18nProvider, useI18n } from '../../app/i18n';
import { LoginPage } from './login-page';

function LanguageProbe() {
  const { locale, setLocale } = useI18n();
  return (
    <>
      <button onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>switch</button>
      <Empty />
    </>
  );
}

const renderLogin = () =>
  render(
    <I18nProvider>
      <AntApp>
        <AuthProvider>
          <MemoryRouter initialEntries={['/login']}>
            <LanguageProbe />
            <Routes>
              <Route path="/login" element={<LoginPage />} />
            </Routes>
          </MemoryRouter>
        </AuthProvider>
      </AntApp>
    </I18nProvider>,
  );

afterEach(() => {
  cleanup();
  localStorage.clear();
  logins.length = 0;
});

describe('the login page', () => {
  it('shows the server message in the current language, and follows a switch', async () => {
    renderLogin();
    fireEvent.change(await screen.findByLabelText('账号'), { target: { value: 'supplier2' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect((await screen.findByTestId('login-error')).textContent).toContain('账号或密码错误');
    expect(logins).toEqual([{ login: 'supplier2', password: 'wrong-password' }]);

    await act(async () => fireEvent.click(screen.getByText('switch')));
    expect(screen.getByTestId('login-error').textContent).toContain('Wrong login or password');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeTruthy();
  });

  it('switches antd to English with the dictionary, and remembers the choice', async () => {
    renderLogin();
    const emptyText = () => document.querySelector('.ant-empty-description')?.textContent;
    await screen.findByLabelText('账号');
    expect(emptyText()).toBe('暂无数据'); // antd's own zh_CN text
    expect(document.documentElement.lang).toBe('zh-CN');
    await act(async () => fireEvent.click(screen.getByText('switch')));
    expect(emptyText()).toBe('No data');
    expect(localStorage.getItem('zhengcai.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    cleanup();
    renderLogin(); // a new visit
    expect(await screen.findByLabelText('Login')).toBeTruthy();
    expect(emptyText()).toBe('No data');
  });

  it('does not send the form before the required fields are filled', async () => {
    renderLogin();
    fireEvent.click(await screen.findByRole('button', { name: '登录' }));
    expect((await screen.findAllByText('请填写此项')).length).toBe(2);
    expect(logins).toEqual([]);
  });
});
