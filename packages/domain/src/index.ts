export * from './registration-lifecycle';
export * from './roles';
export * from './state-machine';
export * from './uscc';
export * from './procurement-categories';
