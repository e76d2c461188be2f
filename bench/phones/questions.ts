/**
 * Questions storm, a phone's side: the askers (the first phones of the audience) ask their
 * questions and learn their ids from their acknowledgements; then every phone upvotes one it
 * neither asked nor upvoted yet, every `everyMs`. During the storm phones' frames are only
 * counted, as before the threads.
 */
import { OPEN_PER_PARTICIPANT_MAX, OPEN_PER_ROOM_MAX, QUESTION_TEXT_MAX } from "../../src/features/questions/rules.ts";
import { paced, send, type Member } from "../crowd.ts";
import type { Behaviour } from "./protocol.ts";

const ASKED = /"asked":"(q\d+)"/;

/** A question as long as the room takes, numbered so each one is distinct. */
function questionText(n: number): string {
  const start = `Pergunta ${n}: como o servidor sabe que o celular ainda está na sala quando a rede cai sem avisar? `;
  return (start + "E se ".repeat(QUESTION_TEXT_MAX)).slice(0, QUESTION_TEXT_MAX).trimEnd();
}

export interface UpvotesSent {
  sent: number;
  votes: Record<string, number>;
}

export function questionsPhones(phones: readonly Member[]): Behaviour {
  /** Question id → the asking phone's index. */
  const authorOf = new Map<string, number>();
  let asking = true;
  const votes: Record<string, number> = {};
  let sent = 0;
  let stop = () => {};
  return {
    onFrame(member, text) {
      if (!asking || !text.startsWith('{"type":"report","feature":"questions"')) return;
      const id = ASKED.exec(text)?.[1];
      if (id) authorOf.set(id, member.index);
    },
    calls: {
      /** Three questions from each of the first phones, up to the room's limit; how many this slice asked. */
      ask: () => {
        let asked = 0;
        for (const member of phones) {
          for (let k = 0; k < OPEN_PER_PARTICIPANT_MAX; k++) {
            const n = member.index * OPEN_PER_PARTICIPANT_MAX + k + 1;
            if (n > OPEN_PER_ROOM_MAX) break;
            send(member, { type: "ask", text: questionText(n) });
            asked++;
          }
        }
        return asked;
      },
      acknowledged: () => authorOf.size,
      authors: (): [string, number][] => {
        asking = false;
        return [...authorOf];
      },
      start: ({ authors, everyMs }: { authors: [string, number][]; everyMs: number }) => {
        const ids = authors.map(([id]) => id);
        const author = new Map(authors);
        const upvoted = new Map<Member, Set<string>>();
        stop = paced(phones, everyMs, (member) => {
          const mine = upvoted.get(member) ?? new Set<string>();
          upvoted.set(member, mine);
          // A random question this phone neither asked nor upvoted yet (a few tries: most are free).
          for (let tries = 0; tries < 10; tries++) {
            const id = ids[Math.floor(Math.random() * ids.length)]!;
            if (mine.has(id) || author.get(id) === member.index) continue;
            mine.add(id);
            votes[id] = (votes[id] ?? 0) + 1;
            sent++;
            return send(member, { type: "upvote", id });
          }
        });
      },
      stop: (): UpvotesSent => {
        stop();
        return { sent, votes };
      },
    },
    end: () => stop(),
  };
}
