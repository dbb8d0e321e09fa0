import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Services } from '@firebreak/api';
import { insertUpload, type Db } from '@firebreak/db';
import { createEvidenceStore, makeDisplayCopy, type BlobStore, type EvidenceStore } from '../uploads';

/**
 * Remediation evidence for the demo: a small generated picture per submission,
 * stored exactly as an upload is (sealed original, stripped display copy, an
 * attachments row), because the unit router takes attachment ids and attaches
 * them. Files written by a seed that then fails are removed again.
 */
export interface EvidencePhotos {
  create(uploadedByUserId: string, label: string): Promise<string>;
  /** Deletes every file written so far (the seed's transaction rolled back). */
  discard(): Promise<void>;
}

const COLOURS = ['#d9480f', '#2b8a3e', '#1864ab', '#862e9c', '#e67700', '#0b7285'];

function picture(n: number, label: string): Promise<Buffer> {
  const colour = COLOURS[n % COLOURS.length]!;
  // Latin text only: a server without CJK fonts would draw boxes.
  const safe = label.replace(/[^A-Za-z0-9 #:.-]/g, '').slice(0, 40);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="#f1f3f5"/>
    <rect x="40" y="60" width="560" height="300" rx="16" fill="${colour}" opacity="0.85"/>
    <rect x="90" y="110" width="180" height="200" fill="#ffffff" opacity="0.9"/>
    <rect x="320" y="150" width="220" height="24" fill="#ffffff" opacity="0.9"/>
    <rect x="320" y="200" width="160" height="24" fill="#ffffff" opacity="0.9"/>
    <text x="40" y="420" font-family="sans-serif" font-size="28" fill="#212529">FIREBREAK DEMO ${safe}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

export function evidencePhotos(db: Db, services: Services, uploadsDir: string | BlobStore): EvidencePhotos {
  const store: EvidenceStore = createEvidenceStore(uploadsDir, services.sealer);
  const written: string[] = [];
  let n = 0;
  return {
    async create(uploadedByUserId, label) {
      const bytes = await picture(n++, label);
      const copy = await makeDisplayCopy(bytes);
      if (!copy.ok) throw new Error(`demo seed: evidence picture not accepted (${copy.error.code})`);
      const id = services.newId();
      const originalKey = await store.saveOriginal(id, bytes);
      written.push(originalKey);
      const displayKey = await store.saveDisplay(copy.value.bytes);
      written.push(displayKey);
      await insertUpload(db, {
        id,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        mime: 'image/jpeg',
        sizeBytes: bytes.length,
        width: copy.value.originalWidth,
        height: copy.value.originalHeight,
        sealedOriginalKey: originalKey,
        displayKey,
        uploadedByUserId,
      });
      return id;
    },
    async discard() {
      for (const key of written.splice(0)) await store.remove(key);
    },
  };
}
