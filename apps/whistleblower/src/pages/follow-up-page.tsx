import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { useSession, IDLE_MINUTES } from '../lib/session';
import { ReceiptForm } from '../lib/receipt-form';
import { useText } from '../lib/use-text';
import { AddFilesCard } from './add-files';

type Tracked = RouterOutputs['whistleblower']['track'];

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
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState(false);
  const send = useMutation(trpc.whistleblower.sendMessage.mutationOptions());
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const onSend = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setBodyError(true);
      bodyRef.current?.focus();
      return;
    }
    setBodyError(false);
    if (send.isPending) return;
    send.mutate({ receipt, body: body.trim() }, { onSuccess: (m) => (onAppend(m), setBody('')) });
  };

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
        <details className="wb-details">
          <summary>{t('wb.follow.yourText')}</summary>
          <p className="wb-pre">{r.description}</p>
        </details>
      </section>

      <section className="fb-card" aria-labelledby="messages-title">
        <h3 id="messages-title" className="fb-card__title">
          {t('wb.follow.messages')}
        </h3>
        <p className="wb-hint">{t('wb.follow.messagesPrivacy')}</p>
        {tracked.messages.length === 0 ? <p className="wb-hint">{t('wb.follow.noMessages')}</p> : null}
        <ol className="wb-thread" data-testid="messages">
          {tracked.messages.map((m, i) => (
            <li key={i} className={`wb-bubble wb-bubble--${m.direction}`}>
              <span className="wb-bubble__who">
                {m.direction === 'public' ? t('wb.follow.fromYou') : t('wb.follow.fromHandler')} · <time dateTime={m.at}>{dateTime(m.at)}</time>
              </span>
              <span className="wb-pre">{m.body}</span>
            </li>
          ))}
        </ol>
        <form onSubmit={onSend} noValidate className="wb-compose">
          <label htmlFor="message" className="wb-label">
            {t('wb.follow.message')}
          </label>
          <textarea
            id="message"
            ref={bodyRef}
            rows={3}
            maxLength={2000}
            className="wb-input"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyError ? 'message-error' : undefined}
          />
          {bodyError ? (
            <p id="message-error" className="wb-error" role="alert">
              {t('wb.follow.messageRequired')}
            </p>
          ) : null}
          {send.isError ? (
            <p className="wb-error" role="alert">
              {errorText(send.error)}
            </p>
          ) : null}
          <p role="status" className="wb-hint">
            {send.isSuccess ? t('wb.follow.sent') : ''}
          </p>
          <button type="submit" className="fb-button" disabled={send.isPending}>
            {t('wb.follow.send')}
          </button>
        </form>
      </section>

      <AddFilesCard receipt={receipt} status={r.status} onAdded={onRefresh} />
    </>
  );
}
