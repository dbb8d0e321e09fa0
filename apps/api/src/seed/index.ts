// First-start demo data (server.ts calls seedDemoIfEmpty) and the demo accounts the README lists.
export { seedDemoIfEmpty, type DemoSeedDeps, type DemoSeedResult } from './seed-demo';
export { DEMO_OPEN311_KEY, DEMO_PASSWORD, DEMO_USERS } from './demo-city';
