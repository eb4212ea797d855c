import type { NewEvent } from '../../platform/events/append-event';
import type { EventType } from '../../platform/events/vocabulary';

/** Events about a user's account are seen by their organisation and by oversight (experts: oversight only). */
export function accountAudience(organisationId: string | null): NewEvent<EventType>['audience'] {
  return organisationId ? { kind: 'organisation', organisationId } : { kind: 'oversight' };
}
