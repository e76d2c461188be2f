/** How each notification kind reads on a phone's toast and on the presenter's buttons (pt-BR). */
import type { NotificationKind } from "../../room/protocol.ts";

export const NOTIFICATION_TEXT: Readonly<Record<NotificationKind, { icon: string; title: string; button: string }>> = {
  email: { icon: "✉️", title: "Novo e-mail", button: "Novo e-mail" },
  message: { icon: "💬", title: "Nova mensagem", button: "Nova mensagem" },
  like: { icon: "👍", title: "Nova curtida", button: "Curtida" },
};
