package org.chempark.hazard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chempark.hazard.HazardAssessment;
import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.risk.RiskFactorType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hazard module's risk factors: {@code hazard.grade} (GB 18218-2018 grade of each major
 * hazard source, as severity 4 for 一级 … 1 for 四级) and {@code hazard.duty-overdue} (包保 duty
 * tasks missed, per hazard source).
 */
@Component(service = RiskFactorProvider.class)
public class HazardFactorProvider implements RiskFactorProvider {
    static final RiskFactorType GRADE = new RiskFactorType("hazard.grade", "重大危险源等级", "Major hazard source grade",
            "severity 1 (四级) … 4 (一级)");
    static final RiskFactorType DUTY_OVERDUE = new RiskFactorType("hazard.duty-overdue", "包保履职逾期任务数",
            "Overdue 包保 duty tasks", "count");

    private final HazardServiceImpl hazards;
    private final DutyComponent duty;

    @Activate
    public HazardFactorProvider(@Reference HazardServiceImpl hazards, @Reference DutyComponent duty) {
        this.hazards = hazards;
        this.duty = duty;
    }

    @Override
    public List<RiskFactorType> types() {
        return List.of(GRADE, DUTY_OVERDUE);
    }

    @Override
    public List<RiskFactor> factors(long enterpriseId) {
        List<RiskFactor> out = new ArrayList<>();
        for (HazardAssessment a : hazards.assessments()) {
            if (a.majorHazardSource() && a.enterpriseId() != null && a.enterpriseId() == enterpriseId && a.grade() != null) {
                out.add(new RiskFactor(GRADE.id(), enterpriseId, a.unitId(), 5 - a.grade(),
                        a.unitCode() + " " + a.unitName() + ": " + a.gradeZh() + "重大危险源 (R = " + a.r() + ")"));
            }
        }
        for (Map.Entry<Long, List<String>> e : duty.store.overdueByUnit(enterpriseId).entrySet()) {
            out.add(new RiskFactor(DUTY_OVERDUE.id(), enterpriseId, e.getKey(), e.getValue().size(),
                    e.getValue().size() + " overdue: " + String.join("; ", e.getValue())));
        }
        return out;
    }
}
