export * from './identity';
export * from './jobs';
export * from './ledger';
export * from './experts';
export * from './certificates';
export * from './projects';
export * from './platform-keys';
export * from './bids';
