export * from './api.ts';
export * from './closeCodes.ts';
export * from './errors.ts';
export * from './messages.ts';
export * from './notifications.ts';
export * from './origins.ts';
export * from './presence.ts';
