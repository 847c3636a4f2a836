export * from './audit/chain.ts';
export * from './invoice/index.ts';
export * from './money/index.ts';
export * from './protocol/index.ts';
export * from './rights.ts';
export * from './roles.ts';
export * from './workflow.ts';
