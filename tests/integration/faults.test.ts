/**
 * A crash in the middle of the talk: `partykit dev` is killed (SIGKILL) while a poll is open and
 * a dozen phones are voting, asking, upvoting and reacting, then started again on the same port
 * and storage. Nothing the room acknowledged is lost, and everyone — real `partysocket` clients,
 * the library the phones and the presenter's page use — comes back on their own and carries on.
 *
 * What the room acknowledges, and so what must survive:
 * - a vote: the `voted` answer, sent once the ballot is stored;
 * - a question or an upvote: a questions patch for the sender alone with `you.asked` /
 *   `you.upvoted`, sent once stored;
 * - reactions: nothing per batch. The only acknowledgement is a `reactions` report: its totals are
 *   what the room has counted (workerd holds a frame until the writes before it are stored).
 *   A batch sent after the last report may die with the server, and the phone won't resend it:
 *   it handed the batch to a socket that looked open. So the exact invariant is
 *   last reported ≤ restored ≤ sent, per reaction; the test prints how many taps were lost.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import PartySocket from "partysocket";
import WebSocket from "ws";
import { REACTIONS, type Reaction } from "../../src/features/reactions/protocol.ts";
import type { ClientMessage } from "../../src/room/protocol.ts";
import type { ErrorMessage } from "../../src/room/errors.ts";
import type { ServerMessage, SnapshotMessage } from "../../src/room/wire.ts";
import { questionList, type QuestionsReport, type QuestionView } from "../../src/features/questions/rules.ts";
import type { ReactionsReport, ReactionTotals } from "../../src/features/reactions/tally.ts";
import { createRoom, participant } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { patchOf, phases, reportOf, reportWhere, sleep, until } from "./support.ts";

const servers: PartyServer[] = [];
after(async () => {
  // The first server created the temp dir: dispose it last.
  for (const server of servers.reverse()) await server.dispose();
});

const PHONES = 12;
const POLL = { id: "ja-usou", question: "Você já usou WebSocket?", options: ["Sim", "Só brincando", "Nunca"] };
const POSITION = { slide: 9, step: 2 };
/** A room member on partysocket: reconnects by itself; `generation` counts the snapshots (one per connect). */
class Member {
  readonly socket: PartySocket;
  readonly snapshots: SnapshotMessage[] = [];
  private readonly listeners = new Set<(message: ServerMessage, generation: number) => void>();

  /** `key`: a presenter's, sent first on every (re)connect, as src/live/room.ts does. */
  constructor(server: PartyServer, code: string, query: Record<string, string>, key?: string) {
    this.socket = new PartySocket({ host: `127.0.0.1:${server.port}`, room: code, query, WebSocket: WebSocket as unknown as typeof globalThis.WebSocket });
    if (key) this.socket.addEventListener("open", () => this.socket.send(JSON.stringify({ type: "auth", key })));
    this.socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.type === "probe") return void this.send({ type: "ping", id: "probe-answer" }); // as our pages answer
      if (message.type === "snapshot") this.snapshots.push(message);
      for (const listener of this.listeners) listener(message, this.snapshots.length);
    });
  }

  /** As src/live/room.ts sends: only into an open socket (partysocket would queue it otherwise). */
  send(message: ClientMessage): boolean {
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  on(listener: (message: ServerMessage, generation: number) => void): void {
    this.listeners.add(listener);
  }

  /** The next message (from now on) that matches. */
  next<T extends ServerMessage>(match: (message: ServerMessage) => boolean, timeoutMs = 5_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no matching message within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (message: ServerMessage) => {
        if (!match(message)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(message as T);
      };
      this.listeners.add(listener);
    });
  }
}

/** What one phone sent and what the room acknowledged, before the crash. At most one of each kind in flight. */
interface Ledger {
  vote: { acked: number | undefined; inFlight: number | undefined };
  /** Acknowledged questions: id → text. */
  asked: Map<string, string>;
  askInFlight: string | undefined;
  upvoted: Set<string>;
  upvoteInFlight: string | undefined;
  errors: ErrorMessage[];
}

