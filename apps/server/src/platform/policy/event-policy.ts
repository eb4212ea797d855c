import { isOversight, type Viewer } from './actor';

export interface EventAudience {
  audience: 'public' | 'organisation' | 'organisations' | 'oversight';
  audienceOrganisationId: string | null;
  audienceOrganisationIds?: string[] | null;
}

/** Who may see an event in feeds and live streams (deny by default: an unknown audience is seen by nobody). */
export function canSeeEvent(viewer: Viewer, event: EventAudience): boolean {
  switch (event.audience) {
    case 'public':
      return true;
    case 'oversight':
      return isOversight(viewer);
    case 'organisation':
      return (
        isOversight(viewer) ||
        (viewer.kind === 'user' &&
          viewer.organisationId !== null &&
          viewer.organisationId === event.audienceOrganisationId)
      );
    case 'organisations':
      return (
        isOversight(viewer) ||
        (viewer.kind === 'user' &&
          viewer.organisationId !== null &&
          (event.audienceOrganisationIds ?? []).includes(viewer.organisationId))
      );
    default:
      return false;
  }
}
