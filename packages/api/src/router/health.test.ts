import { describe, expect, it } from 'vitest';
import { createCaller } from '../root';
import { createContextInner } from '../trpc';

describe('health', () => {
  it('answers ok with the time from the context clock', async () => {
    const now = new Date('2026-03-15T02:30:00.000Z');
    const caller = createCaller(createContextInner({ clock: () => now }));
    await expect(caller.health()).resolves.toEqual({ status: 'ok', time: '2026-03-15T02:30:00.000Z' });
  });

  it('reads the clock on every call rather than once', async () => {
    let tick = 0;
    const caller = createCaller(createContextInner({ clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)) }));
    const first = await caller.health();
    const second = await caller.health();
    expect(first.time).toBe('2026-01-01T00:00:00.000Z');
    expect(second.time).toBe('2026-01-01T00:00:01.000Z');
  });
});
