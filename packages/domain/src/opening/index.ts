export * from './hall-lifecycle';
export * from './opening-rules';
