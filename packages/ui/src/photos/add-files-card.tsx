import { useState, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import type { PhotoUploads } from './use-photo-uploads';

/** Statuses after which the kernel takes no more files (checkReporterFiles); the card is not offered then. */
const CLOSED = new Set(['rejected', 'replied']);

/** The site's add-files mutation, by shape (react-query's useMutation result fits). */
export interface AddFilesMutation {
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly error: unknown;
  mutate(input: { receipt: string; attachmentIds: string[] }, options: { onSuccess: (result: { added: number }) => void }): void;
}

export interface AddFilesCardProps {
  readonly receipt: string;
  readonly status: string;
  readonly photos: PhotoUploads;
  /** The site's PhotoField for `photos`, described by "files-hint". */
  readonly field: ReactNode;
  readonly mutation: AddFilesMutation;
  readonly errorText: (error: unknown) => string;
  /** After the files were tied to the report (the site clears its list here). */
  readonly onAdded: () => void;
  readonly keys: { readonly title: MessageKey; readonly hint: MessageKey; readonly wait: MessageKey; readonly added: MessageKey; readonly submit: MessageKey };
  readonly classes: { readonly hint: string; readonly error: string; readonly added: string };
}

/** Photos added to a filed report by its receipt, tied to it in one step the handler is told of. */
export function AddFilesCard({ receipt, status, photos, field, mutation, errorText, onAdded, keys: k, classes: c }: AddFilesCardProps) {
  const { t } = useI18n();
  const [added, setAdded] = useState<number | null>(null);
  const [waitFor, setWaitFor] = useState(false);
  if (CLOSED.has(status)) return null;

  const submit = () => {
    if (photos.busy) return setWaitFor(true);
    setWaitFor(false);
    if (photos.attachmentIds.length === 0 || mutation.isPending) return undefined;
    mutation.mutate(
      { receipt, attachmentIds: photos.attachmentIds },
      {
        onSuccess: (r) => {
          setAdded(r.added);
          onAdded();
        },
      },
    );
    return undefined;
  };

  return (
    <section className="fb-card" aria-labelledby="files-title" data-testid="add-files">
      <h3 id="files-title" className="fb-card__title">
        {t(k.title)}
      </h3>
      <p id="files-hint" className={c.hint}>
        {t(k.hint)}
      </p>
      {field}
      {waitFor ? (
        <p className={c.error} role="alert">
          {t(k.wait)}
        </p>
      ) : null}
      {mutation.isError ? (
        <p className={c.error} role="alert">
          {errorText(mutation.error)}
        </p>
      ) : null}
      <p role="status" className={c.added} data-testid="files-added">
        {added !== null ? t(k.added, { count: added }) : ''}
      </p>
      <button type="button" className="fb-button" disabled={mutation.isPending || photos.items.length === 0} onClick={submit} data-testid="submit-files">
        {t(k.submit)}
      </button>
    </section>
  );
}
