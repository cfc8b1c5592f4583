// 应急辅助决策 — the emergency module's UI part (docs/web-ui.md "Module UI parts"), built by Vite in
// library mode (ui/vite.config.js): `vue` comes from the shell's import map, Element Plus components from the
// shell's global registration, OpenLayers is bundled. The park map shows the platform's own GeoJSON
// (/api/v1/asset/map and the scenario's zones, park frame in metres) — no internet tiles.
import { h, ref, reactive, watch, onMounted, onBeforeUnmount, resolveComponent } from 'vue'
import OlMap from 'ol/Map.js'
import View from 'ol/View.js'
import Feature from 'ol/Feature.js'
import Point from 'ol/geom/Point.js'
import VectorLayer from 'ol/layer/Vector.js'
import VectorSource from 'ol/source/Vector.js'
import GeoJSON from 'ol/format/GeoJSON.js'
import Projection from 'ol/proj/Projection.js'
import { addProjection } from 'ol/proj.js'
import { createEmpty, extend, isEmpty } from 'ol/extent.js'
import { defaults as defaultControls, ScaleLine } from 'ol/control.js'
import { Style, Fill, Stroke, Text, Circle as CircleStyle, RegularShape } from 'ol/style.js'
import olCss from 'ol/ol.css?inline'

// The shell loads only index.js: OpenLayers' control styles go into the page once, from here.
if (typeof document !== 'undefined' && !document.getElementById('chempark-emergency-ol-css')) {
  const style = document.createElement('style')
  style.id = 'chempark-emergency-ol-css'
  style.textContent = olCss
  document.head.appendChild(style)
}

const TYPES = [
  ['GAS_LEAK', '气体泄漏', 'Gas leak'], ['LIQUID_LEAK', '液体泄漏', 'Liquid leak'], ['INSTANTANEOUS', '瞬时泄漏', 'Instantaneous'],
  ['POOL_FIRE', '池火', 'Pool fire'], ['VCE', '蒸气云爆炸', 'VCE'], ['BLEVE', 'BLEVE 火球', 'BLEVE fireball']
]
const ZONE_COLOURS = ['#d7191c', '#fdae61', '#ffd92f', '#abd9e9', '#2c7bb6']
const CATEGORIES = [['TEAM', '救援队伍', 'Teams'], ['EQUIPMENT', '装备', 'Equipment'], ['MATERIAL', '物资', 'Materials'], ['EXPERT', '专家', 'Experts']]

function num(v) { return v === '' || v === null || v === undefined ? null : Number(v) }
function problemText(e) {
  const p = e && e.problem
  if (!p) return String(e && e.message || e)
  const errs = (p.errors || []).map((x) => x.field + '：' + x.message)
  return [p.detail || p.title].concat(errs).join('\n')
}

// ------------------------------------------------------------------ park map (OpenLayers)
// The park's local metric frame (x east, y north, metres), as the shell's map: no tiles, no internet.
const LOCAL = new Projection({ code: 'CHEMPARK-EMERGENCY-LOCAL', units: 'm', extent: [-20000, -20000, 40000, 40000] })
addProjection(LOCAL)
const FORMAT = new GeoJSON({ dataProjection: LOCAL, featureProjection: LOCAL })

function readFeatures(fc) {
  if (!fc) return []
  const { crs, ...rest } = fc // the non-standard "crs": "local-metres" member is not GeoJSON's crs object
  return FORMAT.readFeatures(rest)
}
function baseStyle(f) {
  const p = f.getProperties(), layer = p.layer, g = f.getGeometry().getType()
  if (g === 'LineString') return new Style({ stroke: new Stroke({ color: p.kind === 'RIVER' ? '#6baed6' : '#bbb', width: 2 }) })
  if (g === 'Point') return new Style({ image: new CircleStyle({ radius: 3, fill: new Fill({ color: '#888' }) }) })
  const c = layer === 'park' ? ['#f7f7f7', '#555'] : layer === 'enterprises' ? ['#e8eef7', '#7a9cc6'] : layer === 'units' ? ['#fde0c5', '#c98a4b']
    : [p.kind === 'RIVER' ? '#c6dbef' : '#eef5ea', '#ccc']
  return new Style({ fill: new Fill({ color: c[0] }), stroke: new Stroke({ color: c[1], width: 1 }) })
}
function zoneStyle(f) {
  const p = f.getProperties()
  if (f.getGeometry().getType() === 'Point') {
    return new Style({ image: new CircleStyle({ radius: 6, fill: new Fill({ color: '#000' }), stroke: new Stroke({ color: '#fff', width: 2 }) }) })
  }
  const colour = ZONE_COLOURS[Math.min(p.level || 1, 5) - 1]
  return new Style({ fill: new Fill({ color: colour + '73' }), stroke: new Stroke({ color: '#333', width: 1 }),
    text: new Text({ text: p.code || '', overflow: true, font: '11px sans-serif', fill: new Fill({ color: '#222' }) }) })
}
function pointStyle(colour, square) {
  return new Style({ image: square
    ? new RegularShape({ points: 4, radius: 7, angle: Math.PI / 4, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 1 }) })
    : new CircleStyle({ radius: 7, fill: new Fill({ color: 'rgba(0,0,0,0)' }), stroke: new Stroke({ color: colour, width: 3 }) }) })
}

