import { router } from '../trpc';
import { apiKeysAdmin } from './admin/api-keys';
import { calendarAdmin } from './admin/calendar';
import { orgAdmin } from './admin/org';
import { outboxAdmin } from './admin/outbox';
import { rewardRulesAdmin } from './admin/reward-rules';
import { standardsAdmin } from './admin/standards';
import { venuesAdmin } from './admin/venues';

/** Configuration (admin.* capabilities); every write is audited in the same transaction. */
export const admin = router({
  standards: standardsAdmin,
  rewardRules: rewardRulesAdmin,
  calendar: calendarAdmin,
  org: orgAdmin,
  apiKeys: apiKeysAdmin,
  outbox: outboxAdmin,
  venues: venuesAdmin,
});
