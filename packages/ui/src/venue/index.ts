// The venue search of the public report forms (portal venue, whistleblower employer).
export { VenueSearch, useDebounced, type PickedVenue, type VenueSearchClasses, type VenueSearchProps } from './venue-picker';
