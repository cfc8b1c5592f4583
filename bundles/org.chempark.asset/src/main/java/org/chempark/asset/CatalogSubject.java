package org.chempark.asset;

/** What a catalog entry is about: a chemical or a process. */
public enum CatalogSubject { CHEMICAL, PROCESS }
