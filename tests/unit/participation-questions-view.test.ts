/**
 * What a phone sees of the questions, and that the patches fold to exactly the room's lists: the
 * real questions feature in the real report pacing (src/party/features.ts), with a fake room and
 * mocked timers, driven through many rounds of asks, upvotes, moderation, late joiners and a
 * reset. After every round each device's folded report must equal what the room would send whole.
 */
import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { questions } from "../../src/features/questions/server.ts";
import { audienceView, entries, phoneList, questionList, VIEW_ANSWERED, VIEW_OPEN, type QuestionsReport, type QuestionView } from "../../src/features/questions/rules.ts";
import { Features } from "../../src/party/features.ts";
import type { Peer } from "../../src/room/feature.ts";
import type { ClientMessage } from "../../src/room/protocol.ts";
import { initialState } from "../../src/room/state.ts";
import { foldReport, parseServerMessage, type WholeReport } from "../../src/room/wire.ts";

const view = (id: string, votes: number, status: QuestionView["status"], at = 0): QuestionView => ({ id, text: `texto ${id}`, votes, status, at });

test("a phone's view: the most voted open questions, then the most voted answered ones, never hidden", () => {
  const open = Array.from({ length: VIEW_OPEN + 15 }, (_, i) => view(`q${i + 1}`, i, "open"));
  const answered = Array.from({ length: VIEW_ANSWERED + 5 }, (_, i) => view(`q${100 + i}`, i, "answered"));
  const hidden = [view("q900", 999, "hidden")];
  const sorted = questionList(entries([...hidden, ...answered, ...open]));
  const shown = audienceView(sorted);
  assert.equal(shown.length, VIEW_OPEN + VIEW_ANSWERED);
  assert.deepEqual(shown.slice(0, VIEW_OPEN).map((q) => q.votes), Array.from({ length: VIEW_OPEN }, (_, i) => VIEW_OPEN + 14 - i));
  assert.ok(shown.slice(VIEW_OPEN).every((q) => q.status === "answered" && q.votes >= 5));
  assert.ok(!shown.some((q) => q.status === "hidden"));
  assert.deepEqual(audienceView(questionList(entries(open.slice(0, 3)))).map((q) => q.id), ["q3", "q2", "q1"]);
});

test("a phone lists the shared view and its own questions wherever they rank, in the room's order", () => {
  const list = phoneList({ questions: entries([view("q1", 5, "open"), view("q2", 3, "answered")]), yours: entries([view("q9", 0, "open"), view("q1", 4, "open")]) });
  assert.deepEqual(list.map(({ id, votes }) => [id, votes]), [["q1", 5], ["q9", 0], ["q2", 3]]);
  assert.deepEqual(phoneList({ questions: {} }), []);
});

/** A seeded random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** The room as the questions feature sees it: connections, their frames, and storage in memory. */
class FakeRoom {
  readonly frames = new Map<string, string[]>();
  readonly peers: Peer[] = [];
  readonly features: Features;

  constructor() {
    const store = new Map<string, unknown>();
    this.features = new Features([questions], {
      now: () => Date.now(),
      presenters: () => this.peers.filter((peer) => peer.member.role === "presenter").map((peer) => peer.link),
      screens: () => this.peers.filter((peer) => peer.member.role === "screen").map((peer) => peer.link),
      audience: () => this.peers.filter((peer) => peer.member.role === "audience"),
      participant: (pid) => this.peers.filter((peer) => peer.member.pid === pid).map((peer) => peer.link),
      send: (link, message) => this.frames.get(link.id)?.push(typeof message === "string" ? message : JSON.stringify(message)),
      toAudience: (text) => this.peers.filter((peer) => peer.member.role === "audience").forEach((peer) => this.frames.get(peer.link.id)?.push(text)),
      storage: {
        get: async <T>(key: string) => store.get(key) as T | undefined,
        put: async (values) => void Object.entries(values).forEach(([key, value]) => store.set(key, value)),
        list: async <T>(prefix: string) => new Map([...store].filter(([key]) => key.startsWith(prefix)) as [string, T][]),
        delete: async (keys) => void keys.forEach((key) => store.delete(key)),
      },
      isPresenterKey: async () => false,
      isParticipant: async () => true,
      issuedAt: () => undefined,
      state: () => initialState("K7QXM"),
      change: async () => {},
    });
  }

