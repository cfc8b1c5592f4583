// Declarative description of the asset list pages (R-F1.1): columns, filters, form fields.
// Field names are the API's record fields; labels come from i18n `field.<name>`.

export const HAZARD_CATEGORIES = ['J1', 'J2', 'J3', 'J4', 'J5', 'W1.1', 'W1.2', 'W1.3', 'W2', 'W3', 'W4', 'W5.1', 'W5.2', 'W5.3', 'W5.4',
  'W6', 'W6.1', 'W6.2', 'W7.1', 'W7.2', 'W8', 'W9.1', 'W9.2', 'W10', 'W11']
export const UNIT_TYPES = ['PRODUCTION', 'STORAGE']
export const EQUIPMENT_TYPES = ['TANK', 'REACTOR', 'TOWER', 'WAREHOUSE', 'PIPE_RACK', 'GATE', 'PUMP', 'COMPRESSOR', 'HEAT_EXCHANGER', 'OTHER']
export const POINT_TYPES = ['LEVEL', 'TEMPERATURE', 'PRESSURE', 'FLOW', 'COMBUSTIBLE_GAS', 'TOXIC_GAS', 'OXYGEN']
export const CATALOG_CATEGORIES = ['PROHIBITED', 'RESTRICTED', 'CONTROLLED']
export const CATALOG_SUBJECTS = ['CHEMICAL', 'PROCESS']

const REF = {
  enterprise: { path: '/asset/enterprises', label: (r) => `${r.code} ${r.name}` },
  unit: { path: '/asset/units', label: (r) => `${r.code} ${r.name}` },
  equipment: { path: '/asset/equipment', label: (r) => `${r.code} ${r.name}` },
  chemical: { path: '/asset/chemicals', label: (r) => `${r.cas} ${r.nameZh}` }
}

const enumOf = (values, key) => ({ type: 'enum', values, enumKey: key })

