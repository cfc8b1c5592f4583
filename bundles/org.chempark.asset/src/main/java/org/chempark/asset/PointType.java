package org.chempark.asset;

/** What a monitoring point (监测点位) measures. */
public enum PointType { LEVEL, TEMPERATURE, PRESSURE, FLOW, COMBUSTIBLE_GAS, TOXIC_GAS, OXYGEN }
