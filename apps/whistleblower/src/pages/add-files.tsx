import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { PhotoField, usePhotos } from '../report/photos';
import { useText } from '../lib/use-text';

/** Statuses after which the kernel takes no more files (checkReporterFiles); the card is not offered then. */
const CLOSED = new Set(['rejected', 'replied']);

/**
 * Photos added to a filed report by its receipt: re-encoded in the browser like at filing,
 * uploaded with progress, then tied to the report in one step the handler is told of.
 */
export function AddFilesCard({ receipt, status, onAdded }: { receipt: string; status: string; onAdded: () => void }) {
  const { t, errorText } = useText();
  const trpc = useTRPC();
  const photos = usePhotos();
  const add = useMutation(trpc.whistleblower.addFiles.mutationOptions());
  const [added, setAdded] = useState<number | null>(null);
  const [waitFor, setWaitFor] = useState(false);
  if (CLOSED.has(status)) return null;

  const submit = () => {
    if (photos.busy) return setWaitFor(true);
    setWaitFor(false);
    if (photos.attachmentIds.length === 0 || add.isPending) return undefined;
    add.mutate(
      { receipt, attachmentIds: photos.attachmentIds },
      {
        onSuccess: (r) => {
          setAdded(r.added);
          for (const p of photos.items) photos.remove(p.key);
          onAdded();
        },
      },
    );
    return undefined;
  };

  return (
    <section className="fb-card" aria-labelledby="files-title" data-testid="add-files">
      <h3 id="files-title" className="fb-card__title">
        {t('wb.files.title')}
      </h3>
      <p id="files-hint" className="wb-hint">
        {t('wb.files.hint')}
      </p>
      <PhotoField photos={photos} describedBy="files-hint" />
      {waitFor ? (
        <p className="wb-error" role="alert">
          {t('wb.files.wait')}
        </p>
      ) : null}
      {add.isError ? (
        <p className="wb-error" role="alert">
          {errorText(add.error)}
        </p>
      ) : null}
      <p role="status" className="wb-ok" data-testid="files-added">
        {added !== null ? t('wb.files.added', { count: added }) : ''}
      </p>
      <button type="button" className="fb-button" disabled={add.isPending || photos.items.length === 0} onClick={submit} data-testid="submit-files">
        {t('wb.files.submit')}
      </button>
    </section>
  );
}
