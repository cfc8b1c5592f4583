package org.chempark.asset.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.EmbeddedId;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.PrePersist;
import javax.persistence.PreUpdate;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * JPA rows of the asset schema. Flat on purpose: references are ids, not associations, so
 * no lazy proxies cross the REST boundary and every query says what it joins.
 */
final class Rows {
    private Rows() {
    }

    @MappedSuperclass
    abstract static class Base {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;
        @Column(name = "created_at", nullable = false, updatable = false)
        public Instant createdAt;
        @Column(name = "updated_at", nullable = false)
        public Instant updatedAt;
        @Version
        public int version;

        @PrePersist
        void onCreate() {
            createdAt = Instant.now();
            updatedAt = createdAt;
        }

        @PreUpdate
        void onUpdate() {
            updatedAt = Instant.now();
        }
    }

    @Entity(name = "ParkRow")
    @Table(name = "park", schema = "asset")
    static class ParkRow extends Base {
        public String code;
        public String name;
        @Column(name = "name_en")
        public String nameEn;
        public String address;
        @Column(name = "area_km2")
        public Double areaKm2;
        public String crs;
        @Column(name = "origin_lon")
        public Double originLon;
        @Column(name = "origin_lat")
        public Double originLat;
        public String boundary;
    }

    @Entity(name = "ChemicalRow")
    @Table(name = "chemical", schema = "asset")
    static class ChemicalRow extends Base {
        public String cas;
        @Column(name = "name_zh")
        public String nameZh;
        @Column(name = "name_en")
        public String nameEn;
        @Column(name = "un_number")
        public String unNumber;
        @Column(name = "hazard_category")
        public String hazardCategory;
        @Column(name = "critical_quantity_t")
        public Double criticalQuantityT;
        @Column(name = "key_supervised")
        public boolean keySupervised;
    }

    @Entity(name = "EnterpriseRow")
    @Table(name = "enterprise", schema = "asset")
    static class EnterpriseRow extends Base {
        public String code;
        public String name;
        @Column(name = "credit_code")
        public String creditCode;
        public String industry;
        @Column(name = "legal_representative")
        public String legalRepresentative;
        @Column(name = "safety_contact")
        public String safetyContact;
        public String phone;
        public String address;
        public Integer employees;
        public String geometry;
    }

    @Entity(name = "UnitRow")
    @Table(name = "unit", schema = "asset")
    static class UnitRow extends Base {
        @Column(name = "enterprise_id")
        public Long enterpriseId;
        public String code;
        public String name;
        public String type;
        @Column(name = "exposed_people")
        public Integer exposedPeople;
        public String geometry;
    }

    @Embeddable
    static class InventoryKey implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "unit_id")
        public Long unitId;
        @Column(name = "chemical_id")
        public Long chemicalId;

        InventoryKey() {
        }

        InventoryKey(Long unitId, Long chemicalId) {
            this.unitId = unitId;
            this.chemicalId = chemicalId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof InventoryKey k && Objects.equals(unitId, k.unitId) && Objects.equals(chemicalId, k.chemicalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(unitId, chemicalId);
        }
    }

    @Entity(name = "InventoryRow")
    @Table(name = "unit_inventory", schema = "asset")
    static class InventoryRow {
        @EmbeddedId
        public InventoryKey key;
        @Column(name = "quantity_t")
        public Double quantityT;
    }

    @Entity(name = "EquipmentRow")
    @Table(name = "equipment", schema = "asset")
    static class EquipmentRow extends Base {
        @Column(name = "unit_id")
        public Long unitId;
        public String code;
        public String name;
        public String type;
        @Column(name = "capacity_m3")
        public Double capacityM3;
        @Column(name = "design_pressure_mpa")
        public Double designPressureMPa;
        @Column(name = "design_temperature_c")
        public Double designTemperatureC;
        public String geometry;
    }

    @Entity(name = "PointRow")
    @Table(name = "monitoring_point", schema = "asset")
    static class PointRow extends Base {
        @Column(name = "equipment_id")
        public Long equipmentId;
        public String code;
        public String name;
        public String type;
        @Column(name = "unit_of_measure")
        public String unit;
        @Column(name = "range_low")
        public Double rangeLow;
        @Column(name = "range_high")
        public Double rangeHigh;
        @Column(name = "limit_ll")
        public Double ll;
        @Column(name = "limit_l")
        public Double l;
        @Column(name = "limit_h")
        public Double h;
        @Column(name = "limit_hh")
        public Double hh;
        @Column(name = "gas_chemical_id")
        public Long gasChemicalId;
        public String geometry;
    }

    @Entity(name = "CatalogRow")
    @Table(name = "catalog_entry", schema = "asset")
    static class CatalogRow extends Base {
        public String category;
        @Column(name = "subject_type")
        public String subjectType;
        @Column(name = "chemical_id")
        public Long chemicalId;
        public String name;
        public String reason;
        public String basis;
    }

    @Entity(name = "MapFeatureRow")
    @Table(name = "map_feature", schema = "asset")
    static class MapFeatureRow extends Base {
        public String code;
        public String kind;
        public String name;
        public String geometry;
    }
}
