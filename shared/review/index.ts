/** Sharing work between teammates: review packages, applying them to a library, layers and adjudication. */
export * from './package.ts';
export * from './plan.ts';
export * from './place.ts';
export * from './layers.ts';
export * from './adjudicate.ts';
