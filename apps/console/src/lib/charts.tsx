import { useEffect, useRef, useState } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

// Series colours with at least 3:1 contrast on white (non-text graphics, WCAG 1.4.11).
export const CHART_COLOURS = ['#1d5fbf', '#2f7d32', '#b3541e', '#7b3fa0', '#0f6e74', '#a8071a'];

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

/**
 * One ECharts chart (SVG, so it prints sharp): bars or lines over categories. The container is
 * an image with the chart's title as its name and the numbers in a table beside it for screen
 * readers; `data-chart-ready` turns true once ECharts has finished drawing (print waits on it).
 */
export function Chart({ title, kind, categories, series, height = 280, horizontal = false, width }: { title: string; kind: 'bar' | 'line'; categories: readonly string[]; series: readonly Series[]; height?: number; horizontal?: boolean; width?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = echarts.init(el, undefined, { renderer: 'svg', ...(width ? { width } : {}), height });
    chart.on('finished', () => setReady(true));
    const category = { type: 'category' as const, data: [...categories], axisLabel: { interval: 0, color: '#333', ...(horizontal ? {} : { rotate: categories.length > 6 ? 30 : 0 }) } };
    const value = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#333' } };
    const option: EChartsCoreOption = {
      animation: false,
      color: CHART_COLOURS,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: '#333' } },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: series.map((s) => ({ name: s.name, type: kind, data: [...s.values], ...(kind === 'bar' ? { barMaxWidth: 28 } : { symbolSize: 6 }) })),
    };
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [categories, series, kind, height, horizontal, width]);
  return (
    <figure className="fb-chart" style={{ margin: 0 }}>
      <div ref={ref} role="img" aria-label={title} data-chart-ready={ready ? 'true' : 'false'} style={{ width: width ?? '100%', height }} />
      <table className="fb-visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((c, i) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {series.map((s) => (
                <td key={s.name}>{s.values[i] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
