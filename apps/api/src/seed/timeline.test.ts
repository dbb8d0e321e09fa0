import { describe, expect, it } from 'vitest';
import { Timeline, type SimulatedClock } from './timeline';

describe('Timeline', () => {
  it('plays steps in time order, same-instant steps in the order added, setting the clock to each', async () => {
    const clock: SimulatedClock = { at: new Date('2026-01-01T00:00:00Z') };
    const t = new Timeline(clock);
    const seen: string[] = [];
    const step = (iso: string, name: string) => t.add(new Date(iso), async () => void seen.push(`${name}@${clock.at.toISOString().slice(11, 16)}`));
    step('2026-01-03T10:00:00Z', 'c');
    step('2026-01-02T09:00:00Z', 'a');
    step('2026-01-02T09:00:00Z', 'b');
    expect(t.size).toBe(3);
    await t.play();
    expect(seen).toEqual(['a@09:00', 'b@09:00', 'c@10:00']);
  });

  it('never moves the clock back: a step dated before the clock runs at the clock', async () => {
    const clock: SimulatedClock = { at: new Date('2026-01-05T00:00:00Z') };
    const t = new Timeline(clock);
    let ranAt: Date | null = null;
    t.add(new Date('2026-01-01T00:00:00Z'), async () => void (ranAt = clock.at));
    await t.play();
    expect(ranAt).toEqual(new Date('2026-01-05T00:00:00Z'));
  });

  it('stops at the first failing step', async () => {
    const t = new Timeline({ at: new Date(0) });
    let after = false;
    t.add(new Date(1), async () => {
      throw new Error('refused');
    });
    t.add(new Date(2), async () => void (after = true));
    await expect(t.play()).rejects.toThrow('refused');
    expect(after).toBe(false);
  });
});
