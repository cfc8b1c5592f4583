package org.chempark.asset.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chempark.asset.CatalogCategory;
import org.chempark.asset.CatalogEntry;
import org.chempark.asset.CatalogSubject;
import org.chempark.asset.Chemical;
import org.chempark.asset.Enterprise;
import org.chempark.asset.Equipment;
import org.chempark.asset.EquipmentType;
import org.chempark.asset.InventoryItem;
import org.chempark.asset.MapFeature;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.PointType;
import org.chempark.asset.Unit;
import org.chempark.asset.UnitType;
import org.chempark.asset.internal.Rows.CatalogRow;
import org.chempark.asset.internal.Rows.ChemicalRow;
import org.chempark.asset.internal.Rows.EnterpriseRow;
import org.chempark.asset.internal.Rows.EquipmentRow;
import org.chempark.asset.internal.Rows.InventoryKey;
import org.chempark.asset.internal.Rows.InventoryRow;
import org.chempark.asset.internal.Rows.MapFeatureRow;
import org.chempark.asset.internal.Rows.ParkRow;
import org.chempark.asset.internal.Rows.PointRow;
import org.chempark.asset.internal.Rows.UnitRow;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.security.DataScope;

/**
 * Validation, mapping and transactional CRUD of the asset model. Every write validates the
 * whole record first (all violations at once, 422), checks references (422) and uniqueness
 * (409), then writes in one transaction, so nothing is ever half written. Every read and write
 * goes through the caller's {@link DataScope}: an enterprise user sees and changes only its own
 * enterprise's records (others answer 404, as if they did not exist); park-level data (the park,
 * chemicals, the catalog, map features) is readable by all and changed only by park staff.
 */
