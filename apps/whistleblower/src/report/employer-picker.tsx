import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { useText } from '../lib/use-text';

export interface ChosenVenue {
  readonly id: string;
  readonly name: string;
  readonly address: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** Venue search (public.venues.search, a query: venue names are public, nothing about the reporter goes in). */
export function EmployerPicker({ value, onChange, error }: { value: ChosenVenue | null; onChange: (v: ChosenVenue | null) => void; error: string | undefined }) {
  const { t } = useText();
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const results = useQuery(trpc.public.venues.search.queryOptions({ query, limit: 8 }, { enabled: query.length >= 1 && value === null, placeholderData: keepPreviousData }));

  if (value) {
    return (
      <div className="wb-chosen" data-testid="chosen-venue" id="chosen-venue" tabIndex={-1}>
        <p className="wb-hint">{t('wb.report.employer.chosen')}</p>
        <p className="wb-chosen__name">{value.name}</p>
        <p className="wb-hint">{value.address}</p>
        <button
          type="button"
          className="wb-linkbutton"
          onClick={() => {
            onChange(null);
            requestAnimationFrame(() => document.getElementById('venue-search')?.focus());
          }}
        >
          {t('wb.report.employer.change')}
        </button>
      </div>
    );
  }
  const items = results.data ?? [];
  return (
    <div className="wb-field">
      <label htmlFor="venue-search" className="wb-label">
        {t('wb.report.employer.searchLabel')} <span className="wb-req" aria-hidden="true">*</span>
      </label>
      <p id="venue-search-hint" className="wb-hint">
        {t('wb.report.employer.searchHint')}
      </p>
      <input
        id="venue-search"
        type="search"
        className="wb-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        enterKeyHint="search"
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={['venue-search-hint', error ? 'venue-error' : '', 'venue-status'].filter(Boolean).join(' ')}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      {error ? (
        <p id="venue-error" className="wb-error">
          {error}
        </p>
      ) : null}
      <p id="venue-status" className="wb-hint" role="status">
        {query.length >= 1 && results.isSuccess ? (items.length > 0 ? t('wb.report.employer.results', { count: items.length }) : t('wb.report.employer.none')) : ''}
      </p>
      {items.length > 0 && query.length >= 1 ? (
        <ul className="wb-venues">
          {items.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="wb-venues__item"
                onClick={() => {
                  onChange({ id: v.id, name: v.name, address: v.address });
                  requestAnimationFrame(() => document.getElementById('chosen-venue')?.focus());
                }}
              >
                <span className="wb-venues__name">{v.name}</span>
                <span className="wb-hint">{v.address}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
