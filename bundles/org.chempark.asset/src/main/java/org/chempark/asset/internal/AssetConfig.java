package org.chempark.asset.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = AssetConfig.PID, name = "ChemPark assets 资产与基础信息")
public @interface AssetConfig {
    String PID = "org.chempark.asset";

    @AttributeDefinition(name = "Load the demo park on first start 首次启动加载示例园区")
    boolean demo_load() default true;
}
