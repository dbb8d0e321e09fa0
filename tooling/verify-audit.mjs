#!/usr/bin/env node
// Independent audit-log verifier (docs/adr/0003-audit-sealing.md). It shares no code with
// packages/db: node:crypto for SHA-256, its own canonical JSON and RFC 6962 Merkle tree, plain
// SQL through postgres.js (or PGlite). Run it against any copy of the database:
//
//   DATABASE_URL=postgres://… node tooling/verify-audit.mjs [--schema NAME] [--anchor BATCH:HASH]
//   node tooling/verify-audit.mjs --pglite .data/pglite [--anchor BATCH:HASH]
//
// Exit 0 and a JSON verdict when every check passes; exit 1 with the first break otherwise.
// --anchor is a batch head (id:hash) kept outside the database (published, printed, mailed):
// without one, a history cut off or rewritten from some batch on cannot be told apart.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const GENESIS = '0'.repeat(64);
const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** Sorted keys, no whitespace, JSON.stringify for scalars: the kernel's canonicalJson. */
export function canonical(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map((x) => canonical(x === undefined ? null : x)).join(',')}]`;
  if (typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`non-finite number ${v}`);
  return JSON.stringify(v);
}

/** RFC 6962 §2.1, recursively as the RFC writes it. */
function mth(leaves) {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const ISO = (col) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ENTRY_COLUMNS = `seq::text as seq, ${ISO('at')} as at, entity, entity_id, action, from_status, to_status, actor_user_id, actor_name, actor_role,
  actor_department_id, data::text as data, prev_hash, hash, ${ISO('recorded_at')} as recorded_at, batch_id::text as batch_id, leaf_index`;

function content(r) {
  return {
    at: r.at,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    actorDepartmentId: r.actor_department_id,
    data: r.data === null ? null : JSON.parse(r.data),
  };
}

const fail = (reason, at) => ({ ok: false, reason, seq: at.seq ?? null, batch: at.batch ?? null });

/**
 * `query(text)` answers rows of plain objects. Only integers read back from the
 * database are ever put into query text.
 */
export async function verifyAudit(query, { anchor } = {}) {
  // Legacy chain (entries from before sealing).
  let prev = GENESIS;
  let expectSeq = 1;
  let rows = 0;
  for (const r of await query(`select ${ENTRY_COLUMNS} from audit_log where prev_hash is not null order by seq`)) {
    const seq = Number(r.seq);
    if (seq !== expectSeq) return fail('seq_gap', { seq });
    if (r.prev_hash !== prev) return fail('prev_hash_mismatch', { seq });
    const hash = createHash('sha256').update(prev).update(canonical({ ...content(r), seq })).digest('hex');
    if (hash !== r.hash) return fail('hash_mismatch', { seq });
    prev = r.hash;
    expectSeq = seq + 1;
    rows++;
  }

  // Batches and their trees.
  const batches = await query(`select id::text as id, size, root, prev_hash, hash, ${ISO('sealed_at')} as sealed_at from audit_batches order by id`);
  let sealed = 0;
  let anchorSeen = false;
  for (const [i, b] of batches.entries()) {
    const id = Number(b.id);
    if (id !== i + 1) return fail('batch_gap', { batch: i + 1 });
    if (b.prev_hash !== prev) return fail('prev_hash_mismatch', { batch: id });
    const hash = createHash('sha256').update(b.prev_hash).update(canonical({ id, size: b.size, root: b.root, sealedAt: b.sealed_at })).digest('hex');
    if (hash !== b.hash) return fail('batch_hash_mismatch', { batch: id });
    const entries = await query(`select ${ENTRY_COLUMNS} from audit_log where batch_id = ${id} order by leaf_index`);
    const leaves = [];
    for (const [j, r] of entries.entries()) {
      const seq = Number(r.seq);
      if (r.leaf_index !== j || j >= b.size) return fail('leaf_mismatch', { seq, batch: id });
      if (createHash('sha256').update(canonical(content(r))).digest('hex') !== r.hash) return fail('hash_mismatch', { seq, batch: id });
      leaves.push(sha256(Buffer.from([0]), Buffer.from(canonical({ seq, hash: r.hash, recordedAt: r.recorded_at }), 'utf8')));
    }
    if (entries.length !== b.size) return fail('leaf_mismatch', { batch: id });
    if (mth(leaves).toString('hex') !== b.root) return fail('root_mismatch', { batch: id });
    if (anchor && anchor.batch === id) {
      if (anchor.hash !== b.hash) return fail('anchor_mismatch', { batch: id });
      anchorSeen = true;
    }
    prev = b.hash;
    sealed += entries.length;
  }
  if (anchor && !anchorSeen) return fail('anchor_mismatch', { batch: anchor.batch });

  // Unsealed entries: their own hashes; and nothing may point at a batch that is not there.
  let unsealed = 0;
  for (const r of await query(`select ${ENTRY_COLUMNS} from audit_log where batch_id is null and prev_hash is null order by seq`)) {
    if (r.leaf_index !== null || createHash('sha256').update(canonical(content(r))).digest('hex') !== r.hash) return fail('hash_mismatch', { seq: Number(r.seq) });
    unsealed++;
  }
  const [orphans] = await query(`select count(*)::int as n from audit_log where batch_id > ${batches.length}`);
  if (Number(orphans.n) > 0) return fail('batch_gap', { batch: batches.length + 1 });
  const last = batches.at(-1);
  return { ok: true, rows: rows + sealed + unsealed, sealed, unsealed, batches: batches.length, head: last ? { batch: Number(last.id), hash: last.hash } : null };
}

async function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const anchorText = arg('--anchor');
  let anchor;
  if (anchorText !== undefined) {
    const m = /^(\d+):([0-9a-f]{64})$/.exec(anchorText);
    if (!m) throw new Error('--anchor is BATCH:HASH (as auditHead prints it)');
    anchor = { batch: Number(m[1]), hash: m[2] };
  }
  // The drivers are the database package's dependencies; resolve them from there.
  const require = createRequire(new URL('../packages/db/package.json', import.meta.url));
  const pgliteDir = arg('--pglite');
  let query;
  let close;
  if (pgliteDir !== undefined) {
    const { PGlite } = await import(pathToFileURL(require.resolve('@electric-sql/pglite')).href);
    const pg = await PGlite.create({ dataDir: pgliteDir });
    query = async (text) => (await pg.query(text)).rows;
    close = () => pg.close();
  } else {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('set DATABASE_URL, or pass --pglite DIR');
    const postgres = (await import(pathToFileURL(require.resolve('postgres')).href)).default;
    const schema = arg('--schema');
    const sql = postgres(url, { max: 1, onnotice: () => {}, ...(schema ? { connection: { search_path: schema } } : {}) });
    query = async (text) => [...(await sql.unsafe(text))];
    close = () => sql.end();
  }
  try {
    const verdict = await verifyAudit(query, { anchor });
    console.log(JSON.stringify(verdict));
    return verdict.ok ? 0 : 1;
  } finally {
    await close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
