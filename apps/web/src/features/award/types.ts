import type { paths } from '../../api/schema';

export type AwardView = paths['/api/lots/{lotId}/award']['get']['responses']['200']['content']['application/json'];
export type Letter =
  paths['/api/award-letters']['get']['responses']['200']['content']['application/json']['items'][number];
