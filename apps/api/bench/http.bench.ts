// pnpm bench (apps/api): report submission and receipt lookup through the real
// app (tRPC over fastify, the kernel, the one lifecycle write path) against a
// bare fastify route doing one INSERT, at fixed arrival rates on loopback.
//
// DATABASE_URL set: PostgreSQL (a throwaway schema); otherwise in-memory PGlite.
// BENCH_RATES=50,100,... and BENCH_STEP_SECONDS (≤ 10) change the steps.
// Goals: submission ≥ 0.4 × the bare route's throughput, lookup ≥ 0.6 ×. The
// verdict is printed, never asserted: timings vary with the machine.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon, { type RawRequest, type Result } from 'autocannon';
import { RISK_CATEGORY_CODES } from '@firebreak/domain';
import type { BenchLag, BenchReady } from './bench-server';

const DEFAULT_RATES = [50, 100, 200, 400, 800, 1600, 3200, 6400];
const STEP_SECONDS = Math.min(10, Math.max(1, Number(process.env.BENCH_STEP_SECONDS ?? 5)));
const RATES = (process.env.BENCH_RATES ?? '').split(',').map(Number).filter((n) => Number.isFinite(n) && n > 0);
const GOALS = { submit: 0.4, track: 0.6 } as const;
/** The issue's fixed offered load for the submission latency goal (p99 ≤ 50 ms). */
const FIXED_RATE = Number(process.env.BENCH_FIXED_RATE ?? 1000);
const FIXED_P99_MS = 50;

interface Step {
  readonly rate: number;
  readonly ok: number;
  readonly failed: number;
  /** Successful answers per second: what the endpoint sustained at this arrival rate. */
  readonly throughput: number;
  readonly p50: number;
  readonly p99: number;
}

function startServer(): Promise<{ child: ChildProcess; ready: BenchReady }> {
  const child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, ready: m as BenchReady }));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
  });
}

function reportBody(venues: BenchReady['venues'], n: number): string {
  const v = venues[n % venues.length]!;
  return JSON.stringify({
    idempotencyKey: randomUUID(),
    riskCategory: RISK_CATEGORY_CODES[n % RISK_CATEGORY_CODES.length],
    description: '楼道里每天晚上停着十几辆电动车在充电，电线从窗户拉下来。（压测）',
    location: { lat: v.lat, lng: v.lng, address: v.address },
    venueId: v.id,
  });
}

