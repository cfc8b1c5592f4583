// The park map drawn from the platform's own GeoJSON (GET /api/v1/asset/map) in the park's
// local metric frame: x east, y north, metres. No tiles, no internet, no EPSG:3857.
import Map from 'ol/Map'
import View from 'ol/View'
import VectorLayer from 'ol/layer/Vector'
import ImageLayer from 'ol/layer/Image'
import Static from 'ol/source/ImageStatic'
import VectorSource from 'ol/source/Vector'
import GeoJSON from 'ol/format/GeoJSON'
import Projection from 'ol/proj/Projection'
import { Style, Fill, Stroke, Circle as CircleStyle, Text } from 'ol/style'
import { defaults as defaultControls, ScaleLine } from 'ol/control'
import { boundingExtent, buffer, getCenter } from 'ol/extent'
import 'ol/ol.css'
import { api } from '../api/http'

export const LAYERS = ['park', 'features', 'enterprises', 'units', 'equipment', 'points']

/** Where a feature of a layer is edited in the UI. */
export const RECORD_ROUTE = { enterprises: '/asset/enterprises', units: '/asset/units', equipment: '/asset/equipment', points: '/asset/points' }

const POINT_COLORS = { LEVEL: '#409eff', TEMPERATURE: '#e6a23c', PRESSURE: '#9b59b6', FLOW: '#16a085', COMBUSTIBLE_GAS: '#f56c6c', TOXIC_GAS: '#d35400', OXYGEN: '#2ecc71' }

function themeColors(dark) {
  return dark
    ? { park: '#3fa7ff', parkFill: 'rgba(20,60,110,0.25)', road: '#4f6a8a', area: 'rgba(60,120,90,0.35)', ent: '#35c3ff', entFill: 'rgba(53,195,255,0.12)', unit: '#f2c94c', eq: '#ffb020', text: '#d8eaff', halo: '#061426' }
    : { park: '#1d4ed8', parkFill: 'rgba(219,234,254,0.35)', road: '#9aa4b2', area: 'rgba(134,197,134,0.45)', ent: '#2563eb', entFill: 'rgba(37,99,235,0.08)', unit: '#ca8a04', eq: '#ea580c', text: '#1f2937', halo: '#ffffff' }
}

/** 红/橙/黄/蓝 risk colours (R-F2.3), and a translucent fill of each. */
export const RISK_COLORS = { RED: '#e02020', ORANGE: '#fa8c16', YELLOW: '#fadb14', BLUE: '#1677ff' }
const RISK_FILL = { RED: 'rgba(224,32,32,0.28)', ORANGE: 'rgba(250,140,22,0.26)', YELLOW: 'rgba(250,219,20,0.26)', BLUE: 'rgba(22,119,255,0.16)' }

