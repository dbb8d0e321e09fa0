import { createServices, hashPassword } from '@firebreak/api';
import { createSealer, generateSealingKey } from '@firebreak/db';
import { createTestDb } from '@firebreak/db/testing';
import { seedDemoIfEmpty } from './seed-demo';
const db = await createTestDb();
const services = createServices({ sealer: createSealer(generateSealingKey()), receiptPepper: 'x'.repeat(32) });
const t = Date.now();
try {
  const r = await seedDemoIfEmpty(db.db, { hashPassword, services, now: new Date('2026-11-23T03:00:00Z'), log: console.log, uploadsDir: '/tmp/fb-seed-uploads' });
  console.log(JSON.stringify(r, null, 1));
} catch (e) { console.error(e); }
console.log('ms', Date.now() - t);
await db.close();