/** One fixed-rate step; `body(n)` gives the n-th request's JSON. */
async function step(url: string, rate: number, seconds: number, body: (n: number) => string): Promise<Step> {
  let n = 0;
  const setupRequest = (req: RawRequest): RawRequest => ({ ...req, body: body(n++) });
  const result: Result = await autocannon({
    url,
    // autocannon paces each connection per second (its quota goes out back to back at the top
    // of each second), so about ten requests per connection spreads arrivals over the second
    // instead of sending every request of the second at once.
    connections: Math.min(128, Math.max(4, Math.ceil(rate / 10))),
    overallRate: rate,
    // Report measured latencies: its correction assumes a 1 ms interval at these rates and
    // would fill the histogram with synthetic samples.
    ignoreCoordinatedOmission: true,
    duration: seconds,
    timeout: 10,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest }],
  });
  let ok = 0;
  let failed = result.errors + result.timeouts;
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) {
    if (code.startsWith('2')) ok += Number(s.count);
    else failed += Number(s.count);
  }
  return { rate, ok, failed, throughput: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Steps up the arrival rate until the endpoint falls behind (serves < 90% of it) or the rates run out. */
async function ladder(name: string, url: string, body: (n: number) => string, rates: readonly number[]): Promise<Step[]> {
  await step(url, rates[0]!, 2, body); // warm-up: JIT, pools, caches
  const steps: Step[] = [];
  for (const rate of rates) {
    const s = await step(url, rate, STEP_SECONDS, body);
    steps.push(s);
    console.log(
      `  ${name.padEnd(8)} ${String(rate).padStart(5)}/s offered  ${s.throughput.toFixed(0).padStart(5)}/s served  p50 ${String(s.p50).padStart(5)} ms  p99 ${String(s.p99).padStart(6)} ms${s.failed ? `  (${s.failed} failed)` : ''}`,
    );
    if (s.throughput < rate * 0.9 || s.failed > s.ok * 0.01) break;
  }
  return steps;
}

/** The best sustained throughput of a ladder, and the latencies at that step. */
function best(steps: readonly Step[]): Step {
  return steps.reduce((a, b) => (b.throughput > a.throughput ? b : a));
}

/** True when even the last step was kept up with: the endpoint's capacity lies above the ladder. */
function unsaturated(steps: readonly Step[]): boolean {
  const last = steps.at(-1)!;
  return last.throughput >= last.rate * 0.9;
}

async function collectReceipts(appUrl: string, venues: BenchReady['venues'], count: number): Promise<string[]> {
  const receipts: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${appUrl}/trpc/public.reports.submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: reportBody(venues, i) });
    const json = (await res.json()) as { result?: { data?: { receipt?: string } } };
    const receipt = json.result?.data?.receipt;
    if (!receipt) throw new Error(`could not file a report for the lookup bench: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    receipts.push(receipt);
  }
  return receipts;
}

async function main(): Promise<void> {
  const { child, ready } = await startServer();
  try {
    const rates = RATES.length > 0 ? RATES : DEFAULT_RATES;
    const app = `http://127.0.0.1:${ready.appPort}`;
    const bareUrl = `http://127.0.0.1:${ready.barePort}/bare`;
    console.log(`Firebreak HTTP bench on ${ready.driver === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (in memory)'}, loopback`);
    console.log(`demo city seeded in ${ready.seedMs} ms; steps of ${STEP_SECONDS} s at ${rates.join(', ')} requests/s (stopping when the endpoint falls behind)`);

    const submitProbe = await fetch(`${app}/trpc/public.reports.submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: reportBody(ready.venues, 0) });
    if (submitProbe.status === 404) throw new Error('public.reports.submit does not exist in the app router yet');

    console.log('\nbare route (one INSERT):');
    const bare = await ladder('bare', bareUrl, (n) => reportBody(ready.venues, n), rates);
    console.log('\npublic.reports.submit (tRPC):');
    const submit = await ladder('submit', `${app}/trpc/public.reports.submit`, (n) => reportBody(ready.venues, n), rates);
    const fixed = await step(`${app}/trpc/public.reports.submit`, FIXED_RATE, STEP_SECONDS, (n) => reportBody(ready.venues, n));
    console.log(
      `  submit at a fixed ${FIXED_RATE}/s: ${fixed.throughput.toFixed(0)}/s served  p50 ${fixed.p50} ms  p99 ${fixed.p99} ms${fixed.failed ? `  (${fixed.failed} failed)` : ''}`,
    );
    const receipts = await collectReceipts(app, ready.venues, 300);
    console.log('\npublic.reports.track (tRPC, a mutation: receipts never go in URLs):');
    const track = await ladder('track', `${app}/trpc/public.reports.track`, (n) => JSON.stringify({ receipt: receipts[n % receipts.length] }), rates);

    const b = best(bare);
    const rows = [
      { name: 'bare INSERT', steps: bare, ratio: null, goal: null },
      { name: 'reports.submit', steps: submit, ratio: best(submit).throughput / b.throughput, goal: GOALS.submit },
      { name: 'reports.track', steps: track, ratio: best(track).throughput / b.throughput, goal: GOALS.track },
    ];
    console.log('\nbest sustained step per endpoint (≥: never fell behind, its capacity is higher):');
    console.log('  endpoint         served/s   p50 ms   p99 ms   vs bare   goal     verdict');
    for (const r of rows) {
      const s = best(r.steps);
      const verdict = r.ratio === null ? '' : r.ratio >= r.goal ? 'PASS' : 'MISS';
      const served = `${unsaturated(r.steps) ? '≥' : ''}${s.throughput.toFixed(0)}`;
      console.log(
        `  ${r.name.padEnd(16)} ${served.padStart(8)} ${String(s.p50).padStart(8)} ${String(s.p99).padStart(8)}   ${r.ratio === null ? '     -' : r.ratio.toFixed(2).padStart(6)}   ${r.goal === null ? '   -' : `≥${r.goal}`}   ${verdict}`,
      );
    }
    if (unsaturated(bare)) console.log('  (the bare route kept up with every step: the ratios are upper bounds)');
    const keptUp = fixed.throughput >= FIXED_RATE * 0.9 && fixed.failed === 0;
    console.log(
      `  submit at ${FIXED_RATE}/s offered: p99 ${fixed.p99} ms (goal ≤ ${FIXED_P99_MS} ms, kept up: ${keptUp ? 'yes' : 'no'})   ${fixed.p99 <= FIXED_P99_MS && keptUp ? 'PASS' : 'MISS'}`,
    );

    child.send('lag');
    const lag = await new Promise<BenchLag>((resolve) => child.once('message', (m) => resolve(m as BenchLag)));
    const secs = (v: number | null) => (v === null ? '-' : v.toFixed(2));
    console.log(
      `\naudit sealer (every ${ready.sealIntervalMs} ms, in the server process): ${lag.sealed} entries written under the load sealed, ${lag.unsealed} still waiting; commit → sealed p50 ${secs(lag.p50)} s, p99 ${secs(lag.p99)} s, max ${secs(lag.max)} s`,
    );
    console.log(`audit log verified after the load: ${lag.verified.ok ? 'ok' : 'BROKEN'}, ${lag.verified.rows} entries in ${lag.verified.ms} ms`);
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