const ParkMap = {
  props: { layers: Object, zones: Object, point: Object, assembly: Array },
  emits: ['pick'],
  setup(props, { emit }) {
    const el = ref(null)
    const base = new VectorSource(), zones = new VectorSource(), marks = new VectorSource()
    let map = null
    const zoneCount = ref(0)
    const fit = () => {
      if (!map) return
      const extent = createEmpty()
      for (const src of [base, zones]) if (src.getFeatures().length) extend(extent, src.getExtent())
      if (!isEmpty(extent)) map.getView().fit(extent, { padding: [20, 20, 20, 20] })
    }
    const drawMarks = () => {
      marks.clear()
      for (const a of (props.assembly || [])) {
        const f = new Feature({ geometry: new Point([a.east, a.north]), name: a.name })
        f.setStyle(pointStyle('#1a9641', true))
        marks.addFeature(f)
      }
      if (props.point && props.point.east != null && props.point.north != null) {
        const f = new Feature({ geometry: new Point([props.point.east, props.point.north]) })
        f.setStyle(pointStyle('#d7191c', false))
        marks.addFeature(f)
      }
    }
    onMounted(() => {
      map = new OlMap({
        target: el.value,
        layers: [new VectorLayer({ source: base, style: baseStyle }), new VectorLayer({ source: zones, style: zoneStyle }),
          new VectorLayer({ source: marks })],
        view: new View({ projection: LOCAL, center: [3000, 2000], zoom: 2 }),
        controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()])
      })
      map.on('singleclick', (e) => emit('pick', { east: Math.round(e.coordinate[0]), north: Math.round(e.coordinate[1]) }))
      if (props.layers) { base.addFeatures(readFeatures(props.layers)); fit() }
      drawMarks()
    })
    onBeforeUnmount(() => { if (map) map.setTarget(undefined); map = null })
    watch(() => props.layers, (l) => { base.clear(); base.addFeatures(readFeatures(l)); fit() })
    watch(() => props.zones, (z) => {
      zones.clear()
      const fs = readFeatures(z)
      zones.addFeatures(fs)
      zoneCount.value = fs.filter((f) => f.getGeometry().getType() === 'Polygon').length
      fit()
    })
    watch(() => [props.point && props.point.east, props.point && props.point.north, props.assembly], drawMarks)
    return () => h('div', { ref: el, 'data-test': 'emergency-map', 'data-zones': zoneCount.value,
      style: 'width:100%;height:520px;background:#fff;border:1px solid #ddd;position:relative' })
  }
}

// ------------------------------------------------------------------ helpers
function field(label, input) { return h('label', { style: 'display:flex;flex-direction:column;font-size:12px;color:#555;min-width:120px' }, [label, input]) }
function inputOf(model, key, attrs = {}) {
  return h('input', { value: model[key] ?? '', onInput: (e) => { model[key] = e.target.value }, style: 'padding:4px;border:1px solid #ccc;border-radius:3px', ...attrs })
}
function selectOf(model, key, options, attrs = {}) {
  return h('select', { value: model[key] ?? '', onChange: (e) => { model[key] = e.target.value }, style: 'padding:4px', ...attrs },
    options.map(([v, label]) => h('option', { value: v }, label)))
}
function table(rows, columns) {
  if (!rows || !rows.length) return h('div', { style: 'color:#999;padding:4px' }, '— 无 none')
  return h('table', { style: 'border-collapse:collapse;width:100%;font-size:12px;margin:4px 0' }, [
    h('tr', columns.map((c) => h('th', { style: 'border:1px solid #ddd;background:#f3f3f3;padding:3px;text-align:left' }, c[0]))),
    ...rows.map((r) => h('tr', columns.map((c) => h('td', { style: 'border:1px solid #ddd;padding:3px' }, String(c[1](r) ?? '')))))
  ])
}

