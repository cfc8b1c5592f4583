package org.chempark.classification.internal;

import java.util.ArrayList;
import java.util.List;

import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.risk.RiskFactorType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The factors this module knows: commitments (安全承诺公告) and the latest 100-point diagnosis. */
@Component(service = RiskFactorProvider.class)
public class OwnFactors implements RiskFactorProvider {
    static final RiskFactorType MISSED = new RiskFactorType("classification.missed-commitments", "未按要求发布承诺公告天数",
            "Days without a signed safety commitment", "count");
    static final RiskFactorType LATE = new RiskFactorType("classification.late-commitments", "迟报承诺公告次数", "Late safety commitments", "count");
    static final RiskFactorType UNCONTROLLED = new RiskFactorType("classification.uncontrolled-hazard-sources", "承诺公告重大危险源未受控",
            "Commitment says major hazard sources are not under control", "flag");
    static final RiskFactorType DIAGNOSIS = new RiskFactorType("classification.diagnosis-level", "安全风险评估诊断等级",
            "Risk diagnosis level (4 red … 1 blue)", "grade");

    private final Stores stores;

    @Activate
    public OwnFactors(@Reference ClassificationData data) {
        this(data.stores);
    }

    OwnFactors(Stores stores) {
        this.stores = stores;
    }

    @Override
    public List<RiskFactorType> types() {
        return List.of(MISSED, LATE, UNCONTROLLED, DIAGNOSIS);
    }

    @Override
    public List<RiskFactor> factors(long enterpriseId) {
        Stores.CommitmentFacts f = stores.facts(enterpriseId);
        List<RiskFactor> out = new ArrayList<>();
        out.add(new RiskFactor(MISSED.id(), enterpriseId, null, f.missed(), "近" + f.days() + "日未发布或未签署: " + f.missedDays()));
        out.add(new RiskFactor(LATE.id(), enterpriseId, null, f.late(), f.late() + " 次迟于截止时间发布"));
        out.add(new RiskFactor(UNCONTROLLED.id(), enterpriseId, null, f.latestUncontrolled() ? 1 : 0,
                f.latestUncontrolled() ? "最近一次承诺公告称重大危险源未处于受控状态" : "重大危险源受控"));
        Model.DiagnosisRecord d = stores.latestDiagnoses().get(enterpriseId);
        if (d != null) {
            out.add(new RiskFactor(DIAGNOSIS.id(), enterpriseId, null, Diagnosis.rank(d.level()),
                    d.assessedOn() + " 诊断 " + d.score() + " 分, " + d.levelZh()));
        }
        return out;
    }
}
