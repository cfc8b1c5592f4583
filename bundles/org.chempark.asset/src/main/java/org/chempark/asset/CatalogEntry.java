package org.chempark.asset;

/** One entry of the park's 禁限控 catalog (prohibited/restricted/controlled chemicals and processes). */
public record CatalogEntry(Long id, CatalogCategory category, CatalogSubject subjectType, Long chemicalId, String name,
        String reason, String basis, Integer version) {
}
