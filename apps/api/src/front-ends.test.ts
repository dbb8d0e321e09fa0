import { describe, expect, it } from 'vitest';
import { FRONT_ENDS, frontEndFor, isApiPath, looksLikePageRoute } from './front-ends';

describe('front-end routing helpers', () => {
  it.each([
    ['/', 'portal'],
    ['/reports/new', 'portal'],
    ['/whistleblower/', 'whistleblower'],
    ['/whistleblower/claim', 'whistleblower'],
    ['/console/', 'console'],
    ['/console/hazards/1', 'console'],
    ['/consoles', 'portal'],
  ])('%s belongs to %s', (path, name) => {
    expect(frontEndFor(FRONT_ENDS, path)?.name).toBe(name);
  });

  it.each(['/trpc', '/trpc/health', '/open311/v2/requests.json', '/uploads', '/uploads/0b5f7c1e-2d1a-4c3e-9f00-1234567890ab', '/healthz', '/healthz?x=1'])('%s is an API path', (p) => {
    expect(isApiPath(p)).toBe(true);
  });

  it.each(['/', '/trpcx', '/healthzone', '/uploadsx', '/console/trpc'])('%s is not an API path', (p) => {
    expect(isApiPath(p)).toBe(false);
  });

  it('treats paths with a file extension as files, not page routes', () => {
    expect(looksLikePageRoute('/console/hazards/42')).toBe(true);
    expect(looksLikePageRoute('/whistleblower/')).toBe(true);
    expect(looksLikePageRoute('/assets/index-abc.js')).toBe(false);
    expect(looksLikePageRoute('/favicon.ico')).toBe(false);
  });
});
