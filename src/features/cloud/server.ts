/**
 * The word cloud in the room. The presenter's slide declares a cloud (`cloud` show); phones send
 * up to three short answers each (`cloudAnswer`); the room counts them by their key (rules.ts),
 * and everyone sees the most frequent words, coalesced: phones and the projector at most every
 * CLOUD_REPORT_MS, as patches of what changed, so a thousand answers make a few small broadcasts.
 * The presenter hides a word by its key (`cloudHide`): it leaves every phone's and the projector's
 * report (a private feature: the projector gets the phones' view) and stays in the presenter's.
 *
 * The talk's record: each participant's answers are stored under one key per participant and
 * cloud (written before the phone is told, like a ballot), and replayed in the order they were given when the
 * room starts; the counts follow from them. A reset starts a new round: new answers go under new
 * keys while the old round's are deleted, so a slow delete can't take a fresh answer with it.
 *
 * Answers are final (no taking one back): the counts only grow between resets, and the presenter
 * hides what shouldn't show. A phone gets its own answers, and only those, in `yours`.
 */
import { errorMessage } from "../../room/errors.ts";
import { defineFeature, type Peer } from "../../room/feature.ts";
import type { MergePatch } from "../../room/patch.ts";
import type { ServerMessage } from "../../room/wire.ts";
import { CLOUD_MESSAGES, type CloudDefinition } from "./protocol.ts";
import { CLOUD_REPORT_MS, CLOUDS_MAX, type CloudReport } from "./rules.ts";
import { CloudTally, type StoredAnswer } from "./tally.ts";

/** `cloud:<id>` → StoredCloud; `cloudans:<id>:<round>:<pid>` → that participant's answers. */
const CLOUD_PREFIX = "cloud:";
const ANSWERS_PREFIX = "cloudans:";

interface StoredCloud {
  definition: CloudDefinition;
  round: number;
  hidden: string[];
}

interface Cloud extends StoredCloud {
  tally: CloudTally;
}