// ------------------------------------------------------------------ scenarios
const ScenarioPage = {
  props: { ctx: Object },
  setup(props) {
    const api = props.ctx.api
    const layers = ref(null), units = ref([]), chemicals = ref([]), history = ref([])
    const form = reactive({ unitId: '', east: '', north: '', cas: '', releaseType: 'GAS_LEAK', holeDiameterMm: '', pressureKPa: '', massKg: '', poolDiameterM: '',
      windSpeed: '', windFromDegrees: '', cloudCoverOktas: '', daytime: '', temperatureC: '' })
    const scenario = ref(null), plan = ref(null), error = ref(''), busy = ref(false)
    const load = async () => {
      try {
        layers.value = await api.get('/asset/map', { layers: 'park,features,enterprises,units' })
        units.value = (await api.get('/asset/units', { size: 500, sort: 'code' })).items
        chemicals.value = await api.get('/emergency/scenarios/chemicals')
        history.value = (await api.get('/emergency/scenarios', { size: 20 })).items
      } catch (e) { error.value = problemText(e) }
    }
    onMounted(load)
    const open = async (id) => {
      error.value = ''
      try {
        scenario.value = await api.get('/emergency/scenarios/' + id)
        plan.value = await api.get('/emergency/scenarios/' + id + '/plan')
      } catch (e) { error.value = problemText(e) }
    }
    const compute = async () => {
      busy.value = true; error.value = ''
      const w = { windSpeed: num(form.windSpeed), windFromDegrees: num(form.windFromDegrees), cloudCoverOktas: num(form.cloudCoverOktas),
        daytime: form.daytime === '' ? null : form.daytime === 'true', solarRadiation: null, temperatureC: num(form.temperatureC), relativeHumidity: null }
      const body = { unitId: num(form.unitId), east: num(form.east), north: num(form.north), cas: form.cas || null, releaseType: form.releaseType,
        holeDiameterMm: num(form.holeDiameterMm), pressureKPa: num(form.pressureKPa), massKg: num(form.massKg), poolDiameterM: num(form.poolDiameterM),
        weather: Object.values(w).some((v) => v !== null) ? w : null }
      try {
        const s = await api.post('/emergency/scenarios', body)
        await open(s.id)
        history.value = (await api.get('/emergency/scenarios', { size: 20 })).items
      } catch (e) { error.value = problemText(e) } finally { busy.value = false }
    }
    const print = async () => {
      try {
        const html = await api.get('/emergency/scenarios/' + scenario.value.id + '/plan.html')
        const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }))
        const win = window.open(url, '_blank')
        if (win) win.addEventListener('load', () => win.print())
      } catch (e) { error.value = problemText(e) }
    }
    return () => {
      const ElButton = resolveComponent('ElButton'), ElCard = resolveComponent('ElCard'), ElTag = resolveComponent('ElTag'), ElAlert = resolveComponent('ElAlert')
      const p = plan.value, s = scenario.value
      const formRow = h('div', { style: 'display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end' }, [
        field('生产/储存单元 Unit', selectOf(form, 'unitId', [['', '— 地图点 map point —']].concat(units.value.map((u) => [String(u.id), u.code + ' ' + u.name])), { 'data-test': 'unit' })),
        field('东 East (m)', inputOf(form, 'east', { size: 7 })), field('北 North (m)', inputOf(form, 'north', { size: 7 })),
        field('物质 Chemical', selectOf(form, 'cas', [['', '— 按单元库存 from inventory —']].concat(chemicals.value.map((c) => [c.cas, c.nameZh + ' ' + c.cas])))),
        field('事故类型 Release', selectOf(form, 'releaseType', TYPES.map((t) => [t[0], t[1] + ' ' + t[2]]), { 'data-test': 'release-type' })),
        field('孔径 Hole (mm)', inputOf(form, 'holeDiameterMm', { size: 5 })), field('压力 Gauge (kPa)', inputOf(form, 'pressureKPa', { size: 6 })),
        field('质量 Mass (kg)', inputOf(form, 'massKg', { size: 8 })), field('池径 Pool (m)', inputOf(form, 'poolDiameterM', { size: 5 })),
        field('风速 Wind (m/s)', inputOf(form, 'windSpeed', { size: 4, 'data-test': 'wind-speed' })), field('风向（来向）From (°)', inputOf(form, 'windFromDegrees', { size: 4 })),
        field('云量 Cloud (okta)', inputOf(form, 'cloudCoverOktas', { size: 3 })),
        field('昼夜 Day/night', selectOf(form, 'daytime', [['', '默认 default'], ['true', '白天 day'], ['false', '夜间 night']])),
        field('气温 Temp (°C)', inputOf(form, 'temperatureC', { size: 4 })),
        h(ElButton, { type: 'primary', loading: busy.value, onClick: compute, 'data-test': 'compute' }, () => '计算 Compute')
      ])
      const summary = p ? h('div', { style: 'font-size:13px' }, [
        h('p', [h('b', s.name), ' · ', s.releaseTypeZh, ' · ', 'E ' + s.source.east + ' N ' + s.source.north, ' · 风 ', s.weather.windSpeed + ' m/s 来自 ' + s.weather.windFromDegrees + '°，稳定度 ' + s.weather.stability]),
        h('div', { style: 'display:flex;gap:6px;flex-wrap:wrap' }, [
          h(ElTag, { type: 'danger' }, () => '影响区 zones ' + p.summary.zones), h(ElTag, { type: 'warning' }, () => '涉及企业 enterprises ' + p.summary.exposedEnterprises),
          h(ElTag, null, () => '区内人员估计 people ' + p.summary.peopleInsideEstimate), h(ElTag, null, () => '多米诺 domino ' + p.summary.dominoUnits),
          h(ElTag, null, () => '最远 max ' + p.summary.maxDistanceM + ' m'),
          h(ElButton, { size: 'small', onClick: print, 'data-test': 'print' }, () => '打印方案 Print plan')]),
        h('h4', '影响区域 Zones'),
        table(p.zones, [['级别 Level', (z) => z.level], ['阈值 Threshold', (z) => z.nameZh + (z.threshold != null ? ' ' + z.threshold + ' ' + z.thresholdUnit : '')],
          ['距离 m', (z) => z.distanceM], ['企业（人数估计）Enterprises', (z) => z.enterprises.map((e) => e.name + '(' + e.peopleInsideEstimate + ')').join('，')],
          ['单元 Units', (z) => z.units.map((u) => u.code).join(' ')]]),
        h('h4', '多米诺效应 Domino'), h('div', { style: 'color:#777;font-size:12px' }, p.dominoNote),
        table(p.domino, [['单元 Unit', (d) => d.code + ' ' + d.name], ['受到 Value', (d) => d.value], ['阈值 Threshold', (d) => d.threshold], ['距离 m', (d) => d.distanceM]]),
        h('h4', '救援力量与物资 Nearest suitable resources'),
        ...CATEGORIES.map(([c, zh, en]) => [h('div', { style: 'font-weight:bold;margin-top:4px' }, zh + ' ' + en),
          table(p.resources[c], [['名称 Name', (r) => r.name], ['类型 Type', (r) => r.typeZh], ['所属 Owner', (r) => r.owner],
            ['数量 Qty', (r) => r.members != null ? r.members + ' 人' : r.quantity != null ? r.quantity + ' ' + r.quantityUnit : (r.organisation || '') + ' ' + (r.mobile || '')],
            ['距离 m', (r) => r.distanceM]])]).flat(),
        h('h4', '紧急集合点 Assembly points'),
        table(p.assemblyPoints, [['名称 Name', (a) => a.name], ['位置', (a) => 'E ' + a.east + ' N ' + a.north], ['距离 m', (a) => a.distanceM], ['上风向 Upwind', (a) => a.upwind ? '是' : '侧风']]),
        h('h4', '通知名单 Notification list'),
        table(p.notifications, [['角色 Role', (n) => n.role], ['单位 Organisation', (n) => n.organisation], ['联系人 Contact', (n) => n.contact], ['电话 Phone', (n) => n.phone], ['原因', (n) => n.reason]]),
        h('h4', '假设 Assumptions'), h('ul', { style: 'font-size:12px;color:#555' }, (p.assumptions || []).map((a) => h('li', a)))
      ]) : null
      return h('div', { 'data-test': 'emergency-scenarios' }, [
        h(ElCard, null, { header: () => h('b', '事故后果模拟 Accident scenario'), default: () => [formRow,
          error.value ? h(ElAlert, { type: 'error', title: '输入有误 Invalid input', description: error.value, closable: false, style: 'margin-top:8px;white-space:pre-line', 'data-test': 'error' }) : null] }),
        h('div', { style: 'display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:12px;margin-top:12px' }, [
          h(ElCard, null, { header: () => '园区一张图 Park map（点击地图取点 click to pick a point）', default: () => h(ParkMap, {
            layers: layers.value, zones: s && s.zones, point: { east: num(form.east), north: num(form.north) }, assembly: p && p.assemblyPoints,
            onPick: (q) => { form.east = String(q.east); form.north = String(q.north); form.unitId = '' } }) }),
          h(ElCard, null, { header: () => '处置方案 Response plan', default: () => summary || h('div', { style: 'color:#999' }, '计算或打开一个情景 Compute or open a scenario') })
        ]),
        h(ElCard, { style: 'margin-top:12px' }, { header: () => '历史情景 Stored scenarios', default: () => history.value.length
          ? h('div', { 'data-test': 'history' }, history.value.map((x) => h('div', { style: 'padding:2px 0' }, [
            h('a', { href: '#', onClick: (e) => { e.preventDefault(); open(x.id) } }, '#' + x.id + ' ' + x.name), ' · ' + x.createdAt + ' · ' + x.createdBy])))
          : h('div', { style: 'color:#999' }, '暂无 none') })
      ])
    }
  }
}

