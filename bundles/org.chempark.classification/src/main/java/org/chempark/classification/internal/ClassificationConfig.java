package org.chempark.classification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ClassificationConfig.PID, name = "ChemPark enterprise classification 企业分类监管")
public @interface ClassificationConfig {
    String PID = "org.chempark.classification";

    @AttributeDefinition(name = "Daily commitment deadline 承诺公告截止时间 (HH:mm)")
    String commitment_deadline() default "09:00";

    @AttributeDefinition(name = "Time zone 时区")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Commitment window days 承诺公告统计天数", min = "1", max = "90")
    int window_days() default 7;

    @AttributeDefinition(name = "Recompute minutes 定时重新分类间隔(分钟)", min = "1")
    int recompute_minutes() default 10;
}
