// Embedded charts: the builder a script uses, and the charts a sheet then holds, recorded for
// inspection (nothing is drawn). developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
import { rangeOf, type RangeRef, type SheetsApi } from './spreadsheet-api';

/** developers.google.com/apps-script/reference/charts/chart-type (the types the add-on draws). */
export const ChartType = Object.freeze({
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  LINE: 'LINE',
  PIE: 'PIE',
  TABLE: 'TABLE',
});

export interface ChartModel {
  readonly id: number;
  type: string;
  ranges: RangeRef[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

const charts = new WeakMap<object, ChartModel>();
let nextId = 1;

export function chartOf(value: unknown): ChartModel | undefined {
  return typeof value === 'object' && value !== null ? charts.get(value) : undefined;
}

/** An EmbeddedChart as Sheet.getCharts returns it. */
export function chartApi(api: SheetsApi, model: ChartModel): object {
  const obj = {
    getChartId: (): number => (api.exec.charge('EmbeddedChart.getChartId'), model.id),
    getRanges: (): object[] => (
      api.exec.charge('EmbeddedChart.getRanges'),
      model.ranges.map((r) => api.range(r.sheet, r.rect))
    ),
    // developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getOptions()
    getOptions: (): object => (
      api.exec.charge('EmbeddedChart.getOptions'),
      { get: (key: string): unknown => model.options[key] ?? null }
    ),
    modify: (): EmbeddedChartBuilderApi => new EmbeddedChartBuilderApi(api, model),
    toString: (): string => 'EmbeddedChart',
  };
  charts.set(obj, model);
  return obj;
}

/** developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder */
export class EmbeddedChartBuilderApi {
  readonly #api: SheetsApi;
  readonly #draft: ChartModel;

  constructor(api: SheetsApi, from?: ChartModel) {
    this.#api = api;
    this.#draft = from
      ? { ...from, ranges: [...from.ranges], options: { ...from.options } }
      : {
          id: nextId++,
          type: ChartType.COLUMN,
          ranges: [],
          position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
          options: {},
        };
  }

  #charge(method: string): void {
    this.#api.exec.charge(`EmbeddedChartBuilder.${method}`);
  }

  setChartType(type: string): this {
    this.#charge('setChartType');
    this.#draft.type = String(type);
    return this;
  }

  addRange(range: unknown): this {
    this.#charge('addRange');
    this.#draft.ranges.push(rangeOf(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
    return this;
  }

  clearRanges(): this {
    this.#charge('clearRanges');
    this.#draft.ranges = [];
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setPosition(Integer,Integer,Integer,Integer)
  setPosition(anchorRow: number, anchorCol: number, offsetX: number, offsetY: number): this {
    this.#charge('setPosition');
    this.#draft.position = { row: anchorRow, col: anchorCol, offsetX, offsetY };
    return this;
  }

  setOption(key: string, value: unknown): this {
    this.#charge('setOption');
    this.#draft.options[String(key)] = value;
    return this;
  }

  build(): object {
    this.#charge('build');
    return chartApi(this.#api, { ...this.#draft, ranges: [...this.#draft.ranges] });
  }
}
