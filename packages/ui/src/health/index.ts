export { HealthBadge, type HealthBadgeProps, type HealthState } from './health-badge';
