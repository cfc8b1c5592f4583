package org.chempark.asset;

/**
 * 危险化学品 with its GB 18218-2018 data.
 *
 * @param hazardCategory    GB 18218-2018 Table 2 category code (J1…J5, W1.1…W11)
 * @param criticalQuantityT critical quantity Q in tonnes (Table 1, or Table 2 by category)
 * @param keySupervised     on the list of key supervised hazardous chemicals (重点监管危险化学品)
 */
public record Chemical(Long id, String cas, String nameZh, String nameEn, String unNumber, String hazardCategory,
        Double criticalQuantityT, Boolean keySupervised, Integer version) {
}
