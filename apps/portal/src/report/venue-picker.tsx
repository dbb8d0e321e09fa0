import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { useText } from '../lib/use-text';
import type { DraftVenue } from './draft';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** Venue search by any part of the name or address (public.venues.search), then one tap to choose. */
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

  if (value) {
    return (
      <div className="pt-venue pt-venue--chosen" data-testid="chosen-venue" id="chosen-venue" tabIndex={-1}>
        <p className="pt-venue__eyebrow">{t('portal.report.venueChosen')}</p>
        <p className="pt-venue__name">{value.name}</p>
        <p className="pt-venue__address">{value.address}</p>
        <button
          type="button"
          className="pt-linkbutton"
          onClick={() => {
            onChange(null);
            requestAnimationFrame(() => document.getElementById('venue-search')?.focus());
          }}
        >
          {t('portal.report.venueChange')}
        </button>
      </div>
    );
  }

  const items = results.data ?? [];
  return (
    <div className="pt-field">
      <label htmlFor="venue-search" className="pt-label">
        {t('portal.report.venueSearch')} <span className="pt-req" aria-hidden="true">*</span>
      </label>
      <p id="venue-search-hint" className="pt-hint">
        {t('portal.report.venueSearchHint')}
      </p>
      <input
        id="venue-search"
        type="search"
        className="pt-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        enterKeyHint="search"
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={['venue-search-hint', error ? 'venue-error' : '', 'venue-results-status'].filter(Boolean).join(' ')}
        onKeyDown={(e) => {
          // Enter searches; it must not send the whole form.
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      {error ? (
        <p id="venue-error" className="pt-error">
          {error}
        </p>
      ) : null}
      <p id="venue-results-status" className="pt-hint" role="status">
        {query.length >= 1 && results.isSuccess ? (items.length > 0 ? t('portal.report.venueResults', { count: items.length }) : t('portal.report.venueNone')) : ''}
        {results.isError ? errorText(results.error) : ''}
      </p>
      {items.length > 0 && query.length >= 1 ? (
        <ul className="pt-venues" aria-label={t('portal.report.venueResults', { count: items.length })}>
          {items.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="pt-venues__item"
                onClick={() => {
                  onChange({ id: v.id, publicToken: v.publicToken, name: v.name, address: v.address });
                  // The list goes away with the button that had focus: keep keyboard users in place.
                  requestAnimationFrame(() => document.getElementById('chosen-venue')?.focus());
                }}
              >
                <span className="pt-venues__name">{v.name}</span>
                <span className="pt-venues__address">{v.address}</span>
                <span className="pt-venues__cats">{v.categories.map(categoryName).join('、')}</span>
                <span className="pt-venues__choose" aria-hidden="true">
                  {t('portal.report.venueChoose')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
