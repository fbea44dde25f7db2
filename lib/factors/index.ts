export * from './build-factor-library';
export * from './parse-accelerators';
export * from './parse-ewif';
export * from './parse-grid-factors';
export * from './parse-locations';
