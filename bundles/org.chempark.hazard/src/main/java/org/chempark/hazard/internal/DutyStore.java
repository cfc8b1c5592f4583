package org.chempark.hazard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;

import org.chempark.asset.Unit;
import org.chempark.hazard.internal.Duty.Attachment;
import org.chempark.hazard.internal.Duty.DutyRecord;
import org.chempark.hazard.internal.Duty.Frequency;
import org.chempark.hazard.internal.Duty.ItemResult;
import org.chempark.hazard.internal.Duty.Person;
import org.chempark.hazard.internal.Duty.PersonInput;
import org.chempark.hazard.internal.Duty.RecordInput;
import org.chempark.hazard.internal.Duty.RecordItem;
import org.chempark.hazard.internal.Duty.RecordItemInput;
import org.chempark.hazard.internal.Duty.Role;
import org.chempark.hazard.internal.Duty.Stat;
import org.chempark.hazard.internal.Duty.Task;
import org.chempark.hazard.internal.Duty.TaskStatus;
import org.chempark.hazard.internal.Duty.Template;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.CurrentSubject;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.Sensitive;
import org.chempark.sdk.security.Subject;

/**
 * 包保 responsibility (R-F2.1): responsible persons per hazard source, duty tasks generated per
 * role and schedule, itemised records with evidence attachments, overdue detection, statistics.
 * Every write is one transaction; every read is cut to the caller's {@link DataScope}.
 */
final class DutyStore {
    /** Periods and deadlines are those of the park's local time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Set<String> TASK_SORT = Set.of("dueAt", "periodStart", "status", "id");
    static final Map<String, String> ALLOWED_TYPES = Map.of("image/jpeg", "jpg", "image/png", "png", "application/pdf", "pdf");

    private final Db db;
    private final Clock clock;
    private final LongFunction<Optional<Unit>> units;
    private final Path attachmentDir;
    private final long maxAttachmentBytes;

    DutyStore(Db db, Clock clock, LongFunction<Optional<Unit>> units, Path attachmentDir, long maxAttachmentBytes) {
        this.db = db;
        this.clock = clock;
        this.units = units;
        this.attachmentDir = attachmentDir;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    // ---------------------------------------------------------------- persons

    List<Person> persons(Long unitId, Long enterpriseId, boolean includeInactive) {
        String where = DataScope.current().sqlPredicate("enterprise_id") + (unitId != null ? " AND unit_id = " + unitId : "")
                + (enterpriseId != null ? " AND enterprise_id = " + enterpriseId : "") + (includeInactive ? "" : " AND active");
        return db.tx(c -> Db.list(c, "SELECT * FROM hazard.responsible_person WHERE " + where + " ORDER BY unit_id, role, id",
                DutyStore::person));
    }

    Person person(long id) {
        Person p = db.tx(c -> Db.list(c, "SELECT * FROM hazard.responsible_person WHERE id = ?", DutyStore::person, id)).stream()
                .findFirst().orElseThrow(() -> ProblemException.notFound("responsible person", id));
        DataScope.current().check(p.enterpriseId());
        return p;
    }

    Person createPerson(PersonInput in) {
        Unit unit = validate(in, true);
        long id = db.tx(c -> Db.insert(c, "INSERT INTO hazard.responsible_person (unit_id, enterprise_id, role, name, position, mobile, user_id) "
                + "VALUES (?,?,?,?,?,?,?)", unit.id(), unit.enterpriseId(), in.role(), in.name().strip(), in.position().strip(),
                in.mobile().strip(), in.userId()));
        return person(id);
    }

    Person updatePerson(long id, PersonInput in) {
        Person before = person(id);
        if (in.version() == null) {
            throw ProblemException.invalid(List.of(new FieldError("version", "required",
                    "send the version you read (optimistic locking); reload the person to get it")));
        }
        validate(new PersonInput(before.unitId(), before.role(), in.name(), in.position(), in.mobile(), in.userId(), in.version()), false);
        int n = db.tx(c -> Db.update(c, "UPDATE hazard.responsible_person SET name = ?, position = ?, mobile = ?, user_id = ?, "
                + "version = version + 1, updated_at = now() WHERE id = ? AND version = ? AND active", in.name().strip(),
                in.position().strip(), in.mobile().strip(), in.userId(), id, in.version()));
        if (n == 0) {
            throw ProblemException.conflict("The responsible person was changed or removed by someone else meanwhile; reload and apply "
                    + "your change again");
        }
        return person(id);
    }

    /** Ends a person's responsibility (kept for the records of past tasks); open tasks stay with the record. */
    void deactivatePerson(long id) {
        person(id);
        db.tx(c -> Db.update(c, "UPDATE hazard.responsible_person SET active = false, version = version + 1, updated_at = now() "
                + "WHERE id = ?", id));
    }

