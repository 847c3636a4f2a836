export * from './invoice/index.ts';
export * from './protocol/index.ts';
export * from './roles.ts';
export * from './workflow.ts';
