import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { useDebounced, VenueSearch, type VenueSearchClasses } from '@firebreak/ui/public-forms';
import { useText } from '../lib/use-text';

export interface ChosenVenue {
  readonly id: string;
  readonly name: string;
  readonly address: string;
}

const KEYS = { chosen: 'wb.report.employer.chosen', change: 'wb.report.employer.change', search: 'wb.report.employer.searchLabel', searchHint: 'wb.report.employer.searchHint' } as const;
const CLASSES: VenueSearchClasses = {
  chosen: 'wb-chosen',
  chosenEyebrow: 'wb-hint',
  chosenName: 'wb-chosen__name',
  chosenAddress: 'wb-hint',
  change: 'wb-linkbutton',
  field: 'wb-field',
  label: 'wb-label',
  req: 'wb-req',
  hint: 'wb-hint',
  input: 'wb-input',
  error: 'wb-error',
  list: 'wb-venues',
  item: 'wb-venues__item',
};

/** Venue search (public.venues.search, a query: venue names are public, nothing about the reporter goes in). */
export function EmployerPicker({ value, onChange, error }: { value: ChosenVenue | null; onChange: (v: ChosenVenue | null) => void; error: string | undefined }) {
  const { t } = useText();
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const results = useQuery(trpc.public.venues.search.queryOptions({ query, limit: 8 }, { enabled: query.length >= 1 && value === null, placeholderData: keepPreviousData }));

  const items = results.data ?? [];
  return (
    <VenueSearch
      value={value}
      onClear={() => onChange(null)}
      text={text}
      onText={setText}
      error={error}
      statusId="venue-status"
      status={query.length >= 1 && results.isSuccess ? (items.length > 0 ? t('wb.report.employer.results', { count: items.length }) : t('wb.report.employer.none')) : ''}
      items={query.length >= 1 ? items : []}
      onChoose={(v) => onChange({ id: v.id, name: v.name, address: v.address })}
      renderItem={(v) => (
        <>
          <span className="wb-venues__name">{v.name}</span>
          <span className="wb-hint">{v.address}</span>
        </>
      )}
      keys={KEYS}
      classes={CLASSES}
    />
  );
}
