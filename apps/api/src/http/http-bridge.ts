import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpBridge } from '@firebreak/api';
import type { ClientKeyer } from './client-key';

export interface CookiePolicy {
  /** Secure even on plain HTTP: TLS is ended by a gateway in front of us. */
  readonly forceSecure: boolean;
}

/**
 * SameSite=Lax, not Strict: with Strict a staff member who follows a link to
 * /console/... from a notification e-mail or the OA system arrives without the
 * cookie and is sent to the login page although signed in. Lax still keeps the
 * cookie off every cross-site POST, which is all a tRPC mutation can be, so
 * cross-site request forgery of a write gets no session.
 */
export const SESSION_COOKIE_SAME_SITE = 'lax' as const;

export function isSecureRequest(request: FastifyRequest, policy: CookiePolicy): boolean {
  return policy.forceSecure || request.protocol === 'https';
}

/** What the tRPC context may ask of this exchange (cookies, a client key, the user agent). */
export function createHttpBridge(request: FastifyRequest, reply: FastifyReply, keyer: ClientKeyer, policy: CookiePolicy): HttpBridge {
  const secure = isSecureRequest(request, policy);
  const base = { path: '/', httpOnly: true, sameSite: SESSION_COOKIE_SAME_SITE, secure } as const;
  const userAgent = request.headers['user-agent'];
  return {
    getCookie: (name) => request.cookies[name],
    setCookie: (name, value, opts) => void reply.setCookie(name, value, { ...base, maxAge: opts.maxAgeSeconds }),
    clearCookie: (name) => void reply.clearCookie(name, base),
    clientKey: keyer(request.ip),
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
}