const zeroTotals = (): ReactionTotals => Object.fromEntries(REACTIONS.map((reaction) => [reaction, 0])) as ReactionTotals;

test("a crash mid-poll loses no acknowledged vote, question, upvote or reported reaction; everyone comes back and the talk goes on", async (t) => {
  const phase = phases(t);
  const first = await startPartyServer();
  servers.push(first);
  const room = await createRoom(first);
  let presenter!: Member;
  let phones: Member[] = [];
  // The bookkeeping: acknowledgements as they arrive, from the first server only.
  let ledgers: Ledger[] = [];
  const askedBy = new Map<string, number>(); // acknowledged question id → the phone that asked it
  const sent = zeroTotals();
  let reported = zeroTotals();
  let reportedTotal = 0;
  const acked = () => ({
    votes: ledgers.filter((ledger) => ledger.vote.acked !== undefined).length,
    questions: askedBy.size,
    upvotes: ledgers.reduce((sum, ledger) => sum + ledger.upvoted.size, 0),
  });

  await phase("a presenter opens a poll on slide 9; twelve phones join", async () => {
    presenter = new Member(first, room.code, { role: "presenter" }, room.key);
    await until(() => presenter.snapshots.length === 1, { timeoutMs: 10_000, what: "the presenter's snapshot" });
    presenter.send({ type: "goto", ...POSITION });
    presenter.send({ type: "poll", action: "open", poll: POLL });
    await presenter.next((m) => m.type === "delta" && m.changes.poll?.open === true);
    const pids = await Promise.all(Array.from({ length: PHONES }, (_, i) => participant(first, room.code, `phone-fault-${String(i).padStart(2, "0")}`)));
    phones = pids.map((pid) => new Member(first, room.code, { role: "audience", pid }));
    await until(() => phones.every((phone) => phone.snapshots.length === 1), { timeoutMs: 10_000, what: "every phone's snapshot" });
  });

  let inFlightAtKill = 0;
  await phase("every phone votes, asks, upvotes and reacts; the server is killed mid-storm", async () => {
    ledgers = phones.map(() => ({ vote: { acked: undefined, inFlight: undefined }, asked: new Map(), askInFlight: undefined, upvoted: new Set(), upvoteInFlight: undefined, errors: [] }));
    phones.forEach((phone, i) => {
      const ledger = ledgers[i]!;
      phone.on((message, generation) => {
        if (generation !== 1) return;
        if (message.type === "error") ledger.errors.push(message);
        if (message.type === "voted") {
          ledger.vote.acked = message.option;
          if (ledger.vote.inFlight === message.option) ledger.vote.inFlight = undefined;
        }
        // An acknowledgement: a patch for this phone alone, with `you` (and, for a question, its entry in `yours`).
        const ack = patchOf(message, "questions");
        if (typeof ack?.you?.asked === "string") {
          const id = ack.you.asked;
          ledger.asked.set(id, ack.yours?.[id]?.text ?? "(no entry in the acknowledgement)");
          askedBy.set(id, i);
          ledger.askInFlight = undefined;
        }
        if (typeof ack?.you?.upvoted === "string") {
          ledger.upvoted.add(ack.you.upvoted);
          ledger.upvoteInFlight = undefined;
        }
      });
    });
    // Reactions: the latest totals anyone saw (phones every 100 ms, the presenter every 250 ms).
    for (const member of [presenter, ...phones]) {
      member.on((message, generation) => {
        const reactions = reportOf<ReactionsReport>(message, "reactions");
        if (generation === 1 && reactions && reactions.total > reportedTotal) [reported, reportedTotal] = [reactions.totals, reactions.total];
      });
    }

    // The storm: every phone votes (changing its mind), asks, upvotes and reacts, continuously.
    let over = false;
    const vote = (i: number, option: number) => {
      if (phones[i]!.send({ type: "vote", poll: POLL.id, option })) ledgers[i]!.vote.inFlight = option;
    };
    const upvoteTarget = (i: number) => [...askedBy].find(([id, author]) => author !== i && !ledgers[i]!.upvoted.has(id))?.[0];
    const upvote = (i: number) => {
      const id = upvoteTarget(i);
      if (id !== undefined && phones[i]!.send({ type: "upvote", id })) ledgers[i]!.upvoteInFlight = id;
    };
    const react = (i: number, batch: number) => {
      const reaction = REACTIONS[(i + batch) % REACTIONS.length]!;
      const count = 1 + ((i + batch) % 5);
      if (phones[i]!.send({ type: "react", counts: { [reaction]: count } })) sent[reaction] += count;
    };
    const storm = phones.flatMap((_, i) => {
      const ledger = ledgers[i]!;
      return [
        (async () => {
          for (let k = 0; !over; k++) {
            vote(i, (i + k) % POLL.options.length);
            await until(() => over || ledger.vote.inFlight === undefined, { stepMs: 5, timeoutMs: 20_000, what: `phone ${i}'s vote answered` });
            await sleep(120); // a person's pace between two taps
          }
        })(),
        (async () => {
          for (let k = 0; !over; k++) {
            // ask, upvote, upvote, ask, … : three questions each (the open limit), then upvotes only.
            const asks = ledger.asked.size + (ledger.askInFlight === undefined ? 0 : 1);
            if (k % 3 === 0 && asks < 3) {
              const text = `Pergunta ${i}.${asks}: e se o servidor cair?`;
              if (phones[i]!.send({ type: "ask", text })) ledger.askInFlight = text;
            } else upvote(i);
            await until(() => over || (ledger.askInFlight === undefined && ledger.upvoteInFlight === undefined), { stepMs: 5, timeoutMs: 20_000, what: `phone ${i}'s question or upvote answered` });
            await sleep(100); // a person's pace
          }
        })(),
        (async () => {
          for (let batch = 0; !over; batch++) {
            react(i, batch);
            await sleep(300); // a phone's batching interval
          }
        })(),
      ];
    });

    await until(() => acked().votes === PHONES && acked().questions >= 12 && acked().upvotes >= 24 && reportedTotal > 0, { timeoutMs: 20_000, what: "the storm to get going" });
    // One last salvo, then the crash at once: whatever of it the room had not answered is in flight.
    phones.forEach((_, i) => {
      if (ledgers[i]!.vote.inFlight === undefined) vote(i, (ledgers[i]!.vote.acked! + 1) % POLL.options.length);
      if (ledgers[i]!.upvoteInFlight === undefined && ledgers[i]!.askInFlight === undefined) upvote(i);
      react(i, 1);
    });
    const killing = first.kill(); // the signal goes out before this returns
    over = true; // acknowledgements still count until each socket closes
    inFlightAtKill = ledgers.filter((ledger) => ledger.vote.inFlight !== undefined || ledger.upvoteInFlight !== undefined).length;
    await killing;
    await Promise.all(storm);
  });

  let restoredQuestions!: Promise<QuestionsReport>;
  let restoredReactions!: Promise<ReactionsReport>;
  await phase("restarted on the same port and storage, everyone comes back on their own", async () => {
    // The restored reports come right after each new snapshot: listen before anyone is back.
    restoredQuestions = reportWhere<QuestionsReport>(presenter, "questions", () => true, 60_000);
    restoredReactions = reportWhere<ReactionsReport>(presenter, "reactions", () => true, 60_000);
    const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
    servers.push(second);
    // Nobody tells them: partysocket retries (3 s, then ×1.3 up to 10 s) until the room answers.
    await until(() => [presenter, ...phones].every((member) => member.snapshots.length === 2), { timeoutMs: 40_000, what: "everyone to reconnect" });
  });

  let votesInFlight = 0;
  await phase("votes: every acknowledged ballot is there; one in flight may or may not have landed", async () => {
    votesInFlight = ledgers.filter((ledger) => ledger.vote.inFlight !== undefined).length;
    const tally = POLL.options.map(() => 0);
    phones.forEach((phone, i) => {
      const { acked, inFlight } = ledgers[i]!.vote;
      const snapshot = phone.snapshots[1]!;
      assert.deepEqual({ slide: snapshot.state.slide, step: snapshot.state.step }, POSITION, "back on the same slide and step");
      const ballot = snapshot.you.votes?.[POLL.id];
      if (inFlight === undefined) assert.equal(ballot, acked, `phone ${i}: its acknowledged vote`);
      else assert.ok(ballot === acked || ballot === inFlight, `phone ${i}: ${ballot} is neither its acknowledged vote ${acked} nor the one in flight ${inFlight}`);
      tally[ballot!]! += 1;
      assert.deepEqual(ledgers[i]!.errors, [], `phone ${i} was refused nothing`);
    });
    const poll = presenter.snapshots[1]!.state.poll;
    assert.deepEqual({ open: poll?.open, counts: poll?.counts }, { open: true, counts: tally }, "the poll counts every ballot the phones hold");
  });

  await phase("questions and upvotes: every acknowledged one is there, with its text and its votes", async () => {
    const questions = questionList((await restoredQuestions).questions);
    const byId = new Map<string, QuestionView>(questions.map((question) => [question.id, question]));
    const asksInFlight = ledgers.filter((ledger) => ledger.askInFlight !== undefined);
    for (const ledger of ledgers) for (const [id, text] of ledger.asked) assert.equal(byId.get(id)?.text, text, `question ${id} survived`);
    for (const question of questions) {
      assert.ok(askedBy.has(question.id) || asksInFlight.some((ledger) => ledger.askInFlight === question.text), `${question.id} was asked`);
      const upvotes = ledgers.filter((ledger) => ledger.upvoted.has(question.id)).length;
      const maybe = ledgers.filter((ledger) => ledger.upvoteInFlight === question.id).length;
      assert.ok(question.votes >= upvotes && question.votes <= upvotes + maybe, `${question.id}: ${question.votes} votes, ${upvotes} acknowledged, ${maybe} in flight`);
    }
    assert.ok(questions.length >= askedBy.size && questions.length <= askedBy.size + asksInFlight.length);
    // Exactly whose: each acknowledged upvote, sent again, is refused as already counted.
    await Promise.all(
      phones.map(async (phone, i) => {
        for (const id of ledgers[i]!.upvoted) {
          const answer = phone.next<ErrorMessage>((m) => m.type === "error" || patchOf(m, "questions")?.you !== undefined);
          phone.send({ type: "upvote", id });
          assert.equal((await answer).code, "already_upvoted", `phone ${i}'s upvote of ${id}`);
        }
      }),
    );
  });

  await phase("reactions: at least what the room had reported, at most what the phones sent", async () => {
    const restored = (await restoredReactions).totals;
    for (const reaction of REACTIONS) {
      assert.ok(restored[reaction] >= reported[reaction] && restored[reaction] <= sent[reaction], `${reaction}: reported ${reported[reaction]}, restored ${restored[reaction]}, sent ${sent[reaction]}`);
    }
    const sum = (totals: Record<Reaction, number>) => REACTIONS.reduce((total, reaction) => total + totals[reaction], 0);
    t.diagnostic(
      `acknowledged before the crash: ${acked().votes} voters, ${acked().questions} questions, ${acked().upvotes} upvotes; ` +
        `in flight at the kill: ${inFlightAtKill} phones (${votesInFlight} votes unanswered); ` +
        `reactions sent ${sum(sent)}, last reported ${reportedTotal}, restored ${sum(restored)} (lost: ${sum(sent) - sum(restored)})`,
    );
  });

  await phase("the talk goes on: the presenter drives, every phone follows", async () => {
    const moved = phones.map((phone) => phone.next((m) => m.type === "delta" && m.changes.slide === POSITION.slide + 1));
    presenter.send({ type: "goto", slide: POSITION.slide + 1, step: 0 });
    await Promise.all(moved);
    const closed = phones.map((phone) => phone.next((m) => m.type === "delta" && m.changes.poll?.open === false));
    presenter.send({ type: "poll", action: "close", poll: POLL });
    await Promise.all(closed);
    for (const member of [presenter, ...phones]) member.socket.close();
  });
});
