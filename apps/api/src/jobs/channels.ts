import { createHmac } from 'node:crypto';
import type { NotificationChannels, OutgoingMessage } from '@firebreak/api';
import nodemailer from 'nodemailer';

export interface ChannelConfig {
  /** smtp://user:pass@host:port or smtps://… (nodemailer's URL form). */
  readonly smtpUrl?: string;
  /** The From header of notification mail. */
  readonly mailFrom?: string;
  /** SMS gateway and 12345/96119 hotline callback: one signed webhook. */
  readonly webhookUrl?: string;
  readonly webhookSecret?: string;
  /** Per-request timeout (ms). */
  readonly timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'x-firebreak-signature';
export const TIMESTAMP_HEADER = 'x-firebreak-timestamp';
export const DELIVERY_HEADER = 'x-firebreak-delivery';

/** hex HMAC-SHA256 over `<timestamp>.<body>`: the receiver recomputes it and rejects old timestamps (replay). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** A signed POST of one JSON body; anything but 2xx is a failure the job retries. */
export function createWebhookSender(url: string, secret: string, timeoutMs = 10_000, now: () => Date = () => new Date()) {
  return async (deliveryId: string, payload: Record<string, unknown>): Promise<void> => {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: `sha256=${webhookSignature(secret, timestamp, body)}`,
        [DELIVERY_HEADER]: deliveryId,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drain the body so the connection is reused, and do not keep what the gateway said.
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
  };
}

/**
 * The channels the configuration names. Email: nodemailer's SMTP transport to the configured
 * server. SMS and the hotline callback: the signed webhook (an SMS gateway or the 12345/96119
 * platform's adapter behind it), told apart by `type`. A channel without configuration is left
 * out, and the outbox job keeps its deliveries pending.
 */
export function createChannels(config: ChannelConfig): NotificationChannels & { close(): void } {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const webhook =
    config.webhookUrl && config.webhookSecret ? createWebhookSender(config.webhookUrl, config.webhookSecret, config.timeoutMs) : null;
  const from = config.mailFrom ?? 'Firebreak <no-reply@firebreak.invalid>';
  return {
    ...(transport
      ? {
          email: async (to: string, m: OutgoingMessage) => {
            await transport.sendMail({ from, to, subject: m.subject, text: m.text, headers: { 'X-Firebreak-Delivery': m.deliveryId } });
          },
        }
      : {}),
    ...(webhook
      ? {
          sms: (to: string, m: OutgoingMessage) => webhook(m.deliveryId, { type: 'sms', deliveryId: m.deliveryId, to, text: m.text }),
          hotline: (c: { reportId: string; template: string; message: OutgoingMessage }) =>
            webhook(c.message.deliveryId, {
              type: 'hotline_callback',
              deliveryId: c.message.deliveryId,
              serviceRequestId: c.reportId,
              event: c.template,
              text: c.message.text,
            }),
        }
      : {}),
    close: () => transport?.close(),
  };
}
