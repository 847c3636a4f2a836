export * from './chain.ts';
export * from './diff.ts';
export * from './types.ts';
export * from './view.ts';
