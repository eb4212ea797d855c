export * from './award-periods';
export * from './award-choice';
export * from './challenge-lifecycle';
