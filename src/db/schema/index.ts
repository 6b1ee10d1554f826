export * from './agent.ts';
export * from './channels.ts';
export * from './conversations.ts';
export * from './customers.ts';
export * from './shops.ts';
export * from './staff.ts';
export * from './store.ts';
export * from './tickets.ts';
