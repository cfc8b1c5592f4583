package org.chempark.asset;

/** 装置/设备类型: tank 储罐, reactor 反应器, tower 塔, warehouse 仓库, pipe rack 管廊, gate 卡口 … */
public enum EquipmentType { TANK, REACTOR, TOWER, WAREHOUSE, PIPE_RACK, GATE, PUMP, COMPRESSOR, HEAT_EXCHANGER, OTHER }
