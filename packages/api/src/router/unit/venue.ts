import { z } from 'zod';
import { stamp, type Actor } from '@firebreak/domain';
import { applyEffects, listCurrentResponsiblePersons, replaceResponsiblePersons, setVenuePositions, type Db } from '@firebreak/db';
import { unitScope } from '../../services/unit-venue';
import { dutiesFromText } from '../../services/venue-page';
import { unitProcedure } from '../../trpc';

const personInput = z.object({
  name: z.string().trim().min(1).max(50),
  /** Position in the unit (法定代表人, 总经理 ...), published with the name. */
  position: z.string().trim().max(50).optional(),
  duties: z.array(z.string().trim().min(1).max(300)).min(1).max(20),
  /** Never published: sealed at rest. */
  phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{4,19}$/, { message: 'Invalid phone number' }).optional(),
  since: z.iso.date().optional(),
});

export const setResponsiblePersonsInput = z.object({ responsible: personInput, manager: personInput });

async function ownVenue(db: Db, actor: Actor, venueId: string) {
  const { venue } = await unitScope(db, actor, venueId);
  const persons = await listCurrentResponsiblePersons(db, venue.id);
  return {
    id: venue.id,
    name: venue.name,
    address: venue.address,
    categories: venue.categories,
    flags: venue.flags,
    publicToken: venue.publicToken,
    responsiblePersons: persons.map((p) => ({
      role: p.role,
      name: p.name,
      position: p.role === 'responsible' ? venue.responsiblePosition : venue.managerPosition,
      duties: dutiesFromText(p.duties),
      since: p.since,
      phoneOnFile: p.hasPhone,
    })),
  };
}

/** The unit's own venue, as its account sees and maintains it. */
export const unitVenue = unitProcedure.query(({ ctx }) => ownVenue(ctx.db, ctx.actor, ctx.venueId));

/**
 * 两公开: the unit publishes its responsible person and manager with their
 * duties. Earlier persons are kept as history; phones are sealed per venue and role.
 */
export const setResponsiblePersons = unitProcedure.input(setResponsiblePersonsInput).mutation(async ({ ctx, input }) => {
  const { venue, actor } = await unitScope(ctx.db, ctx.actor, ctx.venueId);
  const now = ctx.clock();
  const { sealer, newId } = ctx.services;
  const persons = (['responsible', 'manager'] as const).map((role) => {
    const p = input[role];
    return {
      id: newId(),
      role,
      name: p.name,
      phoneSealed: p.phone === undefined ? null : sealer.seal(p.phone, `responsible_persons.phone:${venue.id}:${role}`),
      duties: p.duties.join('\n'),
      since: p.since ?? null,
    };
  });
  await ctx.db.transaction(async (tx) => {
    await replaceResponsiblePersons(tx, venue.id, persons, now);
    await setVenuePositions(tx, venue.id, { responsiblePosition: input.responsible.position ?? null, managerPosition: input.manager.position ?? null }, now);
    await applyEffects(
      tx,
      [
        {
          type: 'audit',
          entity: 'venue',
          entityId: venue.id,
          action: 'publish_responsible_persons',
          from: null,
          to: 'published',
          by: stamp(actor, now),
          data: { responsible: input.responsible.name, manager: input.manager.name },
        },
      ],
      { now },
    );
  });
  return ownVenue(ctx.db, ctx.actor, ctx.venueId);
});
