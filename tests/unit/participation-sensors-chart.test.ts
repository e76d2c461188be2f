import { test } from "node:test";
import assert from "node:assert/strict";
import { CHART_HEIGHT, CHART_WIDTH, polyline, spreadBand, xOf, yOf } from "../../src/features/sensors/chart.ts";
import type { SensorsReport } from "../../src/features/sensors/samples.ts";

test("the chart maps the window across and −90..90° up, clamping what is outside", () => {
  assert.equal(xOf(-5000, 5000), 0);
  assert.equal(xOf(0, 5000), CHART_WIDTH);
  assert.equal(yOf(90), 0);
  assert.equal(yOf(-90), CHART_HEIGHT);
  assert.equal(yOf(0), CHART_HEIGHT / 2);
  assert.equal(yOf(200), 0);
  assert.equal(polyline([{ t: -5000, gamma: 90 }, { t: 0, gamma: -90 }], 5000), `0,0 ${CHART_WIDTH},${CHART_HEIGHT}`);
});

test("the spread band goes along mean + spread and back along mean − spread", () => {
  const stats = (mean: number, spread: number) => ({ mean, spread });
  const report = {
    windowMs: 5000,
    series: [
      { t: -5000, phones: 2, beta: stats(0, 0), gamma: stats(0, 45) },
      { t: 0, phones: 2, beta: stats(0, 0), gamma: stats(0, 90) },
    ],
  } as SensorsReport;
  assert.equal(spreadBand(report), `0,${yOf(45)} ${CHART_WIDTH},0 ${CHART_WIDTH},${CHART_HEIGHT} 0,${yOf(-45)}`);
});
