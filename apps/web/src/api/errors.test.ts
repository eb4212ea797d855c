import { describe, expect, it } from 'vitest';
import { errorText, fieldErrors, firstReason, localiseText, type ApiError } from './errors';

const error = (fields?: ApiError['error']['fields'], message = { zh: '参数错误', en: 'Invalid input' }): ApiError => ({
  error: { code: 'VALIDATION_FAILED', message, fields, requestId: 'req-1' },
});

describe('server errors shown to people', () => {
  it('maps body paths to form names and joins two reasons for one field', () => {
    const e = error([
      { field: 'body.organisation.uscc', reason: { zh: '校验位错误', en: 'Wrong check character' } },
      { field: 'body.user.login', reason: { zh: '已被使用', en: 'Taken' } },
      { field: 'body.user.login', reason: { zh: '太短', en: 'Too short' } },
    ]);
    expect(fieldErrors(e, 'zh')).toEqual({ 'organisation.uscc': '校验位错误', 'user.login': '已被使用；太短' });
    expect(fieldErrors(e, 'en')['organisation.uscc']).toBe('Wrong check character');
  });

  it('has no field errors for anything that is not an API error', () => {
    expect(fieldErrors(new Error('network down'), 'zh')).toEqual({});
    expect(fieldErrors(null, 'en')).toEqual({});
    expect(fieldErrors({ error: 'text' }, 'en')).toEqual({});
  });

  it('prefers the first field reason, else the message, in the reader language', () => {
    expect(firstReason(error([{ field: 'body.reason', reason: { zh: '必填', en: 'Required' } }]), 'en')).toBe(
      'Required',
    );
    expect(firstReason(error(), 'zh')).toBe('参数错误');
    expect(errorText(error(), 'en')).toBe('Invalid input');
  });

  it('shows an instant inside a message in the reader time zone, not as ISO text', () => {
    const text = localiseText('账号已锁定至 2026-11-26T21:39:07.786Z', 'zh');
    expect(text).not.toContain('T21:39');
    expect(text).toContain(new Date('2026-11-26T21:39:07.786Z').toLocaleString('zh-CN'));
    expect(localiseText('no instant here: 2026-11-26', 'en')).toBe('no instant here: 2026-11-26');
  });
});
