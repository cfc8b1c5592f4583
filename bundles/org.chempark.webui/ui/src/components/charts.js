// ECharts, tree-shaken to what the pages use.
import * as echarts from 'echarts/core'
import { PieChart, BarChart, LineChart } from 'echarts/charts'
import { TooltipComponent, LegendComponent, GridComponent, TitleComponent, DataZoomComponent, MarkLineComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([PieChart, BarChart, LineChart, TooltipComponent, LegendComponent, GridComponent, TitleComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer])
export { echarts }

export const PALETTE = ['#35c3ff', '#2ee6a6', '#f2c94c', '#ff8a4c', '#b37feb', '#ff5c7c', '#5b8ff9', '#61ddaa', '#f6bd16', '#7262fd']

export function pieOption(data, dark = true) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', orient: 'vertical', right: 4, top: 'middle', textStyle: { color: dark ? '#bcd' : '#333', fontSize: 13 } },
    series: [{ type: 'pie', radius: ['42%', '70%'], center: ['35%', '50%'], itemStyle: { borderColor: dark ? '#071a33' : '#fff', borderWidth: 2 },
      label: { show: false }, data }]
  }
}

export function barOption(names, values, dark = true, horizontal = false) {
  const axisText = { color: dark ? '#9fb3c8' : '#333', fontSize: 12 }
  const cat = { type: 'category', data: names, axisLabel: { ...axisText, interval: 0, rotate: horizontal ? 0 : 30 }, axisLine: { lineStyle: { color: '#2b4a6b' } } }
  const val = { type: 'value', axisLabel: axisText, splitLine: { lineStyle: { color: dark ? '#13304f' : '#eee' } } }
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 130 : 40, right: 20, top: 20, bottom: horizontal ? 20 : 70 },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true, axisLabel: { ...axisText, rotate: 0 } } : val,
    series: [{ type: 'bar', data: values, barMaxWidth: 22, itemStyle: { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0],
      color: new echarts.graphic.LinearGradient(0, 0, horizontal ? 1 : 0, horizontal ? 0 : 1, [{ offset: 0, color: '#35c3ff' }, { offset: 1, color: '#1e5fff' }]) } }]
  }
}

/**
 * Time-series line chart: series [{name, data: [[timeMs, value], …], step?}]; limits (optional, one series)
 * [{name, value, color}] drawn as dashed mark lines; min/max fix the value axis. Time axis, zoom by mouse wheel and slider.
 */
export function lineOption(series, { dark = false, limits = [], unit = '', min, max } = {}) {
  const text = { color: dark ? '#9fb3c8' : '#606266', fontSize: 12 }
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${Number(v).toFixed(3)} ${unit}`) },
    legend: { type: 'scroll', top: 0, textStyle: text },
    grid: { left: 60, right: 24, top: 36, bottom: 64 },
    xAxis: { type: 'time', axisLabel: text },
    yAxis: { type: 'value', scale: true, min, max, name: unit, axisLabel: text, splitLine: { lineStyle: { color: dark ? '#13304f' : '#eee' } } },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 12 }],
    series: series.map((s, i) => ({
      type: 'line', name: s.name, data: s.data, step: s.step || false, showSymbol: s.data.length < 2, connectNulls: false, sampling: 'lttb',
      markLine: i === 0 && limits.length ? { symbol: 'none', silent: true, label: { formatter: '{b}', position: 'insideEndTop' },
        data: limits.map((l) => ({ name: l.name, yAxis: l.value, lineStyle: { type: 'dashed', color: l.color } })) } : undefined
    }))
  }
}
