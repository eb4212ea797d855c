import { OVERSIGHT_ROLES, type OrganisationKind, type Role } from '@zhengcai/domain';

/** Who is calling: nobody, or a user through a browser session or an API token. */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      role: Role;
      organisationId: string | null;
      via: 'session' | 'token';
      sessionId: string | null;
      csrfToken: string | null;
      /** The account as read with the credentials (one query per request serves /api/me and the policies). */
      account: Account;
    };

export interface Account {
  login: string;
  displayName: string;
  locale: 'zh-CN' | 'en';
  organisation: {
    id: string;
    name: string;
    kind: OrganisationKind;
    status: 'pending' | 'active' | 'rejected' | 'suspended';
  } | null;
}

export type UserViewer = Extract<Viewer, { kind: 'user' }>;

export const anonymous: Viewer = { kind: 'anonymous' };

export function isOversight(viewer: Viewer): boolean {
  return viewer.kind === 'user' && OVERSIGHT_ROLES.includes(viewer.role);
}

export function hasRole(viewer: Viewer, ...roles: Role[]): viewer is UserViewer {
  return viewer.kind === 'user' && roles.includes(viewer.role);
}

/** The actor recorded on events. */
export function actorOf(viewer: Viewer): { userId: string | null; organisationId: string | null } {
  return viewer.kind === 'user'
    ? { userId: viewer.userId, organisationId: viewer.organisationId }
    : { userId: null, organisationId: null };
}
