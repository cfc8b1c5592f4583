package org.chempark.asset;

/**
 * One chemical held in a unit. On input give {@code chemicalId} or {@code cas}; output has both.
 *
 * @param quantityT maximum quantity present, tonnes (GB 18218 q)
 */
public record InventoryItem(Long chemicalId, String cas, String nameZh, Double quantityT) {
}
