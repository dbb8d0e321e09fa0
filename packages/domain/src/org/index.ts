// Organisation: jurisdictions, departments, capabilities and access checks.
export * from './jurisdiction-levels';
export * from './jurisdiction-tree';
export * from './build-jurisdiction-tree';
export * from './department-kinds';
export * from './department';
export * from './capabilities';
export * from './staff-assignment';
export * from './authorize';