    private Unit validate(PersonInput in, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        Unit unit = null;
        if (creating) {
            if (in.unitId() == null) {
                errors.add(new FieldError("unitId", "required", "give the unit (hazard source) the person is responsible for"));
            } else {
                unit = units.apply(in.unitId()).orElse(null);
                if (unit == null || !DataScope.current().allows(unit.enterpriseId())) {
                    errors.add(new FieldError("unitId", "exists", "unit " + in.unitId() + " does not exist"));
                    unit = null;
                }
            }
            if (in.role() == null) {
                errors.add(new FieldError("role", "enum", "role must be PRINCIPAL (主要负责人), TECHNICAL (技术负责人) or OPERATIONAL (操作负责人)"));
            }
        }
        text(errors, "name", in.name(), 100);
        text(errors, "position", in.position(), 100);
        if (!Sensitive.isValidMobile(in.mobile() == null ? null : in.mobile().strip())) {
            errors.add(new FieldError("mobile", "pattern", "mobile must be an 11-digit mainland mobile number starting with 1[3-9]"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return unit;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", field + " must not be empty"));
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "length", field + " must be at most " + max + " characters"));
        }
    }

    private static Person person(ResultSet rs) throws SQLException {
        Role role = Role.valueOf(rs.getString("role"));
        return new Person(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("enterprise_id"), role, role.zh, rs.getString("name"),
                rs.getString("position"), Sensitive.mobile(rs.getString("mobile")), Db.longOrNull(rs, "user_id"),
                rs.getBoolean("active"), rs.getInt("version"), Db.instant(rs, "updated_at"));
    }

    // ---------------------------------------------------------------- templates and tasks

    List<Template> templates() {
        return db.tx(c -> Db.list(c, "SELECT * FROM hazard.duty_template ORDER BY role, frequency, id", rs -> new Template(rs.getLong("id"),
                rs.getString("code"), Role.valueOf(rs.getString("role")), Frequency.valueOf(rs.getString("frequency")),
                rs.getString("title_zh"), rs.getString("title_en"), rs.getString("items").lines().toList(), rs.getString("basis"),
                rs.getBoolean("active"))));
    }

