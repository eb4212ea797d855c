import type { paths } from '../../api/schema';

export type Tender = paths['/api/tenders/{id}']['get']['responses'][200]['content']['application/json'];
export type ProjectSummary = Tender['project'];
export type Clarification = Tender['clarifications'][number];
export type Desk = paths['/api/projects/{id}/questions']['get']['responses'][200]['content']['application/json'];
export type DeskQuestion = Desk['questions'][number];
export type Obtaining =
  paths['/api/projects/{id}/obtainings']['get']['responses'][200]['content']['application/json']['items'][number];
