import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { PhotoField, usePhotos } from '../report/photos';
import { useText } from '../lib/use-text';

/** Statuses after which the kernel takes no more files (checkReporterFiles); the card is not offered then. */
const CLOSED = new Set(['rejected', 'replied']);

/** Photos added to a filed report by its receipt; the handler is told of them. */
export function AddFilesCard({ receipt, status }: { receipt: string; status: string }) {
  const { t, errorText } = useText();
  const trpc = useTRPC();
  const photos = usePhotos([]);
  const add = useMutation(trpc.public.reports.addFiles.mutationOptions());
  const [added, setAdded] = useState<number | null>(null);
  const [waitFor, setWaitFor] = useState(false);
  if (CLOSED.has(status)) return null;

  const ids = photos.persisted.map((p) => p.attachmentId);
  const submit = () => {
    if (photos.busy) return setWaitFor(true);
    setWaitFor(false);
    if (ids.length === 0 || add.isPending) return undefined;
    add.mutate(
      { receipt, attachmentIds: ids },
      {
        onSuccess: (r) => {
          setAdded(r.added);
          photos.reset();
        },
      },
    );
    return undefined;
  };

  return (
    <section className="fb-card" aria-labelledby="files-title" data-testid="add-files">
      <h3 id="files-title" className="fb-card__title">
        {t('portal.files.title')}
      </h3>
      <p id="files-hint" className="pt-hint">
        {t('portal.files.hint')}
      </p>
      <PhotoField photos={photos} describedBy="files-hint" />
      {waitFor ? (
        <p className="pt-error" role="alert">
          {t('portal.files.wait')}
        </p>
      ) : null}
      {add.isError ? (
        <p className="pt-error" role="alert">
          {errorText(add.error)}
        </p>
      ) : null}
      <p role="status" className="pt-hint" data-testid="files-added">
        {added !== null ? t('portal.files.added', { count: added }) : ''}
      </p>
      <button type="button" className="fb-button" disabled={add.isPending || photos.items.length === 0} onClick={submit} data-testid="submit-files">
        {t('portal.files.submit')}
      </button>
    </section>
  );
}
