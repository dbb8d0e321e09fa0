import { router } from '../trpc';
import { unitCommitment } from './unit/commitment';
import { unitHazards } from './unit/hazards';
import { unitInspections } from './unit/inspections';
import { unitSelfInspection, unitStandard } from './unit/self-inspection';
import { setResponsiblePersons, unitVenue } from './unit/venue';

/** A social unit's account, acting for its own venue only (ctx.venueId). */
export const unit = router({
  venue: unitVenue,
  setResponsiblePersons,
  standard: unitStandard,
  selfInspection: unitSelfInspection,
  commitment: unitCommitment,
  hazards: unitHazards,
  inspections: unitInspections,
});
