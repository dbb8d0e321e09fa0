import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { createHttpWorld, type HttpWorld } from '../../test/http-world';

/**
 * Receipt guessing over HTTP, through both throttles (the HTTP limiter per
 * client and the tRPC receipt budget): 1,000 wrong receipts from one client
 * and from many, the answers compared byte for byte, and the time a wrong
 * receipt takes against a right one.
 */
let h: HttpWorld;
let receipt: string;
let reportId: string;

beforeAll(async () => {
  h = await createHttpWorld();
  const filed = await h.world.public().public.reports.submit({
    idempotencyKey: randomUUID(),
    riskCategory: 'evacuation_blocked',
    description: '安全出口被铁链锁住',
    location: { lat: 30.0001, lng: 120.0001, address: '甲区人民路1号' },
    venueId: h.world.venues.A,
  });
  receipt = filed.receipt;
  reportId = filed.reportId;
}, 120_000);
afterAll(async () => h?.close());

let guessCounter = 0;
/** A well-formed receipt that is not the real one. */
function wrongReceipt(): string {
  guessCounter += 1;
  const r = String(1_000_000_000_000_000n + BigInt(guessCounter) * 7_919n).slice(0, 16);
  return r === receipt ? wrongReceipt() : r;
}

async function track(address: string, code: string) {
  const started = process.hrtime.bigint();
  const res = await h.app.inject({ method: 'POST', url: '/trpc/public.reports.track', remoteAddress: address, payload: { receipt: code } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { status: res.statusCode, body: res.body, ms, domain: res.json<{ error?: { data?: { domain?: { code?: string } } } }>().error?.data?.domain?.code ?? null };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Status and body of every answer that is not a plain "no such receipt". */
function tally(answers: { status: number; domain: string | null }[]) {
  const notFound = answers.filter((a) => a.status === 404 && a.domain === 'RECEIPT.NOT_FOUND').length;
  const throttled = answers.filter((a) => a.status === 429).length;
  return { notFound, throttled, other: answers.length - notFound - throttled };
}

const PER_CLIENT = DEFAULT_RATE_LIMITS.receiptLookup.max;

describe('receipt guessing', () => {
  it('throttles 1,000 wrong receipts from one client after its budget, and then answers the right receipt exactly like a wrong one', async () => {
    const address = '192.0.2.10';
    const answers = [];
    for (let i = 0; i < 1000; i++) answers.push(await track(address, wrongReceipt()));
    const t = tally(answers);
    expect(t.other).toBe(0);
    expect(t.notFound).toBe(PER_CLIENT);
    expect(t.throttled).toBe(1000 - PER_CLIENT);
    // Every not-found answer is the same bytes, and so is every throttled one.
    expect(new Set(answers.filter((a) => a.status === 404).map((a) => a.body)).size).toBe(1);
    expect(new Set(answers.filter((a) => a.status === 429).map((a) => a.body)).size).toBe(1);
    // The right receipt, from the throttled client, learns nothing.
    const right = await track(address, receipt);
    expect(right.status).toBe(429);
    expect(right.body).toBe(answers[answers.length - 1]!.body);
    // Another client is not affected.
    const elsewhere = await track('192.0.2.11', receipt);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toContain(reportId);
    console.log(`[receipt guessing, one client] 1000 wrong receipts: ${t.notFound} answered "not found", ${t.throttled} throttled (HTTP 429); right receipt after that: HTTP ${right.status}, same body as a wrong one`);
  }, 240_000);

  it('throttles 1,000 wrong receipts from 50 clients at the per-client budget each', async () => {
    const answers = [];
    for (let c = 0; c < 50; c++) for (let i = 0; i < 20; i++) answers.push(await track(`198.18.0.${c + 1}`, wrongReceipt()));
    const t = tally(answers);
    expect(t.other).toBe(0);
    expect(t.notFound).toBe(50 * PER_CLIENT);
    expect(t.throttled).toBe(1000 - 50 * PER_CLIENT);
    expect(new Set(answers.filter((a) => a.status === 404).map((a) => a.body)).size).toBe(1);
    console.log(`[receipt guessing, 50 clients x 20] 1000 wrong receipts: ${t.notFound} answered "not found", ${t.throttled} throttled`);
  }, 240_000);

  it('answers 1,000 single guesses from 1,000 addresses with one identical "not found" (no budget spans clients)', async () => {
    const answers = [];
    for (let c = 0; c < 1000; c++) answers.push(await track(`198.19.${Math.floor(c / 250)}.${(c % 250) + 1}`, wrongReceipt()));
    const t = tally(answers);
    expect(t.other).toBe(0);
    expect(new Set(answers.filter((a) => a.status === 404).map((a) => a.body)).size).toBe(1);
    // A 16-digit receipt space: 1,000 guesses against one live receipt hit with p = 1e-13.
    console.log(
      `[receipt guessing, 1000 clients x 1] ${t.notFound} answered "not found", ${t.throttled} throttled: the limits are per client; ` +
        `chance that these guesses hit one of 1 live receipt: ${(1000 / 1e16).toExponential(1)}`,
    );
  }, 240_000);

  it('takes as long to answer a wrong receipt as a right one (medians over fresh clients)', async () => {
    const wrongMs: number[] = [];
    const rightMs: number[] = [];
    // Warm up both paths, then interleave so drift hits both equally.
    for (let i = 0; i < 20; i++) {
      await track(`198.51.${200 + (i % 2)}.${i + 1}`, i % 2 ? receipt : wrongReceipt());
    }
    for (let i = 0; i < 200; i++) {
      const w = await track(`100.64.${Math.floor(i / 200)}.${(i % 200) + 1}`, wrongReceipt());
      const r = await track(`100.65.${Math.floor(i / 200)}.${(i % 200) + 1}`, receipt);
      expect(w.status).toBe(404);
      expect(r.status).toBe(200);
      wrongMs.push(w.ms);
      rightMs.push(r.ms);
    }
    const mw = median(wrongMs);
    const mr = median(rightMs);
    console.log(`[receipt timing] median wrong receipt ${mw.toFixed(2)} ms, median right receipt ${mr.toFixed(2)} ms, difference ${(mr - mw).toFixed(2)} ms over 200 pairs`);
    // The not-found path runs the same queries against a decoy id; what is left is serialising the answer.
    expect(Math.abs(mr - mw)).toBeLessThan(Math.max(2, 0.25 * Math.max(mw, mr)));
  }, 240_000);
});

describe('receipt guessing from one IPv6 /64', () => {
  /*
   * One IPv6 customer holds a whole /64 (2^64 addresses). The limiter keys IPv6
   * clients by their /64 (apps/api/src/http/client-key.ts), so stepping through the
   * block does not reset the budget: 1,000 guesses from 1,000 addresses of one /64
   * are throttled as one client's.
   */
  it('throttles 1,000 guesses from one /64 as one client', async () => {
    const answers = [];
    for (let i = 0; i < 1000; i++) answers.push(await track(`2001:db8:1:2::${(i + 1).toString(16)}`, wrongReceipt()));
    const t = tally(answers);
    console.log(`[receipt guessing, one IPv6 /64, 1000 addresses] ${t.notFound} answered "not found", ${t.throttled} throttled (limit ${PER_CLIENT} per client)`);
    expect(t.notFound).toBeLessThanOrEqual(PER_CLIENT);
    expect(t.throttled).toBeGreaterThanOrEqual(1000 - PER_CLIENT);
  }, 240_000);
});