    /** First day of the period {@code day} falls in. */
    static LocalDate periodStart(Frequency f, LocalDate day) {
        return switch (f) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
        };
    }

    /** The end of the period (exclusive): the task is due before it. */
    static Instant periodEnd(Frequency f, LocalDate start) {
        LocalDate next = switch (f) {
            case DAILY -> start.plusDays(1);
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
        };
        return next.atStartOfDay(ZONE).toInstant();
    }

    /**
     * Creates the current period's task of every active template for every active person of its
     * role (idempotent), and marks open tasks past their deadline OVERDUE.
     *
     * @return the enterprises whose tasks changed
     */
    Set<Long> generateAndMarkOverdue() {
        return runSchedule().enterprises();
    }

    /** A task that has just become overdue, with whom to tell. */
    record OverdueTask(long taskId, long enterpriseId, long unitId, String personName, Long personUserId, String titleZh, Instant dueAt) {
    }

    /** What one run of the schedule changed. */
    record ScheduleRun(Set<Long> enterprises, List<OverdueTask> overdue) {
    }

    /** {@link #generateAndMarkOverdue()} with the tasks that became overdue in this run. */
    ScheduleRun runSchedule() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        return db.tx(c -> {
            Set<Long> changed = new TreeSet<>();
            for (Frequency f : Frequency.values()) {
                LocalDate start = periodStart(f, today);
                changed.addAll(Db.list(c, "INSERT INTO hazard.duty_task (template_id, person_id, unit_id, enterprise_id, period_start, due_at) "
                        + "SELECT t.id, p.id, p.unit_id, p.enterprise_id, ?, ? FROM hazard.duty_template t "
                        + "JOIN hazard.responsible_person p ON p.role = t.role AND p.active WHERE t.active AND t.frequency = ? "
                        + "ON CONFLICT (template_id, person_id, period_start) DO NOTHING RETURNING enterprise_id",
                        rs -> rs.getLong(1), start, periodEnd(f, start), f));
            }
            List<OverdueTask> overdue = Db.list(c, "WITH o AS (UPDATE hazard.duty_task SET status = 'OVERDUE' WHERE status = 'OPEN' AND due_at <= ? "
                    + "RETURNING id, enterprise_id, unit_id, person_id, template_id, due_at) SELECT o.id, o.enterprise_id, o.unit_id, p.name, p.user_id, "
                    + "t.title_zh, o.due_at FROM o JOIN hazard.responsible_person p ON p.id = o.person_id JOIN hazard.duty_template t ON t.id = o.template_id "
                    + "ORDER BY o.enterprise_id, o.id", rs -> new OverdueTask(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            Db.longOrNull(rs, "user_id"), rs.getString(6), Db.instant(rs, "due_at")), now);
            overdue.forEach(o -> changed.add(o.enterpriseId()));
            return new ScheduleRun(changed, overdue);
        });
    }

    Page<Task> tasks(PageQuery q, TaskStatus status, Long enterpriseId, Long unitId, Long personId) {
        StringBuilder where = new StringBuilder(DataScope.current().sqlPredicate("k.enterprise_id"));
        List<Object> params = new ArrayList<>();
        if (status != null) {
            where.append(" AND k.status = ?");
            params.add(status);
        }
        if (enterpriseId != null) {
            where.append(" AND k.enterprise_id = ?");
            params.add(enterpriseId);
        }
        if (unitId != null) {
            where.append(" AND k.unit_id = ?");
            params.add(unitId);
        }
        if (personId != null) {
            where.append(" AND k.person_id = ?");
            params.add(personId);
        }
        String order = q.sort().isEmpty() ? "k.due_at DESC, k.id DESC"
                : String.join(", ", q.sort().stream().map(s -> switch (s.field()) {
                    case "dueAt" -> "k.due_at";
                    case "periodStart" -> "k.period_start";
                    case "status" -> "k.status";
                    default -> "k.id";
                } + (s.ascending() ? " ASC" : " DESC")).toList()) + ", k.id";
        return db.tx(c -> {
            long total = Db.list(c, "SELECT count(*) FROM hazard.duty_task k WHERE " + where, rs -> rs.getLong(1), params.toArray()).get(0);
            List<Object> p2 = new ArrayList<>(params);
            p2.add(q.size());
            p2.add(q.offset());
            List<Task> items = Db.list(c, TASK_SELECT + " WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?", DutyStore::task,
                    p2.toArray());
            return new Page<>(items, total, q.page(), q.size());
        });
    }

    private static final String TASK_SELECT = "SELECT k.*, t.code, t.title_zh, t.items, p.name AS person_name, p.role "
            + "FROM hazard.duty_task k JOIN hazard.duty_template t ON t.id = k.template_id "
            + "JOIN hazard.responsible_person p ON p.id = k.person_id";

    Task task(long id) {
        Task t = db.tx(c -> Db.list(c, TASK_SELECT + " WHERE k.id = ?", DutyStore::task, id)).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("duty task", id));
        DataScope.current().check(t.enterpriseId());
        return t;
    }

    private static Task task(ResultSet rs) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("template_id"), rs.getString("code"), rs.getString("title_zh"), rs.getLong("person_id"),
                rs.getString("person_name"), Role.valueOf(rs.getString("role")), rs.getLong("unit_id"), rs.getLong("enterprise_id"),
                rs.getObject("period_start", LocalDate.class), Db.instant(rs, "due_at"), TaskStatus.valueOf(rs.getString("status")),
                Db.instant(rs, "completed_at"), rs.getBoolean("late"), rs.getString("items").lines().toList());
    }

    // ---------------------------------------------------------------- records and attachments

    /**
     * Records the performance of a task, item by item. An overdue task can still be recorded (it
     * counts as done late); a task recorded once cannot be recorded again (409).
     */
    DutyRecord record(long taskId, RecordInput in) {
        Subject me = CurrentSubject.get();
        Task task = task(taskId);
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.items() == null || in.items().isEmpty()) {
            errors.add(new FieldError("items", "required", "record every check item of the task: " + task.items()));
        } else {
            for (int i = 0; i < in.items().size(); i++) {
                RecordItemInput it = in.items().get(i);
                if (it == null || it.item() == null || it.item().isBlank() || it.item().length() > 500) {
                    errors.add(new FieldError("items[" + i + "].item", "required", "item must be 1 to 500 characters"));
                }
                if (it == null || it.result() == null) {
                    errors.add(new FieldError("items[" + i + "].result", "enum", "result must be OK, ISSUE or NOT_APPLICABLE"));
                } else if (it.result() == ItemResult.ISSUE && (it.remark() == null || it.remark().isBlank())) {
                    errors.add(new FieldError("items[" + i + "].remark", "required", "describe the issue found in the remark"));
                }
            }
            Set<String> covered = new LinkedHashSet<>();
            in.items().stream().filter(it -> it != null && it.item() != null).forEach(it -> covered.add(it.item().strip()));
            List<String> missing = task.items().stream().filter(item -> !covered.contains(item)).toList();
            if (!missing.isEmpty()) {
                errors.add(new FieldError("items", "complete", "these check items of the task are not recorded: " + missing));
            }
        }
        if (in != null && in.summary() != null && in.summary().length() > 2000) {
            errors.add(new FieldError("summary", "length", "summary must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = clock.instant();
        long recordId = db.tx(c -> {
            int n = Db.update(c, "UPDATE hazard.duty_task SET status = 'DONE', completed_at = ?, late = (? > due_at) "
                    + "WHERE id = ? AND status <> 'DONE'", now, now, taskId);
            if (n == 0) {
                throw ProblemException.conflict("Task " + taskId + " is already recorded; add evidence to its record instead");
            }
            long id = Db.insert(c, "INSERT INTO hazard.duty_record (task_id, recorded_by, recorded_by_user, recorded_at, summary) "
                    + "VALUES (?,?,?,?,?)", taskId, me.username(), me.userId(), now, in.summary());
            int seq = 1;
            for (RecordItemInput it : in.items()) {
                Db.update(c, "INSERT INTO hazard.duty_record_item (record_id, seq, item, result, remark) VALUES (?,?,?,?,?)", id, seq++,
                        it.item().strip(), it.result(), it.remark());
            }
            return id;
        });
        return dutyRecord(recordId);
    }

    DutyRecord recordOfTask(long taskId) {
        task(taskId);
        Long id = db.tx(c -> Db.list(c, "SELECT id FROM hazard.duty_record WHERE task_id = ?", rs -> rs.getLong(1), taskId)).stream()
                .findFirst().orElseThrow(() -> ProblemException.notFound("record of duty task", taskId));
        return dutyRecord(id);
    }

    DutyRecord dutyRecord(long id) {
        return db.tx(c -> {
            List<Object[]> head = Db.list(c, "SELECT r.task_id, r.recorded_by, r.recorded_at, r.summary, k.enterprise_id FROM hazard.duty_record r "
                    + "JOIN hazard.duty_task k ON k.id = r.task_id WHERE r.id = ?", rs -> new Object[] { rs.getLong(1), rs.getString(2),
                            Db.instant(rs, "recorded_at"), rs.getString(4), rs.getLong(5) }, id);
            if (head.isEmpty()) {
                throw ProblemException.notFound("duty record", id);
            }
            Object[] h = head.get(0);
            DataScope.current().check((Long) h[4]);
            List<RecordItem> items = Db.list(c, "SELECT seq, item, result, remark FROM hazard.duty_record_item WHERE record_id = ? ORDER BY seq",
                    rs -> new RecordItem(rs.getInt(1), rs.getString(2), ItemResult.valueOf(rs.getString(3)), rs.getString(4)), id);
            return new DutyRecord(id, (Long) h[0], (String) h[1], (Instant) h[2], (String) h[3], items, attachments(c, id));
        });
    }

    private static List<Attachment> attachments(Connection c, long recordId) throws SQLException {
        return Db.list(c, "SELECT * FROM hazard.duty_attachment WHERE record_id = ? ORDER BY id", DutyStore::attachment, recordId);
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("record_id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"), Db.instant(rs, "uploaded_at"));
    }

    /**
     * Stores one evidence file of a record under the data folder, named by its SHA-256, after
     * checking its size and that its content really is the declared type (JPEG, PNG or PDF).
     */
    Attachment attach(long recordId, String fileName, String contentType, InputStream body) {
        Subject me = CurrentSubject.get();
        dutyRecord(recordId); // 404 outside the scope
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!ALLOWED_TYPES.containsKey(type)) {
            errors.add(new FieldError("Content-Type", "enum", "evidence must be sent as one of " + new TreeSet<>(ALLOWED_TYPES.keySet())
                    + ", got '" + type + "'"));
        }
        if (fileName == null || fileName.isBlank() || fileName.length() > 200 || fileName.contains("/") || fileName.contains("\\")) {
            errors.add(new FieldError("fileName", "pattern", "fileName must be a plain file name of 1 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Path tmp = null;
        try {
            Files.createDirectories(attachmentDir);
            tmp = Files.createTempFile(attachmentDir, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            byte[] head = new byte[8];
            int headLen;
            try (InputStream in = new DigestInputStream(body, sha); var out = Files.newOutputStream(tmp)) {
                headLen = in.readNBytes(head, 0, head.length);
                out.write(head, 0, headLen);
                size = headLen;
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0;) {
                    size += n;
                    if (size > maxAttachmentBytes) {
                        throw new ProblemException(413, "Payload too large", "An evidence file may be at most " + maxAttachmentBytes
                                + " bytes; compress the photo or split the document", List.of(new FieldError("body", "size", "too large")));
                    }
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) {
                throw ProblemException.invalid(List.of(new FieldError("body", "required", "the file is empty")));
            }
            if (!magicMatches(type, head, headLen)) {
                throw ProblemException.invalid(List.of(new FieldError("body", "content", "the file content is not " + type
                        + " (its first bytes do not match); send the real file with its real Content-Type")));
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Path target = attachmentDir.resolve(hex.substring(0, 2)).resolve(hex + "." + ALLOWED_TYPES.get(type));
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            final long sz = size;
            long id = db.tx(c -> Db.insert(c, "INSERT INTO hazard.duty_attachment (record_id, file_name, content_type, size_bytes, sha256, "
                    + "stored_path, uploaded_by) VALUES (?,?,?,?,?,?,?)", recordId, fileName.strip(), type, sz, hex,
                    attachmentDir.relativize(target).toString(), me.username()));
            return db.tx(c -> Db.list(c, "SELECT * FROM hazard.duty_attachment WHERE id = ?", DutyStore::attachment, id)).get(0);
        } catch (IOException e) {
            throw new IllegalStateException("evidence could not be stored: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless
                }
            }
        }
    }

    static boolean magicMatches(String type, byte[] h, int n) {
        return switch (type) {
            case "image/jpeg" -> n >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF;
            case "image/png" -> n >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G';
            case "application/pdf" -> n >= 5 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F' && h[4] == '-';
            default -> false;
        };
    }

    /** The stored evidence file, checked against its SHA-256. */
    record StoredFile(Attachment meta, byte[] content) {
    }

    StoredFile file(long attachmentId) {
        Attachment a = db.tx(c -> Db.list(c, "SELECT * FROM hazard.duty_attachment WHERE id = ?", DutyStore::attachment, attachmentId))
                .stream().findFirst().orElseThrow(() -> ProblemException.notFound("attachment", attachmentId));
        dutyRecord(a.recordId()); // scope
        String rel = db.tx(c -> Db.list(c, "SELECT stored_path FROM hazard.duty_attachment WHERE id = ?", rs -> rs.getString(1),
                attachmentId)).get(0);
        try {
            byte[] bytes = Files.readAllBytes(attachmentDir.resolve(rel));
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!hex.equals(a.sha256())) {
                throw ProblemException.conflict("The stored file of attachment " + attachmentId + " no longer matches its SHA-256 "
                        + "checksum; it was altered on disk. Restore it from the backup");
            }
            return new StoredFile(a, bytes);
        } catch (IOException e) {
            throw ProblemException.notFound("file of attachment", attachmentId);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- statistics

    /**
     * Performance by enterprise ({@code by=enterprise}) or person ({@code by=person}) of the tasks
     * whose period starts in {@code [from, to)}.
     */
    List<Stat> statistics(String by, LocalDate from, LocalDate to) {
        String key = switch (by == null ? "enterprise" : by) {
            case "enterprise" -> "k.enterprise_id::text";
            case "person" -> "k.person_id::text";
            case "role" -> "p.role";
            case "unit" -> "k.unit_id::text";
            default -> throw ProblemException.invalid(List.of(new FieldError("by", "enum", "by must be enterprise, person, role, unit or grade")));
        };
        String name = by == null || by.equals("enterprise") ? "k.enterprise_id::text" : by.equals("person") ? "max(p.name)"
                : by.equals("unit") ? "k.unit_id::text" : "p.role";
        LocalDate f = from == null ? LocalDate.of(1970, 1, 1) : from;
        LocalDate t = to == null ? LocalDate.of(9999, 1, 1) : to;
        if (!f.isBefore(t)) {
            throw ProblemException.invalid(List.of(new FieldError("to", "range", "to must be after from")));
        }
        return db.tx(c -> Db.list(c, "SELECT " + key + " AS k, " + name + " AS n, count(*), count(*) FILTER (WHERE k.status = 'DONE'), "
                + "count(*) FILTER (WHERE k.status = 'DONE' AND k.late), count(*) FILTER (WHERE k.status = 'OVERDUE'), "
                + "count(*) FILTER (WHERE k.status = 'OPEN') FROM hazard.duty_task k JOIN hazard.responsible_person p ON p.id = k.person_id "
                + "WHERE " + DataScope.current().sqlPredicate("k.enterprise_id") + " AND k.period_start >= ? AND k.period_start < ? "
                + "GROUP BY " + key + " ORDER BY 1", rs -> {
                    long total = rs.getLong(3);
                    long done = rs.getLong(4);
                    long open = rs.getLong(7);
                    long due = total - open;
                    return new Stat(rs.getString(1), rs.getString(2), total, done, rs.getLong(5), rs.getLong(6), open,
                            due == 0 ? null : Math.round(1000.0 * done / due) / 1000.0);
                }, f, t));
    }

    /** Overdue tasks per hazard source of one enterprise (for the risk factor {@code hazard.duty-overdue}). */
    Map<Long, List<String>> overdueByUnit(long enterpriseId) {
        return db.tx(c -> {
            Map<Long, List<String>> out = new LinkedHashMap<>();
            for (Object[] row : Db.list(c, "SELECT k.unit_id, p.name, t.title_zh, k.period_start FROM hazard.duty_task k "
                    + "JOIN hazard.duty_template t ON t.id = k.template_id JOIN hazard.responsible_person p ON p.id = k.person_id "
                    + "WHERE k.enterprise_id = ? AND k.status = 'OVERDUE' ORDER BY k.unit_id, k.period_start", rs -> new Object[] {
                            rs.getLong(1), rs.getString(2) + " " + rs.getString(3) + " (" + rs.getObject(4, LocalDate.class) + ")" },
                    enterpriseId)) {
                out.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
            }
            return out;
        });
    }
}
