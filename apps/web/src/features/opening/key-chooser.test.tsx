// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../app/i18n';
import { keyStore, type StoredKey } from '../certificates/key-store';
import { KeyChooser, NO_KEY, keyChosen, type KeyChoice } from './key-chooser';

const KEPT: StoredKey = {
  id: 'signing-public-key-1',
  login: 'expert01',
  userId: 'u-1',
  suite: 'gm',
  createdAt: '2026-12-01T00:00:00.000Z',
  savedAt: '2026-12-01T00:00:00.000Z',
};

/** The chooser as its owners use it (their state and setter), showing the choice it holds. */
function Owner() {
  const [key, setKey] = useState<KeyChoice>(NO_KEY);
  return (
    <I18nProvider>
      <KeyChooser value={key} onChange={setKey} />
      <output data-testid="choice">{JSON.stringify({ ...key, ready: keyChosen(key) })}</output>
    </I18nProvider>
  );
}

/** The browser's key list, answering only when the test says so (IndexedDB is slow on a loaded machine). */
function slowKeyList() {
  let answer: (keys: StoredKey[]) => void = () => undefined;
  vi.spyOn(keyStore, 'list').mockReturnValue(new Promise((resolve) => (answer = resolve)));
  return (keys: StoredKey[]) => act(async () => answer(keys));
}

const choice = () => JSON.parse(screen.getByTestId('choice').textContent ?? '{}') as KeyChoice & { ready: boolean };
const typePassword = (text: string) =>
  fireEvent.change(
    screen.getByTestId('hall-key-password').querySelector('input') ?? screen.getByTestId('hall-key-password'),
    {
      target: { value: text },
    },
  );

describe('KeyChooser', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('keeps a password typed before the kept keys are listed, and picks the kept key when they are', async () => {
    const listed = slowKeyList();
    render(<Owner />);
    typePassword('correct horse 8');
    await listed([KEPT]);
    expect(choice()).toMatchObject({ source: 'stored', storedId: KEPT.id, password: 'correct horse 8', ready: true });
  });

  it('keeps the kept key when the password is typed after the list', async () => {
    const listed = slowKeyList();
    render(<Owner />);
    await listed([KEPT]);
    typePassword('correct horse 8');
    expect(choice()).toMatchObject({ source: 'stored', storedId: KEPT.id, password: 'correct horse 8', ready: true });
  });

  it('with no key kept here, asks for a key file', async () => {
    const listed = slowKeyList();
    render(<Owner />);
    await listed([]);
    typePassword('correct horse 8');
    expect(choice()).toMatchObject({ source: 'upload', storedId: null, file: null, ready: false });
  });
});
