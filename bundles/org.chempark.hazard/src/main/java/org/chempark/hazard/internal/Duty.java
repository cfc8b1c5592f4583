package org.chempark.hazard.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records of 包保 responsibility (R-F2.1) as the REST API shows them. */
final class Duty {
    private Duty() {
    }

    enum Role {
        /** 主要负责人 */
        PRINCIPAL("主要负责人"),
        /** 技术负责人 */
        TECHNICAL("技术负责人"),
        /** 操作负责人 */
        OPERATIONAL("操作负责人");

        final String zh;

        Role(String zh) {
            this.zh = zh;
        }
    }

    enum Frequency { DAILY, WEEKLY, MONTHLY, QUARTERLY }

    enum TaskStatus { OPEN, DONE, OVERDUE }

    enum ItemResult { OK, ISSUE, NOT_APPLICABLE }

    /** A responsible person; {@code mobile} is masked unless the caller may read personal data. */
    record Person(long id, long unitId, long enterpriseId, Role role, String roleZh, String name, String position, String mobile,
            Long userId, boolean active, int version, Instant updatedAt) {
    }

    /** Input for creating or changing a responsible person. */
    record PersonInput(Long unitId, Role role, String name, String position, String mobile, Long userId, Integer version) {
    }

    record Template(long id, String code, Role role, Frequency frequency, String titleZh, String titleEn, List<String> items,
            String basis, boolean active) {
    }

    record Task(long id, long templateId, String templateCode, String titleZh, long personId, String personName, Role role,
            long unitId, long enterpriseId, LocalDate periodStart, Instant dueAt, TaskStatus status, Instant completedAt,
            boolean late, List<String> items) {
    }

    record RecordItemInput(String item, ItemResult result, String remark) {
    }

    record RecordInput(String summary, List<RecordItemInput> items) {
    }

    record RecordItem(int seq, String item, ItemResult result, String remark) {
    }

    record Attachment(long id, long recordId, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    record DutyRecord(long id, long taskId, String recordedBy, Instant recordedAt, String summary, List<RecordItem> items,
            List<Attachment> attachments) {
    }

    /** Performance of one enterprise or person over a time range. */
    record Stat(String key, String name, long tasks, long done, long doneLate, long overdue, long open, Double completionRate) {
    }

    record SpotCheckInput(String result, String remark) {
    }

    record SpotCheck(long id, long unitId, long enterpriseId, String checkedBy, long organisationId, Instant checkedAt,
            String result, String remark, String snapshot) {
    }
}
