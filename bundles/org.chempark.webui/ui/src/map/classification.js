// Enterprise classes on the park map (issue 5 item 7, R-F2.5): 特别管控 / 重点关注 / 一般监管 of every enterprise the
// user may see, from the classification module (GET /api/v1/classification/map, GeoJSON in the park's local frame).
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import GeoJSON from 'ol/format/GeoJSON'
import { Fill, Stroke, Style, Text } from 'ol/style'
import { api } from '../api/http'
import { CLASS_COLOUR, classCounts } from '../views/classification/classification'

const CLASS_FILL = { SPECIAL_CONTROL: 'rgba(224,32,32,0.32)', KEY_ATTENTION: 'rgba(250,140,22,0.30)', GENERAL: 'rgba(22,119,255,0.20)' }

/**
 * A vector layer, hidden until shown, drawing each enterprise plot in its class colour with the class as a tag at its
 * centre; label(clazz) names a class in the UI language.
 */
export function classificationLayer(label) {
  const styles = {}
  return new VectorLayer({
    source: new VectorSource(), visible: false, properties: { name: 'classification' },
    style: (f) => {
      const clazz = f.get('clazz')
      const text = label(clazz)
      const key = clazz + text
      if (!styles[key]) {
        styles[key] = new Style({
          stroke: new Stroke({ color: CLASS_COLOUR[clazz] || '#888', width: 3 }),
          fill: new Fill({ color: CLASS_FILL[clazz] || 'rgba(136,136,136,0.2)' }),
          text: new Text({ text, font: 'bold 12px sans-serif', fill: new Fill({ color: '#fff' }), overflow: true,
            backgroundFill: new Fill({ color: CLASS_COLOUR[clazz] || '#888' }), padding: [2, 4, 1, 4] })
        })
      }
      return styles[key]
    }
  })
}

/** Loads the classes into the layer (replacing what it had); resolves to the counts per class. */
export async function loadClassification(layer, projection) {
  const fc = await api.get('/classification/map')
  const features = new GeoJSON().readFeatures(fc, { dataProjection: projection, featureProjection: projection })
  for (const f of features) f.set('layer', 'classification')
  layer.getSource().clear(true)
  layer.getSource().addFeatures(features)
  return classCounts(features.map((f) => ({ clazz: f.get('clazz') })))
}
