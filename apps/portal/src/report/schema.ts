import { z } from 'zod';
import type { MessageKey } from '@firebreak/ui';

const venue = z.object({ id: z.string(), publicToken: z.string(), name: z.string(), address: z.string() });

/** Same phone pattern the server's contact schema checks. */
export const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
export const DESCRIPTION_MAX = 2000;

const key = (k: MessageKey) => k;

/** The map's own error (its words live with the map, not in the shared dictionary): see placeErrorLabel. */
export const PIN_REQUIRED = 'place.pin.required';

/**
 * The form's own rules; messages are i18n keys, and each names its field, so
 * the error summary reads as a list of what to fix.
 */
export const reportFormSchema = z
  .object({
    riskCategory: z.string(),
    placeMode: z.enum(['venue', 'address', 'map']),
    venue: venue.nullable(),
    pin: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    address: z.string(),
    description: z.string(),
    identity: z.enum(['anonymous', 'real']),
    contactName: z.string(),
    contactPhone: z.string(),
  })
  .superRefine((v, ctx) => {
    if (!v.riskCategory) ctx.addIssue({ code: 'custom', path: ['riskCategory'], message: key('portal.field.riskCategory.required') });
    if (v.placeMode === 'venue' && !v.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: key('portal.field.venue.required') });
    if (v.placeMode === 'map' && !v.pin) ctx.addIssue({ code: 'custom', path: ['pin'], message: PIN_REQUIRED });
    if (v.placeMode === 'address' && v.address.trim().length < 4) ctx.addIssue({ code: 'custom', path: ['address'], message: key('portal.field.address.required') });
    if (v.description.trim().length < 10) ctx.addIssue({ code: 'custom', path: ['description'], message: key('portal.field.description.required') });
    if (v.description.length > DESCRIPTION_MAX) ctx.addIssue({ code: 'custom', path: ['description'], message: key('portal.field.description.tooLong') });
    if (v.identity === 'real') {
      if (!v.contactName.trim()) ctx.addIssue({ code: 'custom', path: ['contactName'], message: key('portal.field.contactName.required') });
      if (!PHONE.test(v.contactPhone.trim())) ctx.addIssue({ code: 'custom', path: ['contactPhone'], message: key('portal.field.contactPhone.invalid') });
    }
  });

export type ReportForm = z.infer<typeof reportFormSchema>;

/** Where focus goes for each field's error (the element with that id). */
export const FIELD_TARGET: Readonly<Record<string, string>> = {
  riskCategory: 'cat-first',
  venue: 'venue-search',
  pin: 'pin-at-centre',
  address: 'address',
  description: 'description',
  contactName: 'contact-name',
  contactPhone: 'contact-phone',
};

export const FIELD_ORDER = ['riskCategory', 'venue', 'pin', 'address', 'description', 'contactName', 'contactPhone'] as const;
