import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { AddFilesCard as SharedAddFilesCard } from '@firebreak/ui/public-forms';
import { PhotoField, usePhotos } from '../report/photos';
import { useText } from '../lib/use-text';

const KEYS = { title: 'wb.files.title', hint: 'wb.files.hint', wait: 'wb.files.wait', added: 'wb.files.added', submit: 'wb.files.submit' } as const;
const CLASSES = { hint: 'wb-hint', error: 'wb-error', added: 'wb-ok' };

/**
 * Photos added to a filed report by its receipt: re-encoded in the browser like at filing,
 * uploaded with progress, then tied to the report in one step the handler is told of.
 */
export function AddFilesCard({ receipt, status, onAdded }: { receipt: string; status: string; onAdded: () => void }) {
  const { errorText } = useText();
  const trpc = useTRPC();
  const photos = usePhotos();
  const add = useMutation(trpc.whistleblower.addFiles.mutationOptions());
  const clear = () => {
    for (const p of photos.items) photos.remove(p.key);
    onAdded();
  };
  return (
    <SharedAddFilesCard
      receipt={receipt}
      status={status}
      photos={photos}
      field={<PhotoField photos={photos} describedBy="files-hint" />}
      mutation={add}
      errorText={errorText}
      onAdded={clear}
      keys={KEYS}
      classes={CLASSES}
    />
  );
}
