export * from './identity';
export * from './jobs';
export * from './ledger';
export * from './experts';
