// The message thread of a report opened by its receipt (portal tracking, whistleblower follow-up).
export { MessagesCard, MessageThread, MessageCompose, type MessagesCardClasses, type MessagesCardKeys, type MessagesCardProps, type SendMessageMutation, type ThreadMessage } from './messages-card';
