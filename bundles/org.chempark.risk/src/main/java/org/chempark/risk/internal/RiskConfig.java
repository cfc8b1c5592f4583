package org.chempark.risk.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@value #PID}. The defaults and their rationale are in
 * {@code docs/risk-and-warnings.md}; every value is validated and an invalid configuration is
 * refused (the last valid one stays in force and {@code GET /api/v1/risk/config} shows why).
 */
@ObjectClassDefinition(id = RiskConfig.PID, name = "ChemPark risk model 风险预警模型")
public @interface RiskConfig {
    String PID = "org.chempark.risk";

    @AttributeDefinition(name = "Factor weights 因子权重", description = "<factor id>=<points per unit of value>[:<max points>]")
    String[] weights() default { "telemetry.active-alarms=20:60", "hazard.grade=7.5:30", "hazard.duty-overdue=5:20",
            "report.open-hidden-dangers=4:20", "work.special-ongoing=5:15" };

    @AttributeDefinition(name = "Weight of factors not listed 未列出因子的权重", description = "points per unit of value")
    double default_weight() default 2;

    @AttributeDefinition(name = "Cap of factors not listed 未列出因子的上限", description = "max points")
    double default_cap() default 10;

    @AttributeDefinition(name = "红 from score", description = "score ≥ this is 红 (重大风险)")
    double threshold_red() default 60;

    @AttributeDefinition(name = "橙 from score", description = "score ≥ this is 橙 (较大风险)")
    double threshold_orange() default 40;

    @AttributeDefinition(name = "黄 from score", description = "score ≥ this is 黄 (一般风险); below is 蓝 (低风险)")
    double threshold_yellow() default 20;

    @AttributeDefinition(name = "Warn from colour 触发预警的颜色", description = "a score that worsens to this colour or worse raises a warning")
    String warning_from() default "ORANGE";

    @AttributeDefinition(name = "Step deadlines 处置时限 (minutes)", description = "<LEVEL>=<verify>,<feedback>,<supervise>,<close> in minutes")
    String[] deadlines() default { "RED=30,120,240,1440", "ORANGE=60,240,480,2880", "YELLOW=240,1440,2880,4320",
            "BLUE=1440,4320,7200,10080" };

    @AttributeDefinition(name = "Remind before deadline 提前提醒 (% of the step time)")
    int reminder_percent() default 20;

    @AttributeDefinition(name = "Recipients of new warnings 预警接收人", description = "<LEVEL>=<recipient>,… (user:, role:, enterprise:, mailto:, sms:); the enterprise itself is always added")
    String[] recipients() default { "RED=role:park-regulator,role:park-admin", "ORANGE=role:park-regulator", "YELLOW=role:park-regulator",
            "BLUE=role:park-regulator" };

    @AttributeDefinition(name = "Escalation targets 超时升级对象", description = "<LEVEL>=<recipient>,…")
    String[] escalation() default { "RED=role:park-admin", "ORANGE=role:park-admin", "YELLOW=role:park-regulator",
            "BLUE=role:park-regulator" };

    @AttributeDefinition(name = "Alarm kinds that raise a warning 触发预警的报警类型")
    String[] alarm_rule_kinds() default { "HH", "LL" };

    @AttributeDefinition(name = "Level of alarm-rule warnings 报警规则预警级别")
    String alarm_rule_level() default "ORANGE";

    @AttributeDefinition(name = "Alarm rule only on major hazard sources 仅重大危险源")
    boolean alarm_rule_major_only() default true;

    @AttributeDefinition(name = "Full recompute period (s) 全量重算周期")
    int recompute_period_s() default 300;
}