export const cloud = defineFeature("cloud", CLOUD_MESSAGES, (host) => {
  const clouds = new Map<string, Cloud>();

  const answersKey = (id: string, round: number, pid: string) => `${ANSWERS_PREFIX}${id}:${round}:${pid}`;
  const stored = ({ definition, round, tally }: Cloud): StoredCloud => ({ definition, round, hidden: tally.hidden });
  const save = (cloud: Cloud) => host.storage.put({ [CLOUD_PREFIX + cloud.definition.id]: stored(cloud) });
  /** A patch for one phone (its own answers), or for every phone alike after a cloud's reset. */
  const patchText = (patch: MergePatch<CloudReport>) => JSON.stringify({ type: "report", feature: "cloud", patch } satisfies ServerMessage);

  const reportOf = (withHidden: boolean): CloudReport => ({
    clouds: Object.fromEntries(Array.from(clouds, ([id, { definition, tally }]) => [id, tally.entry(definition.prompt, withHidden)])),
  });

  /** Empties a cloud: a new round, the old one's answers deleted (not awaited: nothing reads them again). */
  function empty(cloud: Cloud): Promise<void> {
    const keys = cloud.tally.participants().map((pid) => answersKey(cloud.definition.id, cloud.round, pid));
    cloud.tally.clear();
    cloud.round += 1;
    host.storage.delete(keys).catch((error: unknown) => console.error("cloud: delete", error));
    return save(cloud);
  }

  async function show(definition: CloudDefinition, action: "show" | "reset", link: Peer["link"]): Promise<void> {
    let cloud = clouds.get(definition.id);
    if (!cloud) {
      if (clouds.size >= CLOUDS_MAX) return host.send(link, errorMessage("bad_request", { ref: "cloud", detail: "clouds_max" }));
      cloud = { definition, round: 1, hidden: [], tally: new CloudTally() };
      clouds.set(definition.id, cloud);
      await save(cloud);
      host.changed();
    }
    if (action === "reset") {
      await empty(cloud);
      // Every phone forgets its answers to it (the phones' stream goes on as patches).
      const forget = patchText({ yours: { [definition.id]: null } });
      for (const peer of host.audience()) host.send(peer.link, forget);
      host.changed();
    }
  }

  async function answer(id: string, text: string, { link, member }: Peer): Promise<void> {
    if (member.role !== "audience") return; // the table lets only phones answer
    const cloud = clouds.get(id);
    if (!cloud) return host.send(link, errorMessage("no_cloud", { ref: "cloudAnswer" }));
    const result = cloud.tally.answer(member.pid, text);
    if (!result.ok) return host.send(link, errorMessage(result.refusal.code, { ref: "cloudAnswer", detail: result.refusal.detail }));
    await host.storage.put({ [answersKey(id, cloud.round, member.pid)]: result.answers });
    host.changed();
    const yours = patchText({ yours: { [id]: result.answers.map((a) => a.text) } });
    // Every tab of this participant: they share the three answers.
    for (const tab of host.participant(member.pid)) host.send(tab, yours);
  }

  async function hide(id: string, key: string, hidden: boolean, link: Peer["link"]): Promise<void> {
    const cloud = clouds.get(id);
    if (!cloud) return host.send(link, errorMessage("no_cloud", { ref: "cloudHide" }));
    if (!cloud.tally.hide(key, hidden)) return host.send(link, errorMessage("bad_request", { ref: "cloudHide", detail: "no_word" }));
    await save(cloud);
    host.changed();
  }

  return {
    patches: true,
    async load() {
      for (const value of (await host.storage.list<StoredCloud>(CLOUD_PREFIX)).values()) {
        clouds.set(value.definition.id, { ...value, tally: new CloudTally() });
      }
      const answers: Array<{ cloud: Cloud; pid: string; answer: StoredAnswer }> = [];
      const stale: string[] = [];
      for (const [key, list] of await host.storage.list<StoredAnswer[]>(ANSWERS_PREFIX)) {
        const [id = "", round = "", pid = ""] = key.slice(ANSWERS_PREFIX.length).split(":");
        const cloud = clouds.get(id);
        if (!cloud || Number(round) !== cloud.round) stale.push(key);
        else if (Array.isArray(list)) for (const answer of list) answers.push({ cloud, pid, answer });
      }
      // In the order they were given: the ids, the first-seen spellings and the word cap come out the same.
      answers.sort((a, b) => a.answer.n - b.answer.n);
      for (const { cloud, pid, answer } of answers) cloud.tally.restore(pid, answer);
      for (const cloud of clouds.values()) cloud.tally.restoreHidden(cloud.hidden);
      if (stale.length > 0) await host.storage.delete(stale);
    },
    async message(message, from) {
      if (message.type === "cloud") return await show(message.cloud, message.action, from.link);
      if (message.type === "cloudHide") return await hide(message.cloud, message.key, message.hidden, from.link);
      return await answer(message.cloud, message.text, from);
    },
    // A phone's own answers, after its whole report.
    join({ link, member }) {
      if (member.role !== "audience") return;
      const yours: Record<string, string[]> = {};
      for (const [id, cloud] of clouds) {
        const texts = cloud.tally.answersOf(member.pid).map((a) => a.text);
        if (texts.length > 0) yours[id] = texts;
      }
      if (Object.keys(yours).length > 0) host.send(link, patchText({ yours }));
    },
    // Every cloud emptied, still declared. The next report goes out whole: phones forget `yours`.
    reset() {
      for (const cloud of clouds.values()) empty(cloud).catch((error: unknown) => console.error("cloud: reset", error));
    },
    report: () => reportOf(true),
    // Hidden words reach the presenter only: the projector, a public screen, gets the phones' view.
    private: true,
    audienceReport: () => reportOf(false),
    audienceEveryMs: CLOUD_REPORT_MS,
    export: () =>
      Array.from(clouds.values(), ({ definition, tally }) => ({
        id: definition.id,
        prompt: definition.prompt,
        answers: tally.answerCount,
        others: tally.othersCount,
        words: tally.all().map(({ key, text, count, hidden }) => ({ id: key, text, count, hidden })),
      })),
  };
});
