import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

/** A value that follows `value` once it has stood still for `ms` (search as you type). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

export interface PickedVenue {
  readonly name: string;
  readonly address: string;
}

export interface VenueSearchClasses {
  readonly chosen: string;
  readonly chosenEyebrow: string;
  readonly chosenName: string;
  readonly chosenAddress: string;
  readonly change: string;
  readonly field: string;
  readonly label: string;
  readonly req: string;
  readonly hint: string;
  readonly input: string;
  readonly error: string;
  readonly list: string;
  readonly item: string;
}

export interface VenueSearchProps<V extends { readonly id: string }> {
  /** The chosen venue, or null while searching. */
  readonly value: PickedVenue | null;
  /** Back to searching. */
  readonly onClear: () => void;
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly error: string | undefined;
  /** The status line under the input (result count, none, or a failure), already worded. */
  readonly status: ReactNode;
  readonly statusId: string;
  /** The results to show ([] for none). */
  readonly items: readonly V[];
  readonly onChoose: (item: V) => void;
  /** What a result button holds. */
  readonly renderItem: (item: V) => ReactNode;
  /** The result list's accessible name, if it has one. */
  readonly listLabel?: string;
  readonly keys: { readonly chosen: MessageKey; readonly change: MessageKey; readonly search: MessageKey; readonly searchHint: MessageKey };
  readonly classes: VenueSearchClasses;
}

/**
 * Venue search by any part of the name or address, then one tap to choose; focus follows the
 * choice and the change back. The site runs the query (public.venues.search) and words the status.
 */
export function VenueSearch<V extends { readonly id: string }>(props: VenueSearchProps<V>) {
  const { value, onClear, text, onText, error, status, statusId, items, onChoose, renderItem, listLabel, keys: k, classes: c } = props;
  const { t } = useI18n();
  // Focus follows a choice: the chosen card takes it as it mounts (the list button that had it is gone).
  const focusChosen = useRef(false);
  const chosenRef = useCallback((el: HTMLDivElement | null) => {
    if (el && focusChosen.current) {
      focusChosen.current = false;
      el.focus();
    }
  }, []);

  if (value) {
    return (
      <div className={c.chosen} data-testid="chosen-venue" id="chosen-venue" tabIndex={-1} ref={chosenRef}>
        <p className={c.chosenEyebrow}>{t(k.chosen)}</p>
        <p className={c.chosenName}>{value.name}</p>
        <p className={c.chosenAddress}>{value.address}</p>
        <button
          type="button"
          className={c.change}
          onClick={() => {
            onClear();
            requestAnimationFrame(() => document.getElementById('venue-search')?.focus());
          }}
        >
          {t(k.change)}
        </button>
      </div>
    );
  }

  return (
    <div className={c.field}>
      <label htmlFor="venue-search" className={c.label}>
        {t(k.search)} <span className={c.req} aria-hidden="true">*</span>
      </label>
      <p id="venue-search-hint" className={c.hint}>
        {t(k.searchHint)}
      </p>
      <input
        id="venue-search"
        type="search"
        className={c.input}
        value={text}
        onChange={(e) => onText(e.target.value)}
        autoComplete="off"
        enterKeyHint="search"
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={['venue-search-hint', error ? 'venue-error' : '', statusId].filter(Boolean).join(' ')}
        onKeyDown={(e) => {
          // Enter searches; it must not send the whole form.
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      {error ? (
        <p id="venue-error" className={c.error}>
          {error}
        </p>
      ) : null}
      <p id={statusId} className={c.hint} role="status">
        {status}
      </p>
      {items.length > 0 ? (
        <ul className={c.list} aria-label={listLabel}>
          {items.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className={c.item}
                onClick={() => {
                  // The list goes away with the button that had focus: keep keyboard users in place.
                  focusChosen.current = true;
                  onChoose(v);
                }}
              >
                {renderItem(v)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
