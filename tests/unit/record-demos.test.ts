/** The small adapters between a talk's record and the demos' own boards (src/features/record, issue 18). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { perExchange } from "../../src/features/requests/recorded.ts";
import { compareRoutes } from "../../src/features/pages/comparison.ts";
import { addLoad, emptyPagesReport } from "../../src/features/pages/pageTally.ts";

test("the requests demo's record: what one exchange cost on average, in whole bytes", () => {
  assert.deepEqual(perExchange({ count: 120, refused: 7, requestBytes: 61_000, responseBytes: 48_000 }), { up: 508, down: 400 });
  assert.deepEqual(perExchange({ count: 3, refused: 0, requestBytes: 1000, responseBytes: 1001 }), { up: 333, down: 334 });
  // Nothing to divide by: no lane is drawn, rather than NaN bytes.
  assert.equal(perExchange({ count: 0, refused: 0, requestBytes: 0, responseBytes: 0 }), null);
});

test("the pages demo's record: each route's average load, and its bar against the bigger response", () => {
  const size = (body: number) => ({ requestBytes: 480, responseHeadBytes: 300, responseBodyBytes: body });
  let report = addLoad(emptyPagesReport(), "page", size(5700));
  report = addLoad(report, "page", size(5900));
  report = addLoad(report, "data", size(32));
  const { perLoad, shares } = compareRoutes(report);
  assert.deepEqual(perLoad.page, { request: 480, responseHead: 300, responseBody: 5800, response: 6100, total: 6580 });
  assert.equal(perLoad.data?.response, 332);
  assert.equal(shares.page, 1);
  assert.equal(shares.data, 332 / 6100);
  // A talk where only one route was loaded: the other has no average and no bar.
  const pageOnly = compareRoutes(addLoad(emptyPagesReport(), "page", size(100)));
  assert.equal(pageOnly.perLoad.data, null);
  assert.deepEqual(pageOnly.shares, { page: 1, data: 0 });
  assert.deepEqual(compareRoutes(emptyPagesReport()).shares, { page: 0, data: 0 });
});
