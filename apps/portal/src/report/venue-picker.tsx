import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { useDebounced, VenueSearch, type VenueSearchClasses } from '@firebreak/ui/public-forms';
import { useText } from '../lib/use-text';
import type { DraftVenue } from './draft';

const KEYS = { chosen: 'portal.report.venueChosen', change: 'portal.report.venueChange', search: 'portal.report.venueSearch', searchHint: 'portal.report.venueSearchHint' } as const;
const CLASSES: VenueSearchClasses = {
  chosen: 'pt-venue pt-venue--chosen',
  chosenEyebrow: 'pt-venue__eyebrow',
  chosenName: 'pt-venue__name',
  chosenAddress: 'pt-venue__address',
  change: 'pt-linkbutton',
  field: 'pt-field',
  label: 'pt-label',
  req: 'pt-req',
  hint: 'pt-hint',
  input: 'pt-input',
  error: 'pt-error',
  list: 'pt-venues',
  item: 'pt-venues__item',
};

/** Venue search by any part of the name or address (public.venues.search), then one tap to choose; results name the venue's categories. */
export function VenuePicker({ value, onChange, error }: { value: DraftVenue | null; onChange: (v: DraftVenue | null) => void; error: string | undefined }) {
  const { t, label, errorText } = useText();
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const results = useQuery(
    trpc.public.venues.search.queryOptions({ query, limit: 8 }, { enabled: query.length >= 1 && value === null, placeholderData: keepPreviousData }),
  );
  const catalogs = useQuery(trpc.public.catalogs.queryOptions(undefined, { staleTime: Infinity }));
  const categoryName = (code: string) => {
    const c = catalogs.data?.venueCategories.find((x) => x.code === code);
    return c ? label(c) : code;
  };

  const items = results.data ?? [];
  return (
    <VenueSearch
      value={value}
      onClear={() => onChange(null)}
      text={text}
      onText={setText}
      error={error}
      statusId="venue-results-status"
      status={
        <>
          {query.length >= 1 && results.isSuccess ? (items.length > 0 ? t('portal.report.venueResults', { count: items.length }) : t('portal.report.venueNone')) : ''}
          {results.isError ? errorText(results.error) : ''}
        </>
      }
      items={query.length >= 1 ? items : []}
      listLabel={t('portal.report.venueResults', { count: items.length })}
      onChoose={(v) => onChange({ id: v.id, publicToken: v.publicToken, name: v.name, address: v.address })}
      renderItem={(v) => (
        <>
          <span className="pt-venues__name">{v.name}</span>
          <span className="pt-venues__address">{v.address}</span>
          <span className="pt-venues__cats">{v.categories.map(categoryName).join('、')}</span>
          <span className="pt-venues__choose" aria-hidden="true">
            {t('portal.report.venueChoose')}
          </span>
        </>
      )}
      keys={KEYS}
      classes={CLASSES}
    />
  );
}