function styleFor(layer, c, status) {
  const cache = {}
  const label = (text, font = '12px sans-serif') => new Text({ text, font, fill: new Fill({ color: c.text }), stroke: new Stroke({ color: c.halo, width: 3 }), overflow: true })
  switch (layer) {
    case 'park':
      return new Style({ stroke: new Stroke({ color: c.park, width: 3, lineDash: [12, 6] }), fill: new Fill({ color: c.parkFill }) })
    case 'features':
      return (f, res) => {
        const kind = f.get('kind') || f.getGeometry().getType()
        const key = kind + (res < 3 ? 'l' : '')
        if (!cache[key]) {
          const geomType = f.getGeometry().getType()
          const line = geomType.includes('LineString')
          const point = geomType.includes('Point')
          cache[key] = new Style({
            stroke: new Stroke({ color: c.road, width: line ? 6 : 1 }),
            fill: new Fill({ color: kind === 'WATER' ? 'rgba(96,165,250,0.35)' : c.area }),
            image: point ? new CircleStyle({ radius: 5, fill: new Fill({ color: c.road }), stroke: new Stroke({ color: c.halo, width: 1 }) }) : undefined
          })
        }
        const s = cache[key].clone()
        if (res < 4) s.setText(label(f.get('name'), '11px sans-serif'))
        return s
      }
    case 'enterprises':
      return (f, res) => {
        const risk = status.enterpriseRisk.get(f.get('id'))
        return new Style({
          stroke: new Stroke({ color: risk ? RISK_COLORS[risk] : c.ent, width: risk ? 3 : 2 }), fill: new Fill({ color: risk ? RISK_FILL[risk] : c.entFill }),
          text: res < 8 ? label(res < 3 ? `${f.get('code')} ${f.get('name')}` : f.get('code'), 'bold 12px sans-serif') : undefined
        })
      }
    case 'units':
      return (f) => {
        const risk = status.unitRisk.get(f.get('id'))
        return new Style({ stroke: new Stroke({ color: risk ? RISK_COLORS[risk] : c.unit, width: risk ? 2.5 : 1.5, lineDash: risk ? undefined : [4, 3] }),
          fill: new Fill({ color: risk ? RISK_FILL[risk] : 'rgba(242,201,76,0.12)' }) })
      }
    case 'equipment':
      return new Style({
        stroke: new Stroke({ color: c.eq, width: 1 }), fill: new Fill({ color: 'rgba(234,88,12,0.35)' }),
        image: new CircleStyle({ radius: 4, fill: new Fill({ color: c.eq }) })
      })
    case 'points':
      return (f) => {
        const kind = status.alarmPoints.get(f.get('code'))
        if (kind) {
          const key = 'alarm:' + kind
          if (!cache[key]) {
            const red = kind === 'HH' || kind === 'LL'
            cache[key] = new Style({ zIndex: 10, image: new CircleStyle({ radius: 7, fill: new Fill({ color: red ? '#f5222d' : '#fa8c16' }), stroke: new Stroke({ color: '#fff', width: 2 }) }) })
          }
          return cache[key]
        }
        const type = f.get('type')
        if (!cache[type]) cache[type] = new Style({ image: new CircleStyle({ radius: 3, fill: new Fill({ color: POINT_COLORS[type] || '#888' }), stroke: new Stroke({ color: c.halo, width: 0.8 }) }) })
        return cache[type]
      }
    default:
      return undefined
  }
}

/** A projection in metres whose extent is the park boundary (plus a margin). */
export function parkProjection(extent) {
  return new Projection({ code: 'CHEMPARK-LOCAL', units: 'm', extent, global: false })
}

/**
 * Creates the map in `target` and loads the layers. Returns { map, layers, projection, reload,
 * featureCounts(), search(text), fitFeature(f) }. `dark` switches to the large-screen palette.
 */
