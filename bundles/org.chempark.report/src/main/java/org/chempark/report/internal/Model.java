package org.chempark.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Records of the report module's API (request bodies and answers). */
final class Model {
    private Model() {
    }

    static final String SAFETY_ASSESSMENT = "SAFETY_ASSESSMENT";
    static final String SIL = "SIL";

    /** A file stored with its SHA-256. */
    record FileInfo(long id, String filename, String contentType, long sizeBytes, String sha256, Instant uploadedAt, String uploadedBy) {
    }

    /** A filed 安全评价报告 or SIL 等级评估报告 and its expiry state. */
    record Report(long id, long enterpriseId, Long unitId, String type, String typeZh, String title, String agency, LocalDate issuedOn,
            LocalDate validUntil, String conclusions, String expiry, String expiryZh, Long daysToExpiry, List<FileInfo> files, int version,
            Instant createdAt, String createdBy, Double score) {
    }

    record ReportInput(Long enterpriseId, Long unitId, String type, String title, String agency, LocalDate issuedOn, LocalDate validUntil,
            String conclusions, Integer version) {
    }

    /** 专项督导检查: one special inspection of an enterprise. */
    record Inspection(long id, long enterpriseId, String title, LocalDate inspectedOn, String inspectors, String notes, long hiddenDangers,
            long open, Instant createdAt, String createdBy) {
    }

    record InspectionInput(Long enterpriseId, String title, LocalDate inspectedOn, String inspectors, String notes) {
    }

    /** 隐患 and where it is in its 三录入 workflow. */
    record HiddenDanger(long id, long inspectionId, long enterpriseId, Long unitId, String grade, String gradeZh, String description,
            String location, String basis, LocalDate foundOn, String status, String statusZh, String measures, String responsiblePerson,
            LocalDate deadline, boolean overdue, String feedback, Instant feedbackAt, String verifiedBy, String verificationNote,
            Instant closedAt, List<FileInfo> evidence, List<String> allowedActions, int version, Instant createdAt, String createdBy,
            Double score) {
    }

    /** 三录入 (1) 问题录入: the problem as found. */
    record HiddenDangerInput(Long unitId, String grade, String description, String location, String basis, LocalDate foundOn) {
    }

    /** 三录入 (2) 整改录入: measures, responsible person, deadline. */
    record RectificationInput(String measures, String responsiblePerson, LocalDate deadline, Integer version) {
    }

    /** 整改反馈: what was done (evidence files are uploaded before). */
    record FeedbackInput(String feedback, Integer version) {
    }

    /** 三录入 (3) 验收录入: accepted (closes) or rejected (back to rectification, note required). */
    record VerificationInput(Boolean accepted, String note, Integer version) {
    }

    record HistoryEntry(Instant at, String by, String action, String fromStatus, String toStatus, String note) {
    }

    static String typeZh(String type) {
        return SIL.equals(type) ? "SIL等级评估报告" : "安全评价报告";
    }

    static String expiryZh(String expiry) {
        return switch (expiry) {
            case "DUE" -> "即将到期";
            case "EXPIRED" -> "已过期";
            case "NO_EXPIRY" -> "无有效期";
            default -> "有效";
        };
    }

    static String gradeZh(String grade) {
        return "MAJOR".equals(grade) ? "重大隐患" : "一般隐患";
    }

    static String statusZh(String status) {
        return switch (status) {
            case "RECORDED" -> "已录入待整改";
            case "RECTIFYING" -> "整改中";
            case "SUBMITTED" -> "已反馈待验收";
            case "CLOSED" -> "已验收销号";
            default -> status;
        };
    }
}
