import type { MessageSender } from '../../messaging/ports'

/**
 * Local and self-hosted mode: nothing leaves the machine. The message log (`message.outbox`) is
 * where the demo shows what would have been pushed.
 */
export const localSender: MessageSender = { send: async () => ({ errcode: 0 }) }
