export * from './offsets.ts';
export * from './quote.ts';
export * from './snap.ts';
export * from './locate.ts';
export * from './reanchor.ts';
export * from './orphans.ts';
