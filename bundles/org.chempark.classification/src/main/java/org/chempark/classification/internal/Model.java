package org.chempark.classification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Records of the classification API. */
final class Model {
    private Model() {
    }

    /** GB 30871-2022 special work types and their Chinese names. */
    static final Map<String, String> SPECIAL_WORK = Map.of("hot-work", "动火作业", "confined-space", "受限空间作业", "blinding", "盲板抽堵作业",
            "work-at-height", "高处作业", "lifting", "吊装作业", "temporary-power", "临时用电作业", "excavation", "动土作业", "road-closure", "断路作业");

    static final Map<String, String> OPERATING_STATES = Map.of("PRODUCTION", "正常生产", "SHUTDOWN", "停产", "START_UP", "开车",
            "TRIAL_PRODUCTION", "试生产", "TURNAROUND", "大检修");

    /** 安全承诺公告: one enterprise's daily filing. */
    record Commitment(long id, long enterpriseId, LocalDate day, String operatingState, String operatingStateZh, int unitsRunning, int unitsStopped,
            int majorHazardSources, boolean hazardSourcesControlled, Map<String, Integer> specialWork, int specialWorkTotal, String principal,
            boolean signed, String statement, Instant filedAt, boolean late, String filedBy) {
    }

    record CommitmentInput(Long enterpriseId, LocalDate day, String operatingState, Integer unitsRunning, Integer unitsStopped,
            Integer majorHazardSources, Boolean hazardSourcesControlled, Map<String, Integer> specialWork, String principal, Boolean signed,
            String statement) {
    }

    /**
     * A stored 100-point diagnosis: its deduction and bonus rows (points before the 项目 cap), the capped deductions,
     * the bonuses (both null for diagnoses recorded before bonus rows existed) and the score.
     */
    record DiagnosisRecord(long id, long enterpriseId, LocalDate assessedOn, String assessor, List<Diagnosis.Finding> deductions,
            List<String> directRed, double score, String level, String levelZh, List<String> explanation, Instant createdAt, String createdBy,
            List<Diagnosis.Finding> bonuses, Double deducted, Double added) {
    }

    /** A diagnosis to record; {@code bonuses} (加分 rows) may be left out. */
    record DiagnosisInput(Long enterpriseId, LocalDate assessedOn, String assessor, List<Diagnosis.Finding> deductions, List<String> directRed,
            List<Diagnosis.Finding> bonuses) {
    }

    /** The current classification of one enterprise. */
    record Classification(long enterpriseId, String enterpriseName, String clazz, String classZh, String colour, List<Rules.Fired> fired,
            List<String> notEvaluated, String diagnosisLevel, String diagnosisLevelZh, Double diagnosisScore, Instant computedAt) {
    }

    static String classColour(String clazz) {
        return switch (clazz) {
            case Rules.SPECIAL_CONTROL -> "#e02020";
            case Rules.KEY_ATTENTION -> "#fa8c16";
            default -> "#1677ff";
        };
    }

    static String levelColour(String level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case "RED" -> "#e02020";
            case "ORANGE" -> "#fa8c16";
            case "YELLOW" -> "#fadb14";
            default -> "#1677ff";
        };
    }
}
