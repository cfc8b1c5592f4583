package org.chempark.asset;

import java.util.List;
import java.util.Map;

/**
 * 生产单元 / 储存单元: the unit GB 18218 identifies and grades.
 *
 * @param exposedPeople people exposed within 500 m (for the α factor of GB 18218 grading)
 * @param inventory     chemicals held and their maximum quantities
 */
public record Unit(Long id, Long enterpriseId, String code, String name, UnitType type, Integer exposedPeople,
        Map<String, Object> geometry, List<InventoryItem> inventory, Integer version) {
}
