package org.chempark.asset;

/** 禁限控目录: prohibited 禁止, restricted 限制, controlled 控制. */
public enum CatalogCategory { PROHIBITED, RESTRICTED, CONTROLLED }
