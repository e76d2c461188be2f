/**
 * Polls in the room. The poll on screen is part of the room's public state (every phone shows it,
 * in `seq` order with the slides), so this feature changes that state rather than sending a
 * report. A ballot is stored under its own key before it is acknowledged; the counts everyone sees
 * follow, coalesced, so a thousand votes make a few broadcasts.
 */
import { defineFeature, type FeatureHost } from "../../room/feature.ts";
import { errorMessage } from "../../room/errors.ts";
import { POLLS_MESSAGES, type PollDefinition } from "./protocol.ts";
import { checkVote, POLLS_MAX, tallyPoll, type PollsReport, type PollView } from "./rules.ts";

/** `poll:<id>` → its definition and whether it is open; `vote:<id>:<pid>` → the option, one key per ballot. */
const POLL_PREFIX = "poll:";
const VOTE_PREFIX = "vote:";
/** Counts wait this long, so a burst of ballots makes one delta. */
export const RECOUNT_MS = 100;

interface StoredPoll {
  definition: PollDefinition;
  open: boolean;
}

export const polls = defineFeature("polls", POLLS_MESSAGES, (host: FeatureHost) => {
  const stored = new Map<string, StoredPoll>();
  const ballots = new Map<string, Map<string, number>>();
  // When each poll last opened, and who voted in it with an id issued after that (in memory: it
  // tells the presenter about now, not the talk's record).
  const openedAt = new Map<string, number>();
  const fresh = new Map<string, Set<string>>();
  let recount: ReturnType<typeof setTimeout> | null = null;

  const ballotsOf = (poll: string) => {
    let each = ballots.get(poll);
    if (!each) ballots.set(poll, (each = new Map()));
    return each;
  };

  const view = (id: string): PollView | null => {
    const poll = stored.get(id);
    return poll ? tallyPoll(poll.definition, poll.open, ballotsOf(id)) : null;
  };

  /** The poll on screen with its counts now. */
  const showCurrent = async () => {
    const current = host.state().poll;
    if (current) await host.change({ ...host.state(), poll: view(current.id) });
  };

  return {
    async load() {
      for (const [key, value] of await host.storage.list<StoredPoll>(POLL_PREFIX)) stored.set(key.slice(POLL_PREFIX.length), value);
      for (const [key, option] of await host.storage.list<number>(VOTE_PREFIX)) {
        const [poll = "", pid = ""] = key.slice(VOTE_PREFIX.length).split(":");
        ballotsOf(poll).set(pid, option);
      }
      // A ballot is stored before its recount goes out: the stored counts may be behind.
      await showCurrent();
    },

    async message(message, { link, member }) {
      if (message.type === "poll") {
        // show: on screen (created the first time, as the slide declares it); open/close: votes or not.
        const id = message.poll.id;
        let poll = stored.get(id);
        if (!poll) {
          if (stored.size >= POLLS_MAX) return host.send(link, errorMessage("bad_request", { ref: "poll", detail: "polls_max" }));
          poll = { definition: message.poll, open: false };
        }
        if (message.action !== "show") poll = { ...poll, open: message.action === "open" };
        if (message.action === "open") openedAt.set(id, host.now());
        stored.set(id, poll);
        await host.storage.put({ [POLL_PREFIX + id]: poll });
        return await host.change({ ...host.state(), poll: view(id) });
      }
      if (member.role !== "audience") return; // the table lets only phones vote
      const poll = stored.get(message.poll);
      const refusal = checkVote(poll && { open: poll.open, options: poll.definition.options }, message.option);
      if (refusal === "bad_option") return host.send(link, errorMessage("bad_message", { ref: "vote", detail: "option" }));
      if (refusal) return host.send(link, errorMessage(refusal, { ref: "vote" }));
      const mine = ballotsOf(message.poll);
      if (mine.get(member.pid) !== message.option) {
        mine.set(member.pid, message.option);
        const issued = host.issuedAt(member.pid);
        if (issued !== undefined && issued >= (openedAt.get(message.poll) ?? Number.POSITIVE_INFINITY)) fresh.set(message.poll, (fresh.get(message.poll) ?? new Set()).add(member.pid));
        if (fresh.has(message.poll)) host.changed();
        await host.storage.put({ [`${VOTE_PREFIX}${message.poll}:${member.pid}`]: message.option });
        recount ??= setTimeout(() => {
          recount = null;
          showCurrent().catch((error: unknown) => console.error("polls: recount", error));
        }, RECOUNT_MS);
      }
      host.send(link, { type: "voted", poll: message.poll, option: message.option });
    },

    votesOf(pid) {
      const votes: Record<string, number> = {};
      for (const [poll, each] of ballots) {
        const option = each.get(pid);
        if (option !== undefined) votes[poll] = option;
      }
      return votes;
    },

    export: () => Array.from(stored.keys(), view).filter((poll) => poll !== null),

    report: (): PollsReport => ({
      polls: Object.fromEntries(Array.from(fresh, ([poll, pids]) => [poll, { ballots: ballotsOf(poll).size, fresh: pids.size }])),
    }),
    // Whose ballots are whose is the presenter's business: the projector gets no report.
    private: true,
  };
});