export async function createParkMap(target, { dark = false, layers = LAYERS } = {}) {
  const c = themeColors(dark)
  const fc = await api.get('/asset/map', { layers: layers.join(',') })
  const park = (fc.features || []).find((f) => f.properties?.layer === 'park')
  const coords = park ? park.geometry.coordinates.flat(2) : [[0, 0], [6000, 4000]]
  const pts = []
  for (let i = 0; i < coords.length; i += 2) pts.push([coords[i], coords[i + 1]])
  const parkExtent = park ? boundingExtent(pts) : [0, 0, 6000, 4000]
  const extent = buffer(parkExtent, Math.max(parkExtent[2] - parkExtent[0], parkExtent[3] - parkExtent[1]) * 0.1)
  const projection = parkProjection(extent)

  // What the styles colour by; set through the handle's setters, which redraw the layers concerned.
  const status = { alarmPoints: new globalThis.Map(), enterpriseRisk: new globalThis.Map(), unitRisk: new globalThis.Map() }
  const vectorLayers = {}
  for (const name of layers) {
    vectorLayers[name] = new VectorLayer({
      source: new VectorSource(), style: styleFor(name, c, status), properties: { name },
      declutter: name === 'enterprises' || name === 'features' ? name : false,
      minZoom: name === 'points' ? 1 : undefined
    })
  }
  const format = new GeoJSON({ dataProjection: projection, featureProjection: projection })
  const fill = (collection) => {
    const { crs, ...rest } = collection // the platform's "crs" is a plain string, not GeoJSON 2008 crs
    const features = format.readFeatures(rest, { dataProjection: projection, featureProjection: projection })
    for (const l of Object.values(vectorLayers)) l.getSource().clear(true)
    for (const f of features) {
      const l = vectorLayers[f.get('layer')]
      if (l) l.getSource().addFeature(f)
    }
  }
  fill(fc)

  const map = new Map({
    target,
    layers: layers.map((n) => vectorLayers[n]),
    controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine({ units: 'metric' })]),
    view: new View({ projection, center: getCenter(parkExtent), extent, constrainOnlyCenter: true, zoom: 2, maxZoom: 10 })
  })
  map.getView().fit(parkExtent, { padding: [20, 20, 20, 20] })

  // The park's optional raster base layer (an uploaded orthophoto or master plan), under every vector layer.
  let baseLayer = null
  let baseUrl = null
  async function loadBaseLayer() {
    let info
    try { info = await api.get('/asset/map/base-layer/info') } catch { info = null }
    if (baseLayer) { map.removeLayer(baseLayer); baseLayer = null }
    if (baseUrl) { URL.revokeObjectURL(baseUrl); baseUrl = null }
    if (!info) return null
    baseUrl = URL.createObjectURL(await api.blob('/asset/map/base-layer'))
    baseLayer = new ImageLayer({ source: new Static({ url: baseUrl, imageExtent: info.extent, projection }), opacity: dark ? 0.55 : 0.9, properties: { name: 'base' } })
    map.getLayers().insertAt(0, baseLayer)
    return info
  }
  const baseInfo = loadBaseLayer().catch(() => null)

  const allFeatures = () => Object.values(vectorLayers).flatMap((l) => l.getSource().getFeatures())
  const handle = {
    map, projection, layers: vectorLayers, parkExtent,
    /** Resolves to the base layer's info ({extent, contentType, …}) or null when the park has none. */
    baseInfo,
    reloadBaseLayer: loadBaseLayer,
    setBaseVisible(v) { if (baseLayer) baseLayer.setVisible(v) },
    /** Points in alarm: Map code → worst kind (HH, H, L, LL, …); they are drawn larger, red or orange. */
    setAlarmPoints(byCode) { status.alarmPoints = byCode; vectorLayers.points?.changed() },
    /** Risk colours (RED/ORANGE/YELLOW/BLUE) by enterprise id and by unit id. */
    setRisk(byEnterprise, byUnit) {
      status.enterpriseRisk = byEnterprise || new globalThis.Map()
      status.unitRisk = byUnit || new globalThis.Map()
      vectorLayers.enterprises?.changed()
      vectorLayers.units?.changed()
    },
    async reload() { fill(await api.get('/asset/map', { layers: layers.join(',') })) },
    featureCounts() {
      const out = {}
      let total = 0
      for (const [n, l] of Object.entries(vectorLayers)) { out[n] = l.getSource().getFeatures().length; total += out[n] }
      out.total = total
      return out
    },
    search(text, limit = 20) {
      const s = (text || '').trim().toLowerCase()
      if (!s) return []
      const hits = []
      for (const f of allFeatures()) {
        const code = String(f.get('code') || '').toLowerCase()
        const name = String(f.get('name') || '').toLowerCase()
        if (code.includes(s) || name.includes(s)) hits.push(f)
        if (hits.length >= limit) break
      }
      return hits
    },
    fitFeature(f) {
      map.getView().fit(f.getGeometry().getExtent(), { padding: [120, 120, 120, 120], maxZoom: 7, duration: 300 })
    }
  }
  return handle
}
