import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { MessagesCard, type MessagesCardClasses, type MessagesCardKeys } from '@firebreak/ui/public-forms';
import { useSession, IDLE_MINUTES } from '../lib/session';
import { ReceiptForm } from '../lib/receipt-form';
import { useText } from '../lib/use-text';
import { AddFilesCard } from './add-files';

type Tracked = RouterOutputs['whistleblower']['track'];

const MESSAGE_KEYS: MessagesCardKeys = {
  title: 'wb.follow.messages',
  privacy: 'wb.follow.messagesPrivacy',
  none: 'wb.follow.noMessages',
  fromYou: 'wb.follow.fromYou',
  fromHandler: 'wb.follow.fromHandler',
  label: 'wb.follow.message',
  required: 'wb.follow.messageRequired',
  sent: 'wb.follow.sent',
  send: 'wb.follow.send',
};
const MESSAGE_CLASSES: MessagesCardClasses = {
  note: 'wb-hint',
  thread: 'wb-thread',
  bubble: 'wb-bubble',
  pre: 'wb-pre',
  compose: 'wb-compose',
  label: 'wb-label',
  hint: 'wb-hint',
  input: 'wb-input',
  error: 'wb-error',
};

/** Journey 4: follow-up by receipt — status, two-way messages; ends itself when idle and on "leave now". */
export default function FollowUpPage() {
  const { t, errorText } = useText();
  const trpc = useTRPC();
  const { leave } = useSession();
  // The receipt lives in this component's state only.
  const [receipt, setReceipt] = useState<string | null>(null);
  const [tracked, setTracked] = useState<Tracked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const track = useMutation(trpc.whistleblower.track.mutationOptions());

  const open = (r: string) => {
    setError(null);
    track.mutate(
      { receipt: r },
      {
        onSuccess: (data) => {
          setReceipt(r);
          setTracked(data);
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  if (!tracked || !receipt) {
    return (
      <section className="fb-card" aria-labelledby="follow-title">
        <h2 id="follow-title" className="wb-pagetitle">
          {t('wb.follow.title')}
        </h2>
        <ReceiptForm submitLabel={t('wb.follow.open')} busy={track.isPending} error={error} onSubmit={open} />
        <p className="wb-hint">{t('wb.idle.note', { minutes: IDLE_MINUTES })}</p>
      </section>
    );
  }
  return (
    <CaseView
      tracked={tracked}
      receipt={receipt}
      refreshing={track.isPending}
      onRefresh={() => open(receipt)}
      onAppend={(m) => setTracked((c) => (c ? { ...c, messages: [...c.messages, m] } : c))}
      onClose={() => leave('button')}
    />
  );
}

function CaseView({
  tracked,
  receipt,
  refreshing,
  onRefresh,
  onAppend,
  onClose,
}: {
  tracked: Tracked;
  receipt: string;
  refreshing: boolean;
  onRefresh: () => void;
  onAppend: (m: Tracked['messages'][number]) => void;
  onClose: () => void;
}) {
  const { t, label, dateTime, errorText } = useText();
  const trpc = useTRPC();
  const r = tracked.report;
  const send = useMutation(trpc.whistleblower.sendMessage.mutationOptions());

  return (
    <>
      <section className="fb-card" aria-labelledby="follow-title">
        <div className="wb-pagehead">
          <h2 id="follow-title" className="wb-pagetitle">
            {t('wb.follow.title')}
          </h2>
          <div className="wb-row">
            <button type="button" className="wb-linkbutton" onClick={onRefresh} disabled={refreshing} data-testid="refresh">
              {t('wb.follow.refresh')}
            </button>
            <button type="button" className="wb-linkbutton" onClick={onClose}>
              {t('wb.follow.close')}
            </button>
          </div>
        </div>
        <p className="wb-status" data-testid="report-status">
          <span className="wb-hint">{t('wb.follow.status')}</span>
          <span className={`wb-pill wb-pill--${r.status}`}>{label(r.statusLabel)}</span>
        </p>
        <p className="wb-hint">{t('wb.follow.statusNote')}</p>
        <h3 className="fb-card__title">{t('wb.follow.timeline')}</h3>
        <ol className="wb-timeline">
          {r.timeline.map((e, i) => (
            <li key={`${e.status}-${i}`}>
              <span>{label(e.label)}</span>
              <time className="wb-hint" dateTime={e.at}>
                {dateTime(e.at)}
              </time>
            </li>
          ))}
        </ol>
        {r.deadlines.length > 0 ? (
          <ul className="wb-plain">
            {r.deadlines
              .filter((d) => !d.metAt)
              .map((d) => (
                <li key={d.kind} className="wb-hint">
                  {t('wb.follow.deadline', { label: label(d.label), date: dateTime(d.due) })}
                </li>
              ))}
          </ul>
        ) : null}
        {r.reply ? (
          <div className="wb-reply">
            <p className="wb-hint">{t('wb.follow.reply')}</p>
            <p className="wb-pre">{r.reply}</p>
          </div>
        ) : null}
        {tracked.materialPurgedAt ? (
          <p className="wb-note" data-testid="material-purged">
            {t('wb.follow.purged', { date: dateTime(tracked.materialPurgedAt) })}
          </p>
        ) : null}
        <details className="wb-details">
          <summary>{t('wb.follow.yourText')}</summary>
          <p className="wb-pre">{r.description}</p>
        </details>
      </section>

      <MessagesCard
        receipt={receipt}
        messages={tracked.messages}
        mutation={send}
        onAppend={onAppend}
        dateTime={dateTime}
        errorText={errorText}
        keys={MESSAGE_KEYS}
        classes={MESSAGE_CLASSES}
      />

      <AddFilesCard receipt={receipt} status={r.status} onAdded={onRefresh} />
    </>
  );
}
