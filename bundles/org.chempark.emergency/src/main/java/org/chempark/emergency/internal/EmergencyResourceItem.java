package org.chempark.emergency.internal;

import java.time.LocalDate;

/**
 * One emergency resource (应急资源, R-F6.2): an expert, a team, a material or a piece of equipment, of
 * an enterprise or of the park ({@code enterpriseId} null).
 *
 * @param category     EXPERT, TEAM, MATERIAL, EQUIPMENT
 * @param code         unique code
 * @param type         expert speciality, team type, material or equipment type (see {@link ResourceTypes})
 * @param organisation expert's organisation
 * @param mobile       expert's mobile number (shown masked without {@code security:sensitive-read})
 * @param members      team size
 * @param quantity     material/equipment quantity in {@code quantityUnit}
 * @param east         location, park frame [m]
 * @param north        location, park frame [m]
 * @param expiryDate   materials: use-by date
 * @param available    declared available (e.g. not out for maintenance)
 * @param usable       read-only: available, not expired and (for stock) quantity above 0
 */
public record EmergencyResourceItem(Long id, String category, Long enterpriseId, String code, String name, String type,
        String organisation, String mobile, Integer members, Double quantity, String quantityUnit, Double east, Double north,
        LocalDate expiryDate, Boolean available, String notes, Integer version, Boolean usable) {

    /** Usable on {@code today}: available, not past its expiry date, and with stock left where stock is counted. */
    boolean usableOn(LocalDate today) {
        return Boolean.TRUE.equals(available) && (expiryDate == null || !expiryDate.isBefore(today))
                && (quantity == null || quantity > 0);
    }

    EmergencyResourceItem withUsable(boolean u) {
        return new EmergencyResourceItem(id, category, enterpriseId, code, name, type, organisation, mobile, members, quantity,
                quantityUnit, east, north, expiryDate, available, notes, version, u);
    }

    EmergencyResourceItem withMobile(String m) {
        return new EmergencyResourceItem(id, category, enterpriseId, code, name, type, organisation, m, members, quantity,
                quantityUnit, east, north, expiryDate, available, notes, version, usable);
    }
}
