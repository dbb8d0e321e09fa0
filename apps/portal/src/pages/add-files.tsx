import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { AddFilesCard as SharedAddFilesCard } from '@firebreak/ui/public-forms';
import { PhotoField, usePhotos } from '../report/photos';
import { useText } from '../lib/use-text';

const KEYS = { title: 'portal.files.title', hint: 'portal.files.hint', wait: 'portal.files.wait', added: 'portal.files.added', submit: 'portal.files.submit' } as const;
const CLASSES = { hint: 'pt-hint', error: 'pt-error', added: 'pt-hint' };

/** Photos added to a filed report by its receipt; the handler is told of them. */
export function AddFilesCard({ receipt, status }: { receipt: string; status: string }) {
  const { errorText } = useText();
  const trpc = useTRPC();
  const photos = usePhotos([]);
  const add = useMutation(trpc.public.reports.addFiles.mutationOptions());
  return (
    <SharedAddFilesCard
      receipt={receipt}
      status={status}
      photos={photos}
      field={<PhotoField photos={photos} describedBy="files-hint" />}
      mutation={add}
      errorText={errorText}
      onAdded={photos.reset}
      keys={KEYS}
      classes={CLASSES}
    />
  );
}
