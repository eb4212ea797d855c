export * from './sme-declaration';
export * from './qualification-validity';
export * from './qualification-kinds';
export * from './uscc-pilot';
