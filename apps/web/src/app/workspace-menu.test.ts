import { describe, expect, it } from 'vitest';
import type { Me, Role } from './auth';
import { zh } from './messages-zh';
import { workspaceMenu } from './workspace-menu';

const me = (role: Role, abilities: Partial<Me['abilities']> = {}): Me => ({
  user: { id: '00000000-0000-4000-8000-000000000001', login: role, displayName: role, role, locale: 'zh-CN' },
  organisation: null,
  csrfToken: 'csrf',
  via: 'session',
  abilities: {
    reviewRegistrations: false,
    manageAccounts: false,
    verifyLedger: false,
    watchRecordings: false,
    listTransactionCertificates: false,
    revokeTransactionCertificates: false,
    verifyExpertDraws: false,
    ...abilities,
  },
});

const keys = (m: Me) => workspaceMenu(m, (k) => zh[k]).map((item) => String(item?.key));

describe('the workspace navigation', () => {
  it('offers every role its overview, certificates, API tokens and password, and nothing the server would refuse', () => {
    expect(keys(me('supplier'))).toEqual([
      'overview',
      'tenders',
      'evaluation-queries',
      'consortium-requests',
      'award-letters',
      'supplier-profile',
      'certificates',
      'tokens',
      'password',
    ]);
    expect(keys(me('finance'))).toEqual(['overview', 'certificates', 'tokens', 'password']);
  });

  it('gives suppliers their tenders and the supervisor the barred list', () => {
    expect(keys(me('supplier'))).toContain('tenders');
    expect(keys(me('supervisor'))).toContain('barred');
    for (const role of ['purchaser', 'agency', 'centre', 'expert', 'finance', 'admin'] as const) {
      expect(keys(me(role))).not.toContain('tenders');
      expect(keys(me(role))).not.toContain('consortium-requests');
      expect(keys(me(role))).not.toContain('evaluation-queries');
      expect(keys(me(role))).not.toContain('barred');
    }
  });

  it('follows the abilities the server sends, not the role name', () => {
    expect(keys(me('centre', { reviewRegistrations: true, verifyLedger: true }))).toEqual([
      'overview',
      'registrations',
      'ledger',
      'certificates',
      'tokens',
      'password',
    ]);
    expect(keys(me('admin', { reviewRegistrations: true, manageAccounts: true, verifyLedger: true }))).toEqual([
      'overview',
      'registrations',
      'accounts',
      'ledger',
      'certificates',
      'tokens',
      'password',
    ]);
    // An admin the server has not given account management does not get the page.
    expect(keys(me('admin', { verifyLedger: true }))).not.toContain('accounts');
  });

  it('gives experts their profile page, their evaluation invitations and their evaluations', () => {
    expect(keys(me('expert'))).toEqual([
      'overview',
      'expert',
      'invitations',
      'evaluations',
      'certificates',
      'tokens',
      'password',
    ]);
    expect(keys(me('purchaser'))).not.toContain('expert');
    expect(keys(me('purchaser'))).not.toContain('invitations');
    expect(keys(me('supervisor'))).not.toContain('evaluations');
  });

  it('gives the expert draw records to whoever the server lets verify draws (not to hosts or the administrator)', () => {
    expect(keys(me('supervisor', { watchRecordings: true, verifyExpertDraws: true }))).toEqual([
      'overview',
      'recordings',
      'expert-draws',
      'barred',
      'certificates',
      'tokens',
      'password',
    ]);
    for (const role of ['agency', 'purchaser', 'admin', 'expert', 'supplier'] as const) {
      expect(keys(me(role))).not.toContain('expert-draws');
    }
  });

  it('gives purchasers and agencies their projects', () => {
    expect(keys(me('purchaser'))).toEqual(['overview', 'projects', 'recordings', 'certificates', 'tokens', 'password']);
    expect(keys(me('agency'))).toContain('projects');
    expect(keys(me('supplier'))).not.toContain('projects');
  });

  it('gives the opening recordings to hosts (purchasers, agencies) and to whoever the server lets play them back', () => {
    expect(keys(me('agency'))).toContain('recordings');
    expect(keys(me('supervisor', { watchRecordings: true }))).toContain('recordings');
    expect(keys(me('centre'))).not.toContain('recordings');
    for (const role of ['supplier', 'expert', 'finance'] as const) expect(keys(me(role))).not.toContain('recordings');
  });

  it('lists the transaction certificates issued to whoever the server lets see the list', () => {
    expect(keys(me('supervisor', { listTransactionCertificates: true }))).toContain('transaction-certificates');
    expect(keys(me('centre'))).not.toContain('transaction-certificates');
    expect(keys(me('supplier'))).not.toContain('transaction-certificates');
  });
});
