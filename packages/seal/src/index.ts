export * from './ledger-hash';
