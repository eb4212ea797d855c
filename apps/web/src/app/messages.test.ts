import { describe, expect, it } from 'vitest';
import { en } from './messages-en';
import { zh, type MessageKey } from './messages-zh';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dictionaries', () => {
  // A key missing from either locale is already a type error (messages-en `satisfies Record<MessageKey, string>`);
  // these check what types cannot.
  const keys = Object.keys(zh) as MessageKey[];

  it('have the same keys and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys) expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
  });

  it('keep English text out of the Chinese dictionary, except names and acronyms', () => {
    const allowed = /^(API|SM3|English|CSRF|PDF|DOC|DOCX|XLS|XLSX|OFD|ZIP|SHA|MB|PNG|JPEG)$/;
    for (const key of keys) {
      const words = zh[key].replace(/\{\w+\}/g, '').match(/[A-Za-z]{3,}/g) ?? [];
      expect(
        words.filter((w) => !allowed.test(w)),
        key,
      ).toEqual([]);
    }
  });
});