// ------------------------------------------------------------------ resources
const ResourcePage = {
  props: { ctx: Object },
  setup(props) {
    const api = props.ctx.api
    const filter = reactive({ category: '', q: '', page: 0 })
    const page = ref(null), stats = ref(null), types = ref({}), error = ref(''), created = ref('')
    const form = reactive({ category: 'MATERIAL', code: '', name: '', type: '', enterpriseId: '', quantity: '', quantityUnit: '', east: '', north: '', members: '', organisation: '', mobile: '', expiryDate: '' })
    const load = async () => {
      try {
        page.value = await api.get('/emergency/resources', { page: filter.page, size: 20, sort: 'category,code', category: filter.category || undefined, q: filter.q || undefined })
        stats.value = await api.get('/emergency/resources/statistics')
        types.value = await api.get('/emergency/resources/types')
      } catch (e) { error.value = problemText(e) }
    }
    onMounted(load)
    const create = async () => {
      error.value = ''; created.value = ''
      const f = form
      const body = { category: f.category, code: f.code, name: f.name, type: f.type, enterpriseId: num(f.enterpriseId), quantity: num(f.quantity),
        quantityUnit: f.quantityUnit || null, east: num(f.east), north: num(f.north), members: num(f.members), organisation: f.organisation || null,
        mobile: f.mobile || null, expiryDate: f.expiryDate || null, available: true }
      try { const r = await api.post('/emergency/resources', body); created.value = '已登记 created ' + r.code; await load() } catch (e) { error.value = problemText(e) }
    }
    return () => {
      const ElButton = resolveComponent('ElButton'), ElCard = resolveComponent('ElCard'), ElAlert = resolveComponent('ElAlert')
      const pg = page.value
      return h('div', { 'data-test': 'emergency-resources' }, [
        h(ElCard, null, { header: () => h('b', '应急资源统计 Statistics by type'), default: () => stats.value ? [
          h('p', '合计 total ' + stats.value.total + '，可调用 usable ' + stats.value.usable + '，过期 expired ' + stats.value.expired),
          table(stats.value.byType, [['类别', (t) => t.category], ['类型 Type', (t) => t.typeZh], ['数量 Count', (t) => t.count], ['可调用 Usable', (t) => t.usable],
            ['合计 Quantity', (t) => t.quantity ? t.quantity + ' ' + (t.quantityUnit || '') : ''], ['人数 Members', (t) => t.members || '']]),
          h('h4', '按企业 By enterprise'),
          table(stats.value.byEnterprise, [['企业 Enterprise', (e) => e.enterpriseName], ['数量 Count', (e) => e.count], ['可调用 Usable', (e) => e.usable],
            ['分类 By category', (e) => Object.entries(e.byCategory).map(([k, v]) => k + ' ' + v).join('，')]])] : null }),
        h(ElCard, { style: 'margin-top:12px' }, { header: () => '应急资源登记 Registry', default: () => [
          h('div', { style: 'display:flex;gap:8px;align-items:flex-end' }, [
            field('类别 Category', selectOf(filter, 'category', [['', '全部 all']].concat(CATEGORIES.map((c) => [c[0], c[1] + ' ' + c[2]])))),
            field('关键字 Keyword', inputOf(filter, 'q')), h(ElButton, { onClick: () => { filter.page = 0; load() } }, () => '查询 Search'),
            h(ElButton, { disabled: !pg || filter.page === 0, onClick: () => { filter.page--; load() } }, () => '上一页'),
            h(ElButton, { disabled: !pg || (filter.page + 1) * 20 >= pg.total, onClick: () => { filter.page++; load() } }, () => '下一页'),
            pg ? h('span', { style: 'font-size:12px' }, '共 ' + pg.total + ' 条') : null]),
          pg ? table(pg.items, [['编码 Code', (r) => r.code], ['名称 Name', (r) => r.name], ['类别', (r) => r.category], ['类型 Type', (r) => (types.value[r.category] || {})[r.type] || r.type],
            ['所属', (r) => r.enterpriseId == null ? '园区' : r.enterpriseId], ['数量', (r) => r.members != null ? r.members + ' 人' : r.quantity != null ? r.quantity + ' ' + r.quantityUnit : r.mobile],
            ['位置', (r) => r.east != null ? 'E ' + r.east + ' N ' + r.north : ''], ['有效期 Expiry', (r) => r.expiryDate || ''], ['可调用 Usable', (r) => r.usable ? '是' : '否']]) : null] }),
        h(ElCard, { style: 'margin-top:12px' }, { header: () => '新增资源 Add a resource（需 emergency:admin）', default: () => [
          h('div', { style: 'display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end' }, [
            field('类别 Category', selectOf(form, 'category', CATEGORIES.map((c) => [c[0], c[1]]))),
            field('类型 Type', selectOf(form, 'type', [['', '—']].concat(Object.entries(types.value[form.category] || {}).map(([k, v]) => [k, v])))),
            field('编码 Code', inputOf(form, 'code', { size: 10 })), field('名称 Name', inputOf(form, 'name')), field('企业ID Enterprise', inputOf(form, 'enterpriseId', { size: 4 })),
            field('数量 Qty', inputOf(form, 'quantity', { size: 5 })), field('单位 Unit', inputOf(form, 'quantityUnit', { size: 4 })), field('人数 Members', inputOf(form, 'members', { size: 4 })),
            field('东 E', inputOf(form, 'east', { size: 6 })), field('北 N', inputOf(form, 'north', { size: 6 })), field('机构 Org', inputOf(form, 'organisation')),
            field('手机 Mobile', inputOf(form, 'mobile', { size: 11 })), field('有效期 Expiry', inputOf(form, 'expiryDate', { type: 'date' })),
            h(ElButton, { type: 'primary', onClick: create }, () => '保存 Save')]),
          error.value ? h(ElAlert, { type: 'error', title: '错误 Error', description: error.value, closable: false, style: 'margin-top:8px;white-space:pre-line' }) : null,
          created.value ? h(ElAlert, { type: 'success', title: created.value, closable: false, style: 'margin-top:8px' }) : null] })
      ])
    }
  }
}

export default {
  name: 'EmergencyUiPart',
  props: { ctx: { type: Object, required: true } },
  setup(props) {
    const tab = ref(props.ctx.entry && props.ctx.entry.id === 'resources' ? 'resources' : 'scenarios')
    return () => h('div', [
      h('div', { style: 'margin-bottom:8px;display:flex;gap:8px' }, [['scenarios', '事故模拟与处置方案 Scenarios'], ['resources', '应急资源 Resources']].map(([k, label]) =>
        h('button', { onClick: () => { tab.value = k }, style: 'padding:4px 12px;border:1px solid #ccc;border-radius:3px;background:' + (tab.value === k ? '#409eff;color:#fff' : '#fff') }, label))),
      tab.value === 'resources' ? h(ResourcePage, { ctx: props.ctx }) : h(ScenarioPage, { ctx: props.ctx })
    ])
  }
}