export const ENTITY_CONFIG = {
  enterprises: {
    label: (r) => r.name,
    columns: [
      { prop: 'code', width: 90, sortable: true }, { prop: 'name', minWidth: 220, sortable: true },
      { prop: 'creditCode', width: 200, sortable: true }, { prop: 'industry', width: 120, sortable: true },
      { prop: 'safetyContact', width: 110 }, { prop: 'phone', width: 140 }, { prop: 'employees', width: 100, sortable: true }
    ],
    filters: [{ prop: 'industry', type: 'industry' }],
    fields: [
      { prop: 'code', required: true }, { prop: 'name', required: true }, { prop: 'creditCode', required: true },
      { prop: 'industry', type: 'industry', required: true }, { prop: 'legalRepresentative' }, { prop: 'safetyContact' },
      { prop: 'phone' }, { prop: 'employees', type: 'number' }, { prop: 'address', type: 'textarea', span: 2 }
    ]
  },
  units: {
    label: (r) => r.name,
    columns: [
      { prop: 'code', width: 120, sortable: true }, { prop: 'name', minWidth: 200, sortable: true },
      { prop: 'type', width: 120, sortable: true, ...enumOf(UNIT_TYPES, 'unitType') },
      { prop: 'enterpriseId', width: 100, sortable: true }, { prop: 'exposedPeople', width: 110, sortable: true },
      { prop: 'inventory', minWidth: 220, type: 'inventory' }
    ],
    filters: [{ prop: 'enterpriseId', type: 'ref', ref: REF.enterprise }, { prop: 'type', ...enumOf(UNIT_TYPES, 'unitType') }],
    fields: [
      { prop: 'enterpriseId', type: 'ref', ref: REF.enterprise, required: true }, { prop: 'code', required: true }, { prop: 'name', required: true },
      { prop: 'type', ...enumOf(UNIT_TYPES, 'unitType'), required: true }, { prop: 'exposedPeople', type: 'number' }
    ]
  },
  equipment: {
    label: (r) => r.name,
    columns: [
      { prop: 'code', width: 150, sortable: true }, { prop: 'name', minWidth: 200, sortable: true },
      { prop: 'type', width: 110, sortable: true, ...enumOf(EQUIPMENT_TYPES, 'equipmentType') },
      { prop: 'unitId', width: 90, sortable: true }, { prop: 'capacityM3', width: 110, sortable: true },
      { prop: 'designPressureMPa', width: 140 }, { prop: 'designTemperatureC', width: 140 }
    ],
    filters: [{ prop: 'unitId', type: 'ref', ref: REF.unit }, { prop: 'type', ...enumOf(EQUIPMENT_TYPES, 'equipmentType') }],
    fields: [
      { prop: 'unitId', type: 'ref', ref: REF.unit, required: true }, { prop: 'code', required: true }, { prop: 'name', required: true },
      { prop: 'type', ...enumOf(EQUIPMENT_TYPES, 'equipmentType'), required: true }, { prop: 'capacityM3', type: 'number' },
      { prop: 'designPressureMPa', type: 'number' }, { prop: 'designTemperatureC', type: 'number' }
    ]
  },
  points: {
    label: (r) => r.name,
    columns: [
      { prop: 'code', width: 140, sortable: true }, { prop: 'name', minWidth: 200, sortable: true },
      { prop: 'type', width: 110, sortable: true, ...enumOf(POINT_TYPES, 'pointType') },
      { prop: 'unit', width: 90, sortable: true }, { prop: 'equipmentId', width: 100, sortable: true },
      { prop: 'rangeLow', width: 90 }, { prop: 'rangeHigh', width: 90 }, { prop: 'l', width: 70 }, { prop: 'h', width: 70 }, { prop: 'hh', width: 70 }
    ],
    filters: [{ prop: 'enterpriseId', type: 'ref', ref: REF.enterprise }, { prop: 'type', ...enumOf(POINT_TYPES, 'pointType') }],
    fields: [
      { prop: 'equipmentId', type: 'ref', ref: REF.equipment, required: true }, { prop: 'code', required: true }, { prop: 'name', required: true },
      { prop: 'type', ...enumOf(POINT_TYPES, 'pointType'), required: true }, { prop: 'unit' },
      { prop: 'rangeLow', type: 'number' }, { prop: 'rangeHigh', type: 'number' }, { prop: 'll', type: 'number' }, { prop: 'l', type: 'number' },
      { prop: 'h', type: 'number' }, { prop: 'hh', type: 'number' }, { prop: 'gasChemicalId', type: 'ref', ref: REF.chemical }
    ],
    live: true
  },
  chemicals: {
    label: (r) => r.nameZh,
    columns: [
      { prop: 'cas', width: 120, sortable: true }, { prop: 'nameZh', minWidth: 150, sortable: true }, { prop: 'nameEn', minWidth: 160, sortable: true },
      { prop: 'unNumber', width: 90 }, { prop: 'hazardCategory', width: 120, sortable: true },
      { prop: 'criticalQuantityT', width: 120, sortable: true }, { prop: 'keySupervised', width: 100, type: 'bool' }
    ],
    filters: [{ prop: 'hazardCategory', type: 'enum', values: HAZARD_CATEGORIES }, { prop: 'keySupervised', type: 'bool' }],
    fields: [
      { prop: 'cas', required: true }, { prop: 'nameZh', required: true }, { prop: 'nameEn' }, { prop: 'unNumber' },
      { prop: 'hazardCategory', type: 'enum', values: HAZARD_CATEGORIES }, { prop: 'criticalQuantityT', type: 'number' },
      { prop: 'keySupervised', type: 'bool' }
    ]
  },
  catalog: {
    label: (r) => r.name,
    columns: [
      { prop: 'category', width: 90, sortable: true, ...enumOf(CATALOG_CATEGORIES, 'catalogCategory') },
      { prop: 'subjectType', width: 110, sortable: true, ...enumOf(CATALOG_SUBJECTS, 'catalogSubject') },
      { prop: 'name', minWidth: 240, sortable: true }, { prop: 'reason', minWidth: 240 }, { prop: 'basis', minWidth: 200 }
    ],
    filters: [{ prop: 'category', ...enumOf(CATALOG_CATEGORIES, 'catalogCategory') }],
    fields: [
      { prop: 'category', ...enumOf(CATALOG_CATEGORIES, 'catalogCategory'), required: true },
      { prop: 'subjectType', ...enumOf(CATALOG_SUBJECTS, 'catalogSubject'), required: true },
      { prop: 'name', required: true, span: 2 }, { prop: 'chemicalId', type: 'ref', ref: REF.chemical },
      { prop: 'reason', type: 'textarea', span: 2 }, { prop: 'basis', type: 'textarea', span: 2 }
    ]
  }
}

/** The API sort parameter for an Element Plus sort-change event. */
export function sortParam({ prop, order }) {
  if (!prop || !order) return undefined
  return (order === 'descending' ? '-' : '') + prop
}

/** The body to send: the record as read (keeps geometry, inventory, version) with the form's values. */
export function mergeForSave(original, form, fields) {
  const out = { ...(original || {}) }
  for (const f of fields) {
    let v = form[f.prop]
    if (v === '' || v === undefined) v = null
    if (f.type === 'bool') v = !!v
    out[f.prop] = v
  }
  return out
}