final class AssetStore {
    static final Set<String> ENTERPRISE_SORT = Set.of("code", "name", "industry", "employees", "creditCode", "updatedAt");
    static final Set<String> UNIT_SORT = Set.of("code", "name", "type", "enterpriseId", "exposedPeople", "updatedAt");
    static final Set<String> EQUIPMENT_SORT = Set.of("code", "name", "type", "unitId", "capacityM3", "updatedAt");
    static final Set<String> POINT_SORT = Set.of("code", "name", "type", "equipmentId", "unit", "updatedAt");
    static final Set<String> CHEMICAL_SORT = Set.of("cas", "nameZh", "nameEn", "hazardCategory", "criticalQuantityT", "updatedAt");
    static final Set<String> CATALOG_SORT = Set.of("name", "category", "subjectType", "updatedAt");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,20}");
    private static final double MAX_TONNES = 10_000_000;

    final Tx tx;
    private final ObjectMapper json = new ObjectMapper();

    AssetStore(Tx tx) {
        this.tx = tx;
    }

    // ---------------------------------------------------------------- park

    Optional<Park> park() {
        return tx.read(em -> em.createQuery("select r from ParkRow r order by r.id", ParkRow.class).setMaxResults(1)
                .getResultList().stream().findFirst().map(this::toPark));
    }

    Park savePark(Park p) {
        return tx.write(em -> savePark(em, p));
    }

    Park savePark(EntityManager em, Park p) {
        DataScope.requireParkWide();
        Validation v = new Validation();
        v.required("code", p.code()).pattern("code", p.code(), CODE, "must be 1–64 letters, digits, '.', '_' or '-'")
                .required("name", p.name()).maxLength("name", p.name(), 200).maxLength("address", p.address(), 500)
                .min("areaKm2", p.areaKm2(), 0).range("originLon", p.originLon(), -180, 180).range("originLat", p.originLat(), -90, 90);
        geometry(v, "boundary", p.boundary());
        v.throwIfInvalid();
        ParkRow r = em.createQuery("select r from ParkRow r order by r.id", ParkRow.class).setMaxResults(1)
                .getResultList().stream().findFirst().orElse(null);
        if (r == null) {
            r = new ParkRow();
        } else {
            checkVersion(p.version(), r.version);
        }
        r.code = p.code();
        r.name = p.name();
        r.nameEn = p.nameEn();
        r.address = p.address();
        r.areaKm2 = p.areaKm2();
        r.crs = p.crs() == null ? "local-metres" : p.crs();
        r.originLon = p.originLon();
        r.originLat = p.originLat();
        r.boundary = write(p.boundary());
        if (r.id == null) {
            em.persist(r);
        }
        em.flush();
        return toPark(r);
    }

    private Park toPark(ParkRow r) {
        return new Park(r.id, r.code, r.name, r.nameEn, r.address, r.areaKm2, r.crs, r.originLon, r.originLat, read(r.boundary), r.version);
    }

    // ---------------------------------------------------------------- chemicals

    Page<Chemical> chemicals(PageQuery pq, String q, String hazardCategory, Boolean keySupervised) {
        return tx.read(em -> new Query<>(ChemicalRow.class).eq("hazardCategory", hazardCategory).eq("keySupervised", keySupervised)
                .keyword(q, "cas", "nameZh", "nameEn", "unNumber").page(em, pq).map(this::toChemical));
    }

    Chemical chemical(long id) {
        return tx.read(em -> toChemical(find(em, ChemicalRow.class, id, "chemical")));
    }

    Chemical createChemical(Chemical c) {
        return tx.write(em -> insertChemical(em, c));
    }

    Chemical insertChemical(EntityManager em, Chemical c) {
        DataScope.requireParkWide();
        validate(c);
        unique(em, "ChemicalRow", "cas", c.cas(), null);
        ChemicalRow r = new ChemicalRow();
        apply(r, c);
        em.persist(r);
        em.flush();
        return toChemical(r);
    }

    Chemical updateChemical(long id, Chemical c) {
        DataScope.requireParkWide();
        validate(c);
        return tx.write(em -> {
            ChemicalRow r = find(em, ChemicalRow.class, id, "chemical");
            checkVersion(c.version(), r.version);
            unique(em, "ChemicalRow", "cas", c.cas(), id);
            apply(r, c);
            em.flush();
            return toChemical(r);
        });
    }

    void deleteChemical(long id) {
        DataScope.requireParkWide();
        tx.write(em -> {
            ChemicalRow r = find(em, ChemicalRow.class, id, "chemical");
            long used = count(em, "select count(r) from InventoryRow r where r.key.chemicalId = :id", id)
                    + count(em, "select count(r) from PointRow r where r.gasChemicalId = :id", id)
                    + count(em, "select count(r) from CatalogRow r where r.chemicalId = :id", id);
            if (used > 0) {
                throw ProblemException.conflict("Chemical " + r.cas + " is still used by " + used
                        + " inventories, gas detectors or catalog entries; remove those references first");
            }
            em.remove(r);
            return null;
        });
    }

    private void validate(Chemical c) {
        Validation v = new Validation();
        v.required("cas", c.cas()).check(c.cas() == null || Identifiers.isCas(c.cas()), "cas", "pattern",
                "cas must be a CAS registry number with a valid check digit, e.g. 67-56-1");
        v.required("nameZh", c.nameZh()).maxLength("nameZh", c.nameZh(), 200).maxLength("nameEn", c.nameEn(), 200);
        v.pattern("unNumber", c.unNumber(), Pattern.compile("[0-9]{4}"), "must be the 4-digit UN number");
        v.required("hazardCategory", c.hazardCategory()).check(c.hazardCategory() == null
                || Identifiers.HAZARD_CATEGORIES.contains(c.hazardCategory()), "hazardCategory", "enum",
                "hazardCategory must be a GB 18218-2018 Table 2 category: " + new java.util.TreeSet<>(Identifiers.HAZARD_CATEGORIES));
        v.required("criticalQuantityT", c.criticalQuantityT()).range("criticalQuantityT", c.criticalQuantityT(), 0.001, 100_000);
        v.throwIfInvalid();
    }

    private static void apply(ChemicalRow r, Chemical c) {
        r.cas = c.cas();
        r.nameZh = c.nameZh();
        r.nameEn = c.nameEn();
        r.unNumber = c.unNumber();
        r.hazardCategory = c.hazardCategory();
        r.criticalQuantityT = c.criticalQuantityT();
        r.keySupervised = Boolean.TRUE.equals(c.keySupervised());
    }

    private Chemical toChemical(ChemicalRow r) {
        return new Chemical(r.id, r.cas, r.nameZh, r.nameEn, r.unNumber, r.hazardCategory, r.criticalQuantityT, r.keySupervised, r.version);
    }

    // ---------------------------------------------------------------- enterprises

    Page<Enterprise> enterprises(PageQuery pq, String q, String industry) {
        return tx.read(em -> new Query<>(EnterpriseRow.class).eq("industry", industry).scope(DataScope.current(), "r.id in :ids")
                .keyword(q, "code", "name", "creditCode", "address", "safetyContact").page(em, pq).map(this::toEnterprise));
    }

    Enterprise enterprise(long id) {
        return tx.read(em -> toEnterprise(visibleEnterprise(em, id)));
    }

    Enterprise createEnterprise(Enterprise e) {
        return tx.write(em -> insertEnterprise(em, e));
    }

    Enterprise insertEnterprise(EntityManager em, Enterprise e) {
        DataScope.requireParkWide();
        validate(e);
        unique(em, "EnterpriseRow", "code", e.code(), null);
        unique(em, "EnterpriseRow", "creditCode", e.creditCode(), null);
        EnterpriseRow r = new EnterpriseRow();
        apply(r, e);
        em.persist(r);
        em.flush();
        return toEnterprise(r);
    }

    Enterprise updateEnterprise(long id, Enterprise e) {
        validate(e);
        return tx.write(em -> {
            EnterpriseRow r = visibleEnterprise(em, id);
            checkVersion(e.version(), r.version);
            unique(em, "EnterpriseRow", "code", e.code(), id);
            unique(em, "EnterpriseRow", "creditCode", e.creditCode(), id);
            apply(r, e);
            em.flush();
            return toEnterprise(r);
        });
    }

    void deleteEnterprise(long id) {
        tx.write(em -> {
            EnterpriseRow r = visibleEnterprise(em, id);
            DataScope.requireParkWide();
            long units = count(em, "select count(r) from UnitRow r where r.enterpriseId = :id", id);
            if (units > 0) {
                throw ProblemException.conflict("Enterprise " + r.code + " still has " + units + " units; delete or move them first");
            }
            em.remove(r);
            return null;
        });
    }

    private void validate(Enterprise e) {
        Validation v = new Validation();
        code(v, e.code());
        v.required("name", e.name()).maxLength("name", e.name(), 200);
        v.required("creditCode", e.creditCode()).check(e.creditCode() == null || Identifiers.isCreditCode(e.creditCode()),
                "creditCode", "pattern", "creditCode must be an 18-character unified social credit code (GB 32100-2015) "
                        + "with a valid check character");
        v.required("industry", e.industry()).maxLength("industry", e.industry(), 100);
        v.maxLength("legalRepresentative", e.legalRepresentative(), 100).maxLength("safetyContact", e.safetyContact(), 100)
                .pattern("phone", e.phone(), PHONE, "must be a phone number (digits, +, -, spaces, 5–20 characters)")
                .maxLength("address", e.address(), 500).range("employees", e.employees(), 0, 1_000_000);
        geometry(v, "geometry", e.geometry());
        v.throwIfInvalid();
    }

    private void apply(EnterpriseRow r, Enterprise e) {
        r.code = e.code();
        r.name = e.name();
        r.creditCode = e.creditCode();
        r.industry = e.industry();
        r.legalRepresentative = e.legalRepresentative();
        r.safetyContact = e.safetyContact();
        r.phone = e.phone();
        r.address = e.address();
        r.employees = e.employees();
        r.geometry = write(e.geometry());
    }

    private Enterprise toEnterprise(EnterpriseRow r) {
        return new Enterprise(r.id, r.code, r.name, r.creditCode, r.industry, r.legalRepresentative, r.safetyContact, r.phone,
                r.address, r.employees, read(r.geometry), r.version);
    }

    // ---------------------------------------------------------------- units

    Page<Unit> units(PageQuery pq, String q, Long enterpriseId, UnitType type) {
        return tx.read(em -> {
            Page<UnitRow> page = new Query<>(UnitRow.class).eq("enterpriseId", enterpriseId).eq("type", type == null ? null : type.name())
                    .scope(DataScope.current(), "r.enterpriseId in :ids")
                    .keyword(q, "code", "name").page(em, pq);
            Map<Long, List<InventoryItem>> inv = inventories(em, page.items().stream().map(u -> u.id).toList());
            return page.map(u -> toUnit(u, inv.getOrDefault(u.id, List.of())));
        });
    }

    Unit unit(long id) {
        return tx.read(em -> {
            UnitRow r = visibleUnit(em, id);
            return toUnit(r, inventories(em, List.of(id)).getOrDefault(id, List.of()));
        });
    }

    Unit createUnit(Unit u) {
        return tx.write(em -> insertUnit(em, u));
    }

    Unit insertUnit(EntityManager em, Unit u) {
        validate(u);
        reference(em, EnterpriseRow.class, u.enterpriseId(), "enterpriseId");
        DataScope.current().check(u.enterpriseId());
        unique(em, "UnitRow", "code", u.code(), null);
        List<InventoryRow> inventory = resolveInventory(em, u.inventory());
        UnitRow r = new UnitRow();
        apply(r, u);
        em.persist(r);
        em.flush();
        writeInventory(em, r.id, inventory);
        em.flush();
        return toUnit(r, inventories(em, List.of(r.id)).getOrDefault(r.id, List.of()));
    }

    Unit updateUnit(long id, Unit u) {
        validate(u);
        return tx.write(em -> {
            UnitRow r = visibleUnit(em, id);
            checkVersion(u.version(), r.version);
            reference(em, EnterpriseRow.class, u.enterpriseId(), "enterpriseId");
            DataScope.current().check(u.enterpriseId());
            unique(em, "UnitRow", "code", u.code(), id);
            List<InventoryRow> inventory = resolveInventory(em, u.inventory());
            apply(r, u);
            em.createQuery("delete from InventoryRow r where r.key.unitId = :id").setParameter("id", id).executeUpdate();
            writeInventory(em, id, inventory);
            em.flush();
            return toUnit(r, inventories(em, List.of(id)).getOrDefault(id, List.of()));
        });
    }

    void deleteUnit(long id) {
        tx.write(em -> {
            UnitRow r = visibleUnit(em, id);
            long eq = count(em, "select count(r) from EquipmentRow r where r.unitId = :id", id);
            if (eq > 0) {
                throw ProblemException.conflict("Unit " + r.code + " still has " + eq + " equipment; delete or move it first");
            }
            em.createQuery("delete from InventoryRow r where r.key.unitId = :id").setParameter("id", id).executeUpdate();
            em.remove(r);
            return null;
        });
    }

    private void validate(Unit u) {
        Validation v = new Validation();
        v.required("enterpriseId", u.enterpriseId());
        code(v, u.code());
        v.required("name", u.name()).maxLength("name", u.name(), 200).required("type", u.type())
                .range("exposedPeople", u.exposedPeople(), 0, 1_000_000);
        geometry(v, "geometry", u.geometry());
        if (u.inventory() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < u.inventory().size(); i++) {
                InventoryItem it = u.inventory().get(i);
                String f = "inventory[" + i + "]";
                if (it == null) {
                    v.add(f, "required", f + " must not be null");
                    continue;
                }
                v.check(it.chemicalId() != null || it.cas() != null, f + ".chemicalId", "required",
                        f + " needs chemicalId or cas");
                v.required(f + ".quantityT", it.quantityT()).range(f + ".quantityT", it.quantityT(), 0, MAX_TONNES);
                String key = it.chemicalId() != null ? "id:" + it.chemicalId() : "cas:" + it.cas();
                v.check(seen.add(key), f, "unique", f + " lists the same chemical twice; give one total quantity");
            }
        }
        v.throwIfInvalid();
    }

    private void apply(UnitRow r, Unit u) {
        r.enterpriseId = u.enterpriseId();
        r.code = u.code();
        r.name = u.name();
        r.type = u.type().name();
        r.exposedPeople = u.exposedPeople();
        r.geometry = write(u.geometry());
    }

    private List<InventoryRow> resolveInventory(EntityManager em, List<InventoryItem> items) {
        List<InventoryRow> rows = new ArrayList<>();
        if (items == null) {
            return rows;
        }
        Validation v = new Validation();
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            InventoryItem it = items.get(i);
            Long chemicalId = it.chemicalId();
            if (chemicalId == null) {
                List<Long> found = em.createQuery("select r.id from ChemicalRow r where r.cas = :cas", Long.class)
                        .setParameter("cas", it.cas()).getResultList();
                if (found.isEmpty()) {
                    v.add("inventory[" + i + "].cas", "reference", "chemical with CAS " + it.cas() + " is not in the chemical list; add it first");
                    continue;
                }
                chemicalId = found.get(0);
            } else if (em.find(ChemicalRow.class, chemicalId) == null) {
                v.add("inventory[" + i + "].chemicalId", "reference", "chemical " + chemicalId + " does not exist");
                continue;
            }
            if (!ids.add(chemicalId)) {
                v.add("inventory[" + i + "]", "unique", "inventory lists chemical " + chemicalId + " twice");
            }
            InventoryRow r = new InventoryRow();
            r.key = new InventoryKey(null, chemicalId);
            r.quantityT = it.quantityT();
            rows.add(r);
        }
        v.throwIfInvalid();
        return rows;
    }

    private static void writeInventory(EntityManager em, long unitId, List<InventoryRow> rows) {
        for (InventoryRow r : rows) {
            r.key.unitId = unitId;
            em.persist(r);
        }
    }

    private static Map<Long, List<InventoryItem>> inventories(EntityManager em, List<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select i.key.unitId, c.id, c.cas, c.nameZh, i.quantityT from InventoryRow i, ChemicalRow c "
                + "where c.id = i.key.chemicalId and i.key.unitId in :ids order by c.cas", Object[].class)
                .setParameter("ids", unitIds).getResultList();
        Map<Long, List<InventoryItem>> out = new HashMap<>();
        for (Object[] o : rows) {
            out.computeIfAbsent((Long) o[0], k -> new ArrayList<>())
                    .add(new InventoryItem((Long) o[1], (String) o[2], (String) o[3], (Double) o[4]));
        }
        return out;
    }

    private Unit toUnit(UnitRow r, List<InventoryItem> inventory) {
        return new Unit(r.id, r.enterpriseId, r.code, r.name, UnitType.valueOf(r.type), r.exposedPeople, read(r.geometry),
                inventory, r.version);
    }

    // ---------------------------------------------------------------- equipment

    Page<Equipment> equipment(PageQuery pq, String q, Long unitId, EquipmentType type) {
        return tx.read(em -> new Query<>(EquipmentRow.class).eq("unitId", unitId).eq("type", type == null ? null : type.name())
                .scope(DataScope.current(), "r.unitId in (select u.id from UnitRow u where u.enterpriseId in :ids)")
                .keyword(q, "code", "name").page(em, pq).map(this::toEquipment));
    }

    Equipment equipment(long id) {
        return tx.read(em -> toEquipment(visibleEquipment(em, id)));
    }

    Equipment createEquipment(Equipment e) {
        return tx.write(em -> insertEquipment(em, e));
    }

    Equipment insertEquipment(EntityManager em, Equipment e) {
        validate(e);
        reference(em, UnitRow.class, e.unitId(), "unitId");
        visibleUnit(em, e.unitId());
        unique(em, "EquipmentRow", "code", e.code(), null);
        EquipmentRow r = new EquipmentRow();
        apply(r, e);
        em.persist(r);
        em.flush();
        return toEquipment(r);
    }

    Equipment updateEquipment(long id, Equipment e) {
        validate(e);
        return tx.write(em -> {
            EquipmentRow r = visibleEquipment(em, id);
            checkVersion(e.version(), r.version);
            reference(em, UnitRow.class, e.unitId(), "unitId");
            visibleUnit(em, e.unitId());
            unique(em, "EquipmentRow", "code", e.code(), id);
            apply(r, e);
            em.flush();
            return toEquipment(r);
        });
    }

    void deleteEquipment(long id) {
        tx.write(em -> {
            EquipmentRow r = visibleEquipment(em, id);
            long points = count(em, "select count(r) from PointRow r where r.equipmentId = :id", id);
            if (points > 0) {
                throw ProblemException.conflict("Equipment " + r.code + " still has " + points + " monitoring points; delete or move them first");
            }
            em.remove(r);
            return null;
        });
    }

    private void validate(Equipment e) {
        Validation v = new Validation();
        v.required("unitId", e.unitId());
        code(v, e.code());
        v.required("name", e.name()).maxLength("name", e.name(), 200).required("type", e.type())
                .range("capacityM3", e.capacityM3(), 0, 1_000_000).range("designPressureMPa", e.designPressureMPa(), -0.1, 100)
                .range("designTemperatureC", e.designTemperatureC(), -273.15, 2000);
        geometry(v, "geometry", e.geometry());
        v.throwIfInvalid();
    }

    private void apply(EquipmentRow r, Equipment e) {
        r.unitId = e.unitId();
        r.code = e.code();
        r.name = e.name();
        r.type = e.type().name();
        r.capacityM3 = e.capacityM3();
        r.designPressureMPa = e.designPressureMPa();
        r.designTemperatureC = e.designTemperatureC();
        r.geometry = write(e.geometry());
    }

    private Equipment toEquipment(EquipmentRow r) {
        return new Equipment(r.id, r.unitId, r.code, r.name, EquipmentType.valueOf(r.type), r.capacityM3, r.designPressureMPa,
                r.designTemperatureC, read(r.geometry), r.version);
    }

    // ---------------------------------------------------------------- monitoring points

    Page<MonitoringPoint> points(PageQuery pq, String q, Long equipmentId, Long unitId, Long enterpriseId, PointType type) {
        return tx.read(em -> {
            Page<PointRow> page = new Query<>(PointRow.class).eq("equipmentId", equipmentId).eq("type", type == null ? null : type.name())
                    .scope(DataScope.current(), "r.equipmentId in (select e.id from EquipmentRow e, UnitRow u where e.unitId = u.id and u.enterpriseId in :ids)")
                    .clause("r.equipmentId in (select e.id from EquipmentRow e where e.unitId = :unitId)", "unitId", unitId)
                    .clause("r.equipmentId in (select e.id from EquipmentRow e, UnitRow u where e.unitId = u.id and u.enterpriseId = :ent)",
                            "ent", enterpriseId)
                    .keyword(q, "code", "name").page(em, pq);
            Map<Long, Long[]> owners = owners(em, page.items().stream().map(p -> p.equipmentId).collect(Collectors.toSet()));
            return page.map(p -> toPoint(p, owners.get(p.equipmentId)));
        });
    }

    MonitoringPoint point(long id) {
        return tx.read(em -> {
            PointRow r = visiblePoint(em, id);
            return toPoint(r, owners(em, Set.of(r.equipmentId)).get(r.equipmentId));
        });
    }

    Optional<MonitoringPoint> pointByCode(String code) {
        return tx.read(em -> em.createQuery("select r from PointRow r where r.code = :c", PointRow.class).setParameter("c", code)
                .getResultList().stream().findFirst().map(r -> toPoint(r, owners(em, Set.of(r.equipmentId)).get(r.equipmentId))));
    }

    MonitoringPoint createPoint(MonitoringPoint p) {
        return tx.write(em -> {
            MonitoringPoint saved = insertPoint(em, p);
            return toPoint(em.find(PointRow.class, saved.id()), owners(em, Set.of(saved.equipmentId())).get(saved.equipmentId()));
        });
    }

    /** Inserts without looking up the owners (the bulk demo import does not need them). */
    MonitoringPoint insertPoint(EntityManager em, MonitoringPoint p) {
        validate(p);
        reference(em, EquipmentRow.class, p.equipmentId(), "equipmentId");
        visibleEquipment(em, p.equipmentId());
        if (p.gasChemicalId() != null) {
            reference(em, ChemicalRow.class, p.gasChemicalId(), "gasChemicalId");
        }
        unique(em, "PointRow", "code", p.code(), null);
        PointRow r = new PointRow();
        apply(r, p);
        em.persist(r);
        return toPoint(r, null);
    }

    MonitoringPoint updatePoint(long id, MonitoringPoint p) {
        validate(p);
        return tx.write(em -> {
            PointRow r = visiblePoint(em, id);
            checkVersion(p.version(), r.version);
            reference(em, EquipmentRow.class, p.equipmentId(), "equipmentId");
            visibleEquipment(em, p.equipmentId());
            if (p.gasChemicalId() != null) {
                reference(em, ChemicalRow.class, p.gasChemicalId(), "gasChemicalId");
            }
            unique(em, "PointRow", "code", p.code(), id);
            apply(r, p);
            em.flush();
            return toPoint(r, owners(em, Set.of(r.equipmentId)).get(r.equipmentId));
        });
    }

    void deletePoint(long id) {
        tx.write(em -> {
            em.remove(visiblePoint(em, id));
            return null;
        });
    }

    static void validateLimits(Validation v, Double lo, Double hi, Double ll, Double l, Double h, Double hh) {
        if (lo != null && hi != null && !(lo < hi)) {
            v.add("rangeHigh", "order", "rangeHigh must be greater than rangeLow (" + lo + ")");
            return;
        }
        String[] names = { "ll", "l", "h", "hh" };
        Double[] values = { ll, l, h, hh };
        Double prev = null;
        String prevName = null;
        for (int i = 0; i < 4; i++) {
            Double x = values[i];
            if (x == null) {
                continue;
            }
            if (lo != null && hi != null && (x < lo || x > hi)) {
                v.add(names[i], "range", names[i] + " (" + x + ") must lie inside the measuring range [" + lo + ", " + hi + "]");
            }
            if (prev != null && !(x > prev)) {
                v.add(names[i], "order", "alarm limits must be ordered LL < L < H < HH: " + names[i] + " (" + x + ") is not above "
                        + prevName + " (" + prev + ")");
            }
            prev = x;
            prevName = names[i];
        }
    }

    private void validate(MonitoringPoint p) {
        Validation v = new Validation();
        v.required("equipmentId", p.equipmentId());
        code(v, p.code());
        v.required("name", p.name()).maxLength("name", p.name(), 200).required("type", p.type())
                .required("unit", p.unit()).maxLength("unit", p.unit(), 20)
                .required("rangeLow", p.rangeLow()).required("rangeHigh", p.rangeHigh());
        for (Object[] f : new Object[][] { { "rangeLow", p.rangeLow() }, { "rangeHigh", p.rangeHigh() }, { "ll", p.ll() },
                { "l", p.l() }, { "h", p.h() }, { "hh", p.hh() } }) {
            Double d = (Double) f[1];
            v.check(d == null || Double.isFinite(d), (String) f[0], "finite", f[0] + " must be a finite number");
        }
        if (!v.has("rangeLow") && !v.has("rangeHigh")) {
            validateLimits(v, p.rangeLow(), p.rangeHigh(), p.ll(), p.l(), p.h(), p.hh());
        }
        v.check(p.type() != PointType.TOXIC_GAS || p.gasChemicalId() != null, "gasChemicalId", "required",
                "a TOXIC_GAS detector needs gasChemicalId: the gas it measures");
        geometry(v, "geometry", p.geometry());
        v.throwIfInvalid();
    }

    private void apply(PointRow r, MonitoringPoint p) {
        r.equipmentId = p.equipmentId();
        r.code = p.code();
        r.name = p.name();
        r.type = p.type().name();
        r.unit = p.unit();
        r.rangeLow = p.rangeLow();
        r.rangeHigh = p.rangeHigh();
        r.ll = p.ll();
        r.l = p.l();
        r.h = p.h();
        r.hh = p.hh();
        r.gasChemicalId = p.gasChemicalId();
        r.geometry = write(p.geometry());
    }

    /** equipmentId → {unitId, enterpriseId}. */
    private static Map<Long, Long[]> owners(EntityManager em, Set<Long> equipmentIds) {
        if (equipmentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long[]> out = new HashMap<>();
        em.createQuery("select e.id, u.id, u.enterpriseId from EquipmentRow e, UnitRow u where e.unitId = u.id and e.id in :ids",
                Object[].class).setParameter("ids", equipmentIds).getResultList()
                .forEach(o -> out.put((Long) o[0], new Long[] { (Long) o[1], (Long) o[2] }));
        return out;
    }

    private MonitoringPoint toPoint(PointRow r, Long[] owner) {
        return new MonitoringPoint(r.id, r.equipmentId, r.code, r.name, PointType.valueOf(r.type), r.unit, r.rangeLow, r.rangeHigh,
                r.ll, r.l, r.h, r.hh, r.gasChemicalId, read(r.geometry), r.version, owner == null ? null : owner[0],
                owner == null ? null : owner[1]);
    }

    // ---------------------------------------------------------------- catalog

    Page<CatalogEntry> catalog(PageQuery pq, String q, CatalogCategory category) {
        return tx.read(em -> new Query<>(CatalogRow.class).eq("category", category == null ? null : category.name())
                .keyword(q, "name", "reason", "basis").page(em, pq).map(AssetStore::toCatalog));
    }

    CatalogEntry catalogEntry(long id) {
        return tx.read(em -> toCatalog(find(em, CatalogRow.class, id, "catalog entry")));
    }

    CatalogEntry saveCatalog(Long id, CatalogEntry c) {
        return tx.write(em -> saveCatalog(em, id, c));
    }

    CatalogEntry saveCatalog(EntityManager em, Long id, CatalogEntry c) {
        DataScope.requireParkWide();
        Validation v = new Validation();
        v.required("category", c.category()).required("subjectType", c.subjectType()).required("name", c.name())
                .maxLength("name", c.name(), 300).maxLength("reason", c.reason(), 2000).maxLength("basis", c.basis(), 500);
        v.check(c.subjectType() != CatalogSubject.PROCESS || c.chemicalId() == null, "chemicalId", "forbidden",
                "a PROCESS entry has no chemicalId");
        v.throwIfInvalid();
        if (c.chemicalId() != null) {
            reference(em, ChemicalRow.class, c.chemicalId(), "chemicalId");
        }
        CatalogRow r;
        if (id == null) {
            r = new CatalogRow();
        } else {
            r = find(em, CatalogRow.class, id, "catalog entry");
            checkVersion(c.version(), r.version);
        }
        r.category = c.category().name();
        r.subjectType = c.subjectType().name();
        r.chemicalId = c.chemicalId();
        r.name = c.name();
        r.reason = c.reason();
        r.basis = c.basis();
        if (id == null) {
            em.persist(r);
        }
        em.flush();
        return toCatalog(r);
    }

    void deleteCatalog(long id) {
        DataScope.requireParkWide();
        tx.write(em -> {
            em.remove(find(em, CatalogRow.class, id, "catalog entry"));
            return null;
        });
    }

    private static CatalogEntry toCatalog(CatalogRow r) {
        return new CatalogEntry(r.id, CatalogCategory.valueOf(r.category), CatalogSubject.valueOf(r.subjectType), r.chemicalId,
                r.name, r.reason, r.basis, r.version);
    }

    // ---------------------------------------------------------------- map features

    List<MapFeature> mapFeatures() {
        return tx.read(em -> em.createQuery("select r from MapFeatureRow r order by r.code", MapFeatureRow.class).getResultList()
                .stream().map(r -> new MapFeature(r.id, r.code, r.kind, r.name, read(r.geometry), r.version)).toList());
    }

    MapFeature createMapFeature(MapFeature f) {
        return tx.write(em -> insertMapFeature(em, f));
    }

    MapFeature insertMapFeature(EntityManager em, MapFeature f) {
        DataScope.requireParkWide();
        Validation v = new Validation();
        code(v, f.code());
        v.required("kind", f.kind()).maxLength("kind", f.kind(), 40).required("name", f.name()).required("geometry", f.geometry());
        geometry(v, "geometry", f.geometry());
        v.throwIfInvalid();
        unique(em, "MapFeatureRow", "code", f.code(), null);
        MapFeatureRow r = new MapFeatureRow();
        r.code = f.code();
        r.kind = f.kind();
        r.name = f.name();
        r.geometry = write(f.geometry());
        em.persist(r);
        em.flush();
        return new MapFeature(r.id, r.code, r.kind, r.name, f.geometry(), r.version);
    }

    // ---------------------------------------------------------------- map and statistics

    /** The park map (一张图) as one GeoJSON FeatureCollection; each feature's {@code layer} says what it is. */
    Map<String, Object> map(Set<String> layers) {
        DataScope scope = DataScope.current();
        return tx.read(em -> {
            // park staff see everything: only a restricted caller needs the unit/equipment ownership
            java.util.function.LongPredicate unitVisible = id -> true;
            java.util.function.LongPredicate equipmentVisible = id -> true;
            if (!scope.unrestricted()) {
                Set<Long> units = new HashSet<>();
                Set<Long> equipment = new HashSet<>();
                em.createQuery("select u.id, u.enterpriseId from UnitRow u", Object[].class).getResultList()
                        .forEach(o -> { if (scope.allows((Long) o[1])) units.add((Long) o[0]); });
                em.createQuery("select e.id, e.unitId from EquipmentRow e", Object[].class).getResultList()
                        .forEach(o -> { if (units.contains((Long) o[1])) equipment.add((Long) o[0]); });
                unitVisible = units::contains;
                equipmentVisible = equipment::contains;
            }
            java.util.function.LongPredicate showUnit = unitVisible;
            java.util.function.LongPredicate showEquipment = equipmentVisible;
            List<Map<String, Object>> features = new ArrayList<>();
            if (layers.contains("park")) {
                em.createQuery("select r from ParkRow r", ParkRow.class).getResultList().forEach(p -> feature(features, "park", p.id,
                        p.boundary, Map.of("code", p.code, "name", p.name)));
            }
            if (layers.contains("features")) {
                em.createQuery("select r from MapFeatureRow r", MapFeatureRow.class).getResultList().forEach(f -> feature(features,
                        "features", f.id, f.geometry, Map.of("code", f.code, "kind", f.kind, "name", f.name)));
            }
            if (layers.contains("enterprises")) {
                em.createQuery("select r from EnterpriseRow r", EnterpriseRow.class).getResultList().stream()
                        .filter(e -> scope.allows(e.id)).forEach(e -> feature(features,
                        "enterprises", e.id, e.geometry, Map.of("code", e.code, "name", e.name, "industry", e.industry)));
            }
            if (layers.contains("units")) {
                em.createQuery("select r from UnitRow r", UnitRow.class).getResultList().stream()
                        .filter(u -> showUnit.test(u.id)).forEach(u -> feature(features, "units", u.id,
                        u.geometry, Map.of("code", u.code, "name", u.name, "type", u.type, "enterpriseId", u.enterpriseId)));
            }
            if (layers.contains("equipment")) {
                em.createQuery("select r from EquipmentRow r", EquipmentRow.class).getResultList().stream()
                        .filter(e -> showEquipment.test(e.id)).forEach(e -> feature(features,
                        "equipment", e.id, e.geometry, Map.of("code", e.code, "name", e.name, "type", e.type, "unitId", e.unitId)));
            }
            if (layers.contains("points")) {
                em.createQuery("select r from PointRow r", PointRow.class).getResultList().stream()
                        .filter(p -> showEquipment.test(p.equipmentId)).forEach(p -> feature(features, "points",
                        p.id, p.geometry, Map.of("code", p.code, "name", p.name, "type", p.type, "unit", p.unit, "equipmentId", p.equipmentId)));
            }
            Map<String, Object> fc = new LinkedHashMap<>();
            fc.put("type", "FeatureCollection");
            fc.put("crs", "local-metres");
            fc.put("features", features);
            return fc;
        });
    }

    private void feature(List<Map<String, Object>> out, String layer, Long id, String geometry, Map<String, Object> props) {
        if (geometry == null) {
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>(props);
        p.put("layer", layer);
        p.put("id", id);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", layer + "/" + id);
        f.put("geometry", read(geometry));
        f.put("properties", p);
        out.add(f);
    }

    /**
     * Counts by enterprise, industry, unit type, equipment type and point type (R-F1.1
     * multi-dimension statistics), over the records the caller may see.
     */
    Map<String, Object> statistics() {
        DataScope scope = DataScope.current();
        return tx.read(em -> {
            List<EnterpriseRow> ents = em.createQuery("select r from EnterpriseRow r order by r.code", EnterpriseRow.class).getResultList()
                    .stream().filter(e -> scope.allows(e.id)).toList();
            Set<Long> entIds = ents.stream().map(e -> e.id).collect(Collectors.toSet());
            List<UnitRow> units = em.createQuery("select r from UnitRow r", UnitRow.class).getResultList().stream()
                    .filter(u -> entIds.contains(u.enterpriseId)).toList();
            Map<Long, Long> unitEnterprise = units.stream().collect(Collectors.toMap(u -> u.id, u -> u.enterpriseId));
            List<EquipmentRow> equipment = em.createQuery("select r from EquipmentRow r", EquipmentRow.class).getResultList().stream()
                    .filter(e -> unitEnterprise.containsKey(e.unitId)).toList();
            Map<Long, Long> equipmentEnterprise = equipment.stream().collect(Collectors.toMap(e -> e.id, e -> unitEnterprise.get(e.unitId)));
            List<PointRow> points = em.createQuery("select r from PointRow r", PointRow.class).getResultList().stream()
                    .filter(p -> equipmentEnterprise.containsKey(p.equipmentId)).toList();
            Map<String, Object> s = new LinkedHashMap<>();
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("enterprises", (long) ents.size());
            totals.put("units", (long) units.size());
            totals.put("equipment", (long) equipment.size());
            totals.put("points", (long) points.size());
            totals.put("chemicals", count(em, "select count(r) from ChemicalRow r", null));
            s.put("totals", totals);
            s.put("enterprisesByIndustry", countBy(ents, e -> e.industry));
            s.put("unitsByType", countBy(units, u -> u.type));
            s.put("equipmentByType", countBy(equipment, e -> e.type));
            s.put("pointsByType", countBy(points, p -> p.type));
            List<Map<String, Object>> byEnterprise = new ArrayList<>();
            for (EnterpriseRow e : ents) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("enterpriseId", e.id);
                m.put("code", e.code);
                m.put("name", e.name);
                m.put("industry", e.industry);
                m.put("units", units.stream().filter(u -> u.enterpriseId.equals(e.id)).count());
                m.put("equipment", equipment.stream().filter(q -> e.id.equals(equipmentEnterprise.get(q.id))).count());
                m.put("points", points.stream().filter(p -> e.id.equals(equipmentEnterprise.get(p.equipmentId))).count());
                byEnterprise.add(m);
            }
            s.put("byEnterprise", byEnterprise);
            return s;
        });
    }

    private static <T> Map<String, Long> countBy(List<T> rows, java.util.function.Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.counting()));
    }


    // ---------------------------------------------------------------- AssetService reads

    List<Enterprise> allEnterprises() {
        return tx.read(em -> em.createQuery("select r from EnterpriseRow r order by r.code", EnterpriseRow.class).getResultList()
                .stream().map(this::toEnterprise).toList());
    }

    List<Unit> allUnits() {
        return tx.read(em -> {
            List<UnitRow> rows = em.createQuery("select r from UnitRow r order by r.code", UnitRow.class).getResultList();
            Map<Long, List<InventoryItem>> inv = inventories(em, rows.stream().map(u -> u.id).toList());
            return rows.stream().map(u -> toUnit(u, inv.getOrDefault(u.id, List.of()))).toList();
        });
    }

    List<Equipment> allEquipment() {
        return tx.read(em -> em.createQuery("select r from EquipmentRow r order by r.code", EquipmentRow.class).getResultList()
                .stream().map(this::toEquipment).toList());
    }

    List<MonitoringPoint> allPoints() {
        return tx.read(em -> {
            List<PointRow> rows = em.createQuery("select r from PointRow r order by r.code", PointRow.class).getResultList();
            Map<Long, Long[]> owners = owners(em, rows.stream().map(p -> p.equipmentId).collect(Collectors.toSet()));
            return rows.stream().map(p -> toPoint(p, owners.get(p.equipmentId))).toList();
        });
    }

    List<Chemical> allChemicals() {
        return tx.read(em -> em.createQuery("select r from ChemicalRow r order by r.cas", ChemicalRow.class).getResultList()
                .stream().map(this::toChemical).toList());
    }

    boolean isEmpty() {
        return tx.read(em -> count(em, "select count(r) from ParkRow r", null) == 0
                && count(em, "select count(r) from EnterpriseRow r", null) == 0);
    }

    // ---------------------------------------------------------------- helpers

    private static void code(Validation v, String code) {
        v.required("code", code).pattern("code", code, CODE, "must be 1–64 letters, digits, '.', '_' or '-' (e.g. E01-U02)");
    }

    private static void geometry(Validation v, String field, Map<String, Object> g) {
        String p = GeoJson.problem(g);
        if (p != null) {
            v.add(field, "geojson", field + ": " + p);
        }
    }

    private static EnterpriseRow visibleEnterprise(EntityManager em, long id) {
        EnterpriseRow r = find(em, EnterpriseRow.class, id, "enterprise");
        DataScope.current().check(r.id);
        return r;
    }

    private static UnitRow visibleUnit(EntityManager em, long id) {
        UnitRow r = find(em, UnitRow.class, id, "unit");
        DataScope.current().check(r.enterpriseId);
        return r;
    }

    private static EquipmentRow visibleEquipment(EntityManager em, long id) {
        EquipmentRow r = find(em, EquipmentRow.class, id, "equipment");
        visibleUnit(em, r.unitId);
        return r;
    }

    private static PointRow visiblePoint(EntityManager em, long id) {
        PointRow r = find(em, PointRow.class, id, "monitoring point");
        visibleEquipment(em, r.equipmentId);
        return r;
    }

    private static <R> R find(EntityManager em, Class<R> type, long id, String what) {
        R r = em.find(type, id);
        if (r == null) {
            throw ProblemException.notFound(what, id);
        }
        return r;
    }

    private static void reference(EntityManager em, Class<?> type, Long id, String field) {
        if (id != null && em.find(type, id) == null) {
            throw ProblemException.invalid(List.of(new org.chempark.sdk.rest.FieldError(field, "reference",
                    field + " " + id + " does not exist")));
        }
    }

    private static void unique(EntityManager em, String entity, String field, String value, Long exceptId) {
        List<Long> ids = em.createQuery("select r.id from " + entity + " r where r." + field + " = :v", Long.class)
                .setParameter("v", value).getResultList();
        if (ids.stream().anyMatch(id -> !id.equals(exceptId))) {
            throw ProblemException.conflict(field + " '" + value + "' is already used by another record",
                    new org.chempark.sdk.rest.FieldError(field, "unique", field + " must be unique"));
        }
    }

    private static void checkVersion(Integer given, int current) {
        if (given == null) {
            throw ProblemException.invalid(List.of(new org.chempark.sdk.rest.FieldError("version", "required",
                    "version is required when updating: send the version you read (optimistic locking)")));
        }
        if (given != current) {
            throw ProblemException.conflict("The record was changed by someone else (now version " + current + ", you sent "
                    + given + "); reload it and apply your change again");
        }
    }

    private static long count(EntityManager em, String jpql, Long id) {
        var q = em.createQuery(jpql, Long.class);
        if (id != null) {
            q.setParameter("id", id);
        }
        return q.getSingleResult();
    }

    private String write(Map<String, Object> geometry) {
        if (geometry == null) {
            return null;
        }
        try {
            return json.writeValueAsString(geometry);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("geometry cannot be stored: " + e.getOriginalMessage());
        }
    }

    private Map<String, Object> read(String geometry) {
        if (geometry == null) {
            return null;
        }
        try {
            return json.readValue(geometry, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored geometry is not JSON", e);
        }
    }
}
