import { z } from 'zod';
import type { MessageKey } from '@firebreak/ui';

/** Same phone pattern as the server's contact schema. */
export const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
export const DESCRIPTION_MAX = 2000;
const key = (k: MessageKey) => k;

const venue = z.object({ id: z.string(), name: z.string(), address: z.string() });

export const reportFormSchema = z
  .object({
    employerMode: z.enum(['venue', 'manual']),
    venue: venue.nullable(),
    employerName: z.string(),
    employerAddress: z.string(),
    riskCategory: z.string(),
    where: z.string(),
    seenOn: z.string(),
    ongoing: z.enum(['yes', 'unknown', 'gone']),
    description: z.string(),
    identity: z.enum(['anonymous', 'sealed']),
    name: z.string(),
    phone: z.string(),
    idNumber: z.string(),
    position: z.string(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: MessageKey) => ctx.addIssue({ code: 'custom', path: [path], message: key(message) });
    if (v.employerMode === 'venue' && !v.venue) issue('venue', 'wb.field.employer.required');
    if (v.employerMode === 'manual') {
      if (!v.employerName.trim()) issue('employerName', 'wb.field.employerName.required');
      if (v.employerAddress.trim().length < 4) issue('employerAddress', 'wb.field.employerAddress.required');
    }
    if (!v.riskCategory) issue('riskCategory', 'wb.field.riskCategory.required');
    if (v.description.trim().length < 10) issue('description', 'wb.field.description.required');
    if (v.description.length > DESCRIPTION_MAX) issue('description', 'wb.field.description.tooLong');
    if (v.identity === 'sealed') {
      if (!v.name.trim()) issue('name', 'wb.field.name.required');
      if (!PHONE.test(v.phone.trim())) issue('phone', 'wb.field.phone.invalid');
      if (v.idNumber.trim() && !/^[0-9]{17}[0-9Xx]$/.test(v.idNumber.trim())) issue('idNumber', 'wb.field.idNumber.invalid');
    }
  });

export type ReportForm = z.infer<typeof reportFormSchema>;

export const EMPTY: ReportForm = {
  employerMode: 'venue',
  venue: null,
  employerName: '',
  employerAddress: '',
  riskCategory: '',
  where: '',
  seenOn: '',
  ongoing: 'yes',
  description: '',
  identity: 'anonymous',
  name: '',
  phone: '',
  idNumber: '',
  position: '',
};

/** Where focus goes for each field's error (the element with that id), in page order. */
export const FIELD_TARGET = {
  venue: 'venue-search',
  employerName: 'employer-name',
  employerAddress: 'employer-address',
  riskCategory: 'cat-first',
  description: 'description',
  name: 'id-name',
  phone: 'id-phone',
  idNumber: 'id-number',
} as const;
export const FIELD_ORDER = Object.keys(FIELD_TARGET) as (keyof typeof FIELD_TARGET)[];
