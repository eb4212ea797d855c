import type { UserKeys } from '@zhengcai/seal';
import { Form, Input, Radio, Select } from 'antd';
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useI18n } from '../../app/i18n';
import { KeyFilePicker } from '../bids/key-file-picker';
import { KeyStoreError, keyStore, type StoredKey } from '../certificates/key-store';

export interface KeyChoice {
  source: 'stored' | 'upload';
  storedId: string | null;
  file: File | null;
  password: string;
}

export const NO_KEY: KeyChoice = { source: 'upload', storedId: null, file: null, password: '' };

/** Opens the chosen key with its password (the PBKDF2 takes about a second). Throws KeyStoreError. */
export async function openChosenKey(choice: KeyChoice): Promise<UserKeys> {
  if (!choice.password) throw new KeyStoreError('WRONG_PASSWORD');
  const opened = await keyStore.open(
    choice.source === 'stored' ? { storedId: choice.storedId ?? '' } : { file: choice.file ?? '' },
    choice.password,
  );
  return opened.keys;
}

export function keyChosen(choice: KeyChoice): boolean {
  return choice.password !== '' && (choice.source === 'stored' ? choice.storedId !== null : choice.file !== null);
}

/**
 * "My key" for the hall's actions: a key kept in this browser (IndexedDB, the default when there is one) or an
 * uploaded key file, and its password. Nothing is opened until an action needs it.
 *
 * `onChange` is the owner's state setter: every change is an update of the latest choice, so the password typed while
 * the kept keys are still being listed is not lost when the list arrives and picks the default key (nor the
 * reverse).
 */
export function KeyChooser(props: {
  value: KeyChoice;
  onChange: Dispatch<SetStateAction<KeyChoice>>;
  disabled?: boolean;
}) {
  const { t, lang } = useI18n();
  const [stored, setStored] = useState<StoredKey[] | null>(null);
  const { value, onChange } = props;
  const update = (change: Partial<KeyChoice>) => onChange((current) => ({ ...current, ...change }));

  useEffect(() => {
    void keyStore.list().then((keys) => {
      setStored(keys);
      // The first key kept here is the default, unless a key was already chosen (this panel can be shown again
      // later in the same hall, e.g. for decryption after 签到: the choice and the password are kept).
      const first = keys[0];
      if (!first) return;
      onChange((current) =>
        current.storedId === null && current.file === null
          ? { ...current, source: 'stored', storedId: first.id }
          : current,
      );
    });
    // Only once per showing: later choices are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Form layout="vertical" disabled={props.disabled} component="div">
      <Form.Item label={t('opening.keySource')} style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          value={value.source}
          onChange={(e) => update({ source: e.target.value as KeyChoice['source'] })}
          options={[
            { value: 'stored', label: t('opening.storedKey'), disabled: !stored?.length },
            { value: 'upload', label: t('opening.keyFile') },
          ]}
        />
      </Form.Item>
      {value.source === 'stored' ? (
        <Form.Item style={{ marginBottom: 12 }}>
          <Select
            value={value.storedId ?? undefined}
            onChange={(id: string) => update({ storedId: id })}
            data-testid="hall-stored-key"
            options={(stored ?? []).map((k) => ({
              value: k.id,
              label: `${k.login} · ${k.suite} · ${new Date(k.createdAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en')}`,
            }))}
          />
        </Form.Item>
      ) : (
        <Form.Item style={{ marginBottom: 12 }}>
          <KeyFilePicker
            file={value.file}
            onChange={(file) => update({ file })}
            label={t('opening.pickKey')}
            testId="hall-pick-key"
          />
        </Form.Item>
      )}
      <Form.Item label={t('opening.keyPassword')} style={{ marginBottom: 0 }}>
        <Input.Password
          autoComplete="off"
          value={value.password}
          onChange={(e) => update({ password: e.target.value })}
          data-testid="hall-key-password"
        />
      </Form.Item>
    </Form>
  );
}
