// ECharts, tree-shaken to what the pages use.
import * as echarts from 'echarts/core'
import { PieChart, BarChart } from 'echarts/charts'
import { TooltipComponent, LegendComponent, GridComponent, TitleComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([PieChart, BarChart, TooltipComponent, LegendComponent, GridComponent, TitleComponent, CanvasRenderer])
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
