export * from './create.ts';
export * from './edit.ts';
export * from './ids.ts';
export * from './migrate.ts';
export * from './read.ts';
export * from './richText.ts';
export * from './schema.ts';
export * from './textDiff.ts';
export type * from './types.ts';
