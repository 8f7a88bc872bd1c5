import type { PulseApi, PulseClient } from '../src/index.js';
import { type Claims, attempt, byId, debounce, el, hasRole } from './dom.js';

interface Product {
  id: number;
  code: string;
  name: string;
  unit?: string;
}

interface Violation {
  test: number;
  description: string;
}

interface Point {
  number: number;
  complete: boolean;
  mean: number;
  withinControl: boolean | null;
  violations: Violation[];
}

interface Limits {
  version: number;
  centerLine: number;
  ucl: number;
  lcl: number;
}

export interface Chart {
  chart: string;
  limits: Limits | null;
  points: Point[];
}

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 220;
const PAD = { left: 48, right: 12, top: 10, bottom: 20 };

function svg(tag: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function violated(point: Point): boolean {
  return point.violations.length > 0 || point.withinControl === false;
}

/**
 * The control chart as plain SVG: the plotted points joined in order, the center line and the control limits of the
 * set in force, points that broke a test drawn as red squares. Pure: the same chart gives the same drawing.
 */
export function drawChart(chart: Chart): SVGElement {
  const points = chart.points.filter((p) => p.complete);
  const limits = chart.limits;
  const values = [...points.map((p) => p.mean), ...(limits ? [limits.ucl, limits.lcl, limits.centerLine] : [])];
  const low = values.length ? Math.min(...values) : 0;
  const high = values.length ? Math.max(...values) : 1;
  const span = high - low || Math.abs(high) || 1;
  const min = low - span * 0.1;
  const max = high + span * 0.1;
  const x = (i: number) => PAD.left + (points.length < 2 ? 0.5 : i / (points.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * (HEIGHT - PAD.top - PAD.bottom);

  const last = points.at(-1);
  const broken = points.filter(violated).length;
  const summary = `${chart.chart} chart, ${points.length} points` + (last ? `, last ${last.mean}` : '')
    + (limits ? `; center ${round(limits.centerLine)}, UCL ${round(limits.ucl)}, LCL ${round(limits.lcl)}` : '; no control limits yet')
    + `; ${broken} out of control or breaking a run rule`;
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': summary, class: 'chart' });
  if (limits) {
    for (const [name, value] of [['ucl', limits.ucl], ['center', limits.centerLine], ['lcl', limits.lcl]] as const) {
      root.append(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value), class: `limit ${name}`, 'data-line': name }));
      const label = svg('text', { x: 2, y: y(value) + 4, class: 'axis' });
      label.textContent = `${name === 'center' ? 'CL' : name.toUpperCase()} ${round(value)}`;
      root.append(label);
    }
  }
  if (points.length > 1) {
    root.append(svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p.mean)}`).join(' '), class: 'trace' }));
  }
  points.forEach((p, i) => {
    const bad = violated(p);
    const mark = bad
      ? svg('rect', { x: x(i) - 4, y: y(p.mean) - 4, width: 8, height: 8, class: 'point violation' })
      : svg('circle', { cx: x(i), cy: y(p.mean), r: 3, class: 'point' });
    mark.setAttribute('data-point', String(p.number));
    if (bad) mark.setAttribute('data-violation', p.violations.map((v) => v.test).join(',') || 'limit');
    const title = svg('title', {});
    title.textContent = `Subgroup ${p.number}: ${p.mean}` + (bad ? ` — ${p.violations.map((v) => v.description).join('; ') || 'out of control'}` : '');
    mark.append(title);
    root.append(mark);
  });
  return root;
}

function round(value: number): string {
  return Number(value.toPrecision(5)).toString();
}

/**
 * The SPC control chart of one product (spc-service), for QUALITY, OPERATOR, ADMIN and SYSTEMMANAGER: the product
 * list, the chart redrawn from `/chart` whenever the product's channel says something changed (a measurement, new
 * limits), and a form to record a measurement for those who may.
 */
export class SpcPanel {
  private product: number | undefined;
  private subscription: string | undefined;
  private readonly reloadSoon = debounce(() => void this.reloadChart(), 100);

  constructor(private readonly api: PulseApi, private readonly pulse: PulseClient, claims: Claims) {
    byId('spc').hidden = false;
    byId('spc-record').hidden = !hasRole(claims, 'QUALITY', 'OPERATOR', 'ADMIN');
    byId<HTMLSelectElement>('spc-product').addEventListener('change', (e) => this.show(Number((e.target as HTMLSelectElement).value)));
    byId('spc-record').addEventListener('submit', (e) => {
      e.preventDefault();
      const input = byId<HTMLInputElement>('spc-value');
      const value = Number(input.value);
      void attempt('spc-error', async () => {
        const answer = await this.api.spc.request<{ subgroupNumber: number; withinControl: boolean | null }>('POST',
          `/products/${this.product}/measurements`, { body: { value } });
        byId('spc-result').textContent = `Recorded ${value} in subgroup ${answer.data.subgroupNumber}`
          + (answer.data.withinControl === false ? ': out of control' : '');
        input.value = '';
      });
    });
  }

  static for(claims: Claims): boolean {
    return hasRole(claims, 'QUALITY', 'OPERATOR', 'ADMIN', 'SYSTEMMANAGER');
  }

  async reload(): Promise<void> {
    const { data } = await this.api.spc.request<{ items: Product[] }>('GET', '/products');
    const select = byId<HTMLSelectElement>('spc-product');
    select.replaceChildren(...data.items.map((p) => el('option', { value: String(p.id) }, `${p.code} — ${p.name}`)));
    if (this.product !== undefined && data.items.some((p) => p.id === this.product)) select.value = String(this.product);
    else if (data.items[0]) this.show(data.items[0].id);
  }

  /** Draws one product's chart and follows its channel (leaving the previous product's). */
  show(product: number): void {
    if (this.subscription) this.pulse.unsubscribe(this.subscription);
    this.product = product;
    byId<HTMLSelectElement>('spc-product').value = String(product);
    byId('spc-result').textContent = '';
    this.subscription = this.pulse.subscribe(`spc:product:${product}`, {
      onEvent: (event) => {
        if (event.type === 'spc.measurement.recorded' || event.type === 'spc.limits.frozen') this.reloadSoon();
      },
      onReset: () => this.reloadSoon(),
      onError: (error) => { byId('spc-error').textContent = `live chart refused: ${error.code ?? error.message}`; },
    });
    void this.reloadChart();
  }

  private async reloadChart(): Promise<void> {
    const product = this.product;
    if (product === undefined) return;
    await attempt('spc-error', async () => {
      const { data } = await this.api.spc.request<Chart>('GET', `/products/${product}/chart`, { query: { last: 60 } });
      if (product !== this.product) return;
      const figure = byId('spc-chart');
      figure.dataset.product = String(product);
      figure.replaceChildren(drawChart(data));
      const broken = data.points.filter((p) => p.complete && violated(p)).slice(-5).reverse();
      byId('spc-violations').replaceChildren(...broken.map((p) => el('li', { 'data-point': String(p.number) },
        `Subgroup ${p.number} (${p.mean}): `, p.violations.map((v) => `test ${v.test} — ${v.description}`).join('; ') || 'outside the control limits')));
    });
  }
}