  join(id: string, member: Peer["member"]): Peer {
    const peer: Peer = { link: { id }, member };
    this.peers.push(peer);
    this.frames.set(id, []);
    this.features.welcome(peer);
    return peer;
  }

  send(peer: Peer, message: ClientMessage): Promise<void> {
    return this.features.message(message, peer);
  }

  /** The questions report as this connection's browser holds it. */
  folded(peer: Peer): QuestionsReport | null {
    let whole: WholeReport<"questions"> | undefined;
    for (const frame of this.frames.get(peer.link.id) ?? []) {
      const message = parseServerMessage(frame);
      if (message?.type === "report" && message.feature === "questions") whole = foldReport(whole, message) ?? whole;
    }
    return whole?.data ?? null;
  }
}

test("patches fold to exactly the room's lists, for presenters, phones, their own questions and late joiners", async () => {
  mock.timers.enable({ apis: ["setTimeout", "Date"], now: 1_767_225_600_000 });
  try {
    const next = random(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const room = new FakeRoom();
    const presenter = room.join("presenter", { role: "presenter" });
    const phones: Peer[] = [];
    // 25 participants, some with a second tab (connection) that must hear of their questions too.
    const join = () => phones.push(room.join(`c${phones.length}`, { role: "audience", pid: `phone-${String(phones.length % 25).padStart(4, "0")}` }));
    for (let i = 0; i < 30; i++) join();
    const authors = new Map<string, string>(); // question id → pid
    let asked = 0;
    const seen = { mostOpen: 0, ownOutsideView: 0 };

    for (let round = 0; round < 40; round++) {
      for (let op = 0; op < 25; op++) {
        const phone = pick(phones);
        const roll = next();
        const known = [...authors.keys()];
        if (roll < 0.25) {
          await room.send(phone, { type: "ask", text: `Pergunta ${++asked}` });
          // Who asked what, from the acknowledgement (sent once stored, so it is the last frame).
          const id = /"asked":"(q\d+)"/.exec(room.frames.get(phone.link.id)!.at(-1) ?? "")?.[1];
          if (id && phone.member.role === "audience") authors.set(id, phone.member.pid);
        } else if (roll < 0.85 && known.length > 0) await room.send(phone, { type: "upvote", id: pick(known) });
        else if (known.length > 0) await room.send(presenter, { type: "moderate", id: pick(known), action: pick(["answered", "hidden", "open"] as const) });
      }
      if (round % 5 === 2) join(); // a late joiner, mid-window
      if (round === 25) {
        await room.send(presenter, { type: "reset", feature: "questions" });
        authors.clear();
      }
      mock.timers.tick(300);

      const board = room.folded(presenter)!;
      const all = questionList(board.questions);
      const exported = room.features.exports()["questions"];
      assert.ok(Array.isArray(exported));
      const fields = ({ id, text, votes, status }: { id: string; text: string; votes: number; status: string }) => ({ id, text, votes, status });
      assert.deepEqual(all.map(fields), exported.map(fields), `round ${round}: the presenter's list is the export`);
      const shared = entries(audienceView(all));
      seen.mostOpen = Math.max(seen.mostOpen, board.open);
      for (const phone of phones) {
        const folded = room.folded(phone)!;
        assert.deepEqual(folded.questions, shared, `round ${round}, ${phone.link.id}: the shared view`);
        assert.equal(folded.open, board.open);
        const pid = phone.member.pid;
        const own = entries(all.filter((question) => question.status !== "hidden" && authors.get(question.id) === pid));
        assert.deepEqual(folded.yours ?? {}, own, `round ${round}, ${phone.link.id}: its own questions`);
        seen.ownOutsideView += Object.keys(own).filter((id) => !(id in shared)).length;
      }
    }
    // The run went where it had to: more open questions than a view holds, own ones outside it, patches.
    assert.ok(asked > 150 && seen.mostOpen > VIEW_OPEN && seen.ownOutsideView > 0, JSON.stringify({ asked, ...seen }));
    const sent = [...room.frames.values()].flat();
    assert.ok(sent.filter((frame) => frame.includes('"patch":')).length > 10 * sent.filter((frame) => frame.includes('"data":')).length);
  } finally {
    mock.timers.reset();
  }
});
