import { useRef, useState, type FormEvent } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

/** One message of a report's thread, as the track projections carry it. */
export interface ThreadMessage {
  readonly direction: string;
  readonly at: string;
  readonly body: string;
}

/** The site's send-message mutation, by shape (react-query's useMutation result fits). */
export interface SendMessageMutation<M> {
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly isSuccess: boolean;
  readonly error: unknown;
  mutate(input: { receipt: string; body: string }, options: { onSuccess: (message: M) => void }): void;
}

export interface MessagesCardKeys {
  readonly title: MessageKey;
  readonly privacy: MessageKey;
  readonly none: MessageKey;
  readonly fromYou: MessageKey;
  readonly fromHandler: MessageKey;
  readonly label: MessageKey;
  /** A hint under the label (the textarea is described by it). */
  readonly hint?: MessageKey;
  readonly required: MessageKey;
  readonly sent: MessageKey;
  readonly send: MessageKey;
}

export interface MessagesCardClasses {
  /** The privacy note and the "no messages" line. */
  readonly note: string;
  readonly thread: string;
  /** The bubble's base class; `${bubble}--${direction}` is added, and `${bubble}__who` names the sender line. */
  readonly bubble: string;
  readonly pre: string;
  readonly compose: string;
  readonly label: string;
  readonly hint: string;
  readonly input: string;
  readonly error: string;
}

export interface MessagesCardProps<M extends ThreadMessage> {
  readonly receipt: string;
  readonly messages: readonly ThreadMessage[];
  readonly mutation: SendMessageMutation<M>;
  /** A sent message, to append to the thread. */
  readonly onAppend: (message: M) => void;
  readonly dateTime: (iso: string) => string;
  readonly errorText: (error: unknown) => string;
  readonly keys: MessagesCardKeys;
  readonly classes: MessagesCardClasses;
}

/** The two-way thread of a report opened by its receipt: the messages, then the compose form. */
export function MessagesCard<M extends ThreadMessage>({ receipt, messages, mutation, onAppend, dateTime, errorText, keys: k, classes: c }: MessagesCardProps<M>) {
  const { t } = useI18n();
  return (
    <section className="fb-card" aria-labelledby="messages-title">
      <h3 id="messages-title" className="fb-card__title">
        {t(k.title)}
      </h3>
      <p className={c.note}>{t(k.privacy)}</p>
      {messages.length === 0 ? <p className={c.note}>{t(k.none)}</p> : null}
      <MessageThread messages={messages} dateTime={dateTime} keys={k} classes={c} />
      <MessageCompose receipt={receipt} mutation={mutation} onAppend={onAppend} errorText={errorText} keys={k} classes={c} />
    </section>
  );
}

export function MessageThread({
  messages,
  dateTime,
  keys: k,
  classes: c,
}: {
  readonly messages: readonly ThreadMessage[];
  readonly dateTime: (iso: string) => string;
  readonly keys: Pick<MessagesCardKeys, 'fromYou' | 'fromHandler'>;
  readonly classes: Pick<MessagesCardClasses, 'thread' | 'bubble' | 'pre'>;
}) {
  const { t } = useI18n();
  return (
    <ol className={c.thread} data-testid="messages">
      {messages.map((m, i) => (
        <li key={i} className={`${c.bubble} ${c.bubble}--${m.direction}`}>
          <span className={`${c.bubble}__who`}>
            {m.direction === 'public' ? t(k.fromYou) : t(k.fromHandler)} · <time dateTime={m.at}>{dateTime(m.at)}</time>
          </span>
          <span className={c.pre}>{m.body}</span>
        </li>
      ))}
    </ol>
  );
}

export function MessageCompose<M>({
  receipt,
  mutation: send,
  onAppend,
  errorText,
  keys: k,
  classes: c,
}: {
  readonly receipt: string;
  readonly mutation: SendMessageMutation<M>;
  readonly onAppend: (message: M) => void;
  readonly errorText: (error: unknown) => string;
  readonly keys: MessagesCardKeys;
  readonly classes: MessagesCardClasses;
}) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState(false);
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
    send.mutate(
      { receipt, body: body.trim() },
      {
        onSuccess: (m) => {
          onAppend(m);
          setBody('');
        },
      },
    );
  };

  const describedBy = [k.hint ? 'message-hint' : '', bodyError ? 'message-error' : ''].filter(Boolean).join(' ');
  return (
    <form onSubmit={onSend} noValidate className={c.compose}>
      <label htmlFor="message" className={c.label}>
        {t(k.label)}
      </label>
      {k.hint ? (
        <p id="message-hint" className={c.hint}>
          {t(k.hint)}
        </p>
      ) : null}
      <textarea
        id="message"
        ref={bodyRef}
        rows={3}
        maxLength={2000}
        className={c.input}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {bodyError ? (
        <p id="message-error" className={c.error} role="alert">
          {t(k.required)}
        </p>
      ) : null}
      {send.isError ? (
        <p className={c.error} role="alert">
          {errorText(send.error)}
        </p>
      ) : null}
      <p role="status" className={c.hint}>
        {send.isSuccess ? t(k.sent) : ''}
      </p>
      <button type="submit" className="fb-button" disabled={send.isPending}>
        {t(k.send)}
      </button>
    </form>
  );
}
