package org.chempark.hazard.grading;

/** The two kinds of unit GB 18218-2018 identifies (3.x 生产单元 / 储存单元). */
public enum UnitKind {
    /** 生产单元: a plant section bounded by shut-off valves. */
    PRODUCTION_UNIT("生产单元"),
    /** 储存单元: a tank farm bounded by its dike, or a warehouse. */
    STORAGE_UNIT("储存单元");

    private final String nameZh;

    UnitKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
