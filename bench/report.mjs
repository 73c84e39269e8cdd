/**
 * Result rows and the printed table. A timing row compares the median of several runs with a baseline measured in
 * the same run; the budget is either on the ratio or on the value itself, and `ofBudget` is figure ÷ limit.
 */
import { summary } from './stats.mjs';

const fmt = (x, unit) => (x == null || Number.isNaN(x) ? '–' : `${x >= 100 ? Math.round(x) : x.toFixed(x >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ''}`);
const cell = (s, unit) => (s == null ? '–' : typeof s === 'number' ? fmt(s, unit) : `${fmt(s.median, unit)} (${fmt(s.min)}–${fmt(s.max)}, n=${s.runs})`);

/**
 * budget: { on: 'value' | 'ratio' | 'speed', max?: number, min?: number, text?: string }.
 * 'ratio' is value ÷ baseline (lower is better); 'speed' is baseline ÷ value (throughput, higher is better).
 */
export function row({ scenario, measure, value, baseline = null, unit = 'ms', budget = null, note = '' }) {
  const v = typeof value === 'number' || value == null ? value : value.median;
  const b = baseline == null ? null : typeof baseline === 'number' ? baseline : baseline.median;
  const ratio = b ? v / b : null;
  let figure = null;
  let result = 'info';
  let ofBudget = null;
  if (budget) {
    figure = budget.on === 'value' ? v : budget.on === 'speed' ? (b ? b / v : null) : ratio;
    const limit = budget.max ?? budget.min;
    ofBudget = figure == null ? null : figure / limit;
    result = figure == null ? 'error' : (budget.max != null ? figure <= budget.max : figure >= budget.min) ? 'met' : 'missed';
  }
  const budgetText =
    budget?.text ?? (budget ? `${budget.max != null ? '≤' : '≥'} ${budget.max ?? budget.min}${budget.on === 'value' ? ` ${unit}` : '×'}${budget.on === 'speed' ? ' speed' : budget.on === 'ratio' ? ' baseline' : ''}` : '');
  return { scenario, measure, value: cell(value, unit), baseline: cell(baseline, unit), ratio, budget: budgetText, figure, ofBudget, result, note, raw: { value, baseline } };
}

export const timing = (samples) => summary(samples);

export const notMeasured = (scenario, measure, budget, reason) => ({ scenario, measure, value: '–', baseline: '–', ratio: null, budget, figure: null, ofBudget: null, result: 'not measured yet', note: reason });

export const errorRow = (scenario, error) => ({ scenario, measure: 'error', value: '–', baseline: '–', ratio: null, budget: '', figure: null, ofBudget: null, result: 'error', note: String(error?.message ?? error).split('\n')[0].slice(0, 200) });

export function table(rows) {
  const head = ['Scenario', 'Measure', 'Value: median (min–max, n)', 'Baseline', 'Ratio', 'Budget', '÷ budget', 'Result'];
  const body = rows.map((r) => [r.scenario, r.measure, r.value, r.baseline, r.ratio == null ? '–' : `${r.ratio.toFixed(2)}×`, r.budget || '–', r.ofBudget == null ? '–' : r.ofBudget.toFixed(2), r.result]);
  const lines = [head, head.map(() => '---'), ...body].map((cols) => `| ${cols.map((c) => String(c).replaceAll('|', '/')).join(' | ')} |`);
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.scenario} — ${r.measure}: ${r.note}`);
  return `${lines.join('\n')}\n\nNotes:\n${notes.join('\n')}`;
}
