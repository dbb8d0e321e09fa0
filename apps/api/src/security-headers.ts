import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Content Security Policy for the three Vite builds: scripts only from our own
 * origin (Vite emits external module scripts, no inline ones); inline styles are
 * allowed because Ant Design injects its CSS-in-JS as <style> elements and React
 * writes `style` attributes. No third-party origins at all: fonts are system fonts.
 * `upgrade-insecure-requests` is left out on purpose: the server is often reached
 * over plain HTTP inside government intranets, with TLS ended at a gateway.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'worker-src': ["'self'", 'blob:'],
} as const;

export const helmetOptions: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, [...v]])),
  },
  // Whistleblower pages must not leak where a visitor came from or goes to.
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
};
