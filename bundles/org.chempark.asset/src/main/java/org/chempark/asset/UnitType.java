package org.chempark.asset;

/** GB 18218-2018 unit kinds: 生产单元 / 储存单元. */
public enum UnitType { PRODUCTION, STORAGE }
