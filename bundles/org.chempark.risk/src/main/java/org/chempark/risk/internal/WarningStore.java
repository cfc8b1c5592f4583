package org.chempark.risk.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.chempark.risk.internal.Model.Colour;
import org.chempark.risk.internal.Model.Settings;
import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.CurrentSubject;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.Subject;

/**
 * Warning handling (R-F2.3, 预警信息处置): a warning is sent (发送) and then verified (核查),
 * answered with feedback (反馈), supervised (督办) and closed (关闭), strictly in this order. Each
 * step has a deadline by level; a reminder goes out before it and an escalation after it. Every
 * step is recorded with who, which organisation, when and what. Two people acting on one warning
 * at once: the first wins, the second gets 409 and the state is that of the first.
 */
final class WarningStore {
    enum State {
        SENT("已发送"), VERIFIED("已核查"), FEEDBACK("已反馈"), SUPERVISED("已督办"), CLOSED("已关闭");

        final String zh;

        State(String zh) {
            this.zh = zh;
        }
    }

    enum Source { RISK_MODEL, ALARM_RULE }

    /** The four handling steps; {@code step} indexes the deadlines. */
    enum Action {
        VERIFY(State.SENT, State.VERIFIED, 0, "risk:write", "核查"),
        FEEDBACK(State.VERIFIED, State.FEEDBACK, 1, "risk:write", "反馈"),
        SUPERVISE(State.FEEDBACK, State.SUPERVISED, 2, "risk:handle", "督办"),
        CLOSE(State.SUPERVISED, State.CLOSED, 3, "risk:close", "关闭");

        final State from;
        final State to;
        final int step;
        final String permission;
        final String zh;

        Action(State from, State to, int step, String permission, String zh) {
            this.from = from;
            this.to = to;
            this.step = step;
            this.permission = permission;
            this.zh = zh;
        }

        static Action after(State s) {
            for (Action a : values()) {
                if (a.from == s) {
                    return a;
                }
            }
            return null;
        }

        /** Verify and feedback are the enterprise's; supervision and closing are the park's. */
        boolean parkOnly() {
            return this == SUPERVISE || this == CLOSE;
        }
    }

    record Step(String action, State fromState, State toState, long actorUserId, String actorName, long organisationId, Instant at,
            String remark) {
    }

    record Warning(long id, long enterpriseId, Long unitId, Colour level, String levelZh, Source source, String sourceRef, String title,
            String detail, State state, String stateZh, Instant stepDueAt, boolean overdue, int version, Instant createdAt, Instant closedAt,
            List<Action> allowedActions, List<Step> steps) {
    }

    record ActionInput(String action, Integer version, String remark) {
    }

    static final Set<String> SORT = Set.of("createdAt", "level", "state", "stepDueAt", "id");

    private final Db db;
    private final Clock clock;
    private final Supplier<Settings> settings;
    private final Consumer<Notification> notifier;

    WarningStore(Db db, Clock clock, Supplier<Settings> settings, Consumer<Notification> notifier) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.notifier = notifier;
    }

    /**
     * Raises a warning, or raises the level of the open one of the same hazard source and source
     * when the new level is worse. Runs as the platform.
     *
     * @return the warning id, or -1 when an open warning at this level or worse already exists
     */
    long raise(Colour level, Source source, String sourceRef, long enterpriseId, Long unitId, String title, String detail) {
        Settings s = settings.get();
        Instant now = clock.instant();
        Subject system = Subject.system("risk");
        for (int attempt = 0;; attempt++) {
            try {
                Object[] result = db.tx(c -> {
                    List<Object[]> open = Db.list(c, "SELECT id, level, state FROM risk.warning WHERE enterprise_id = ? AND coalesce(unit_id, 0) = ? "
                            + "AND source = ? AND state <> 'CLOSED' FOR UPDATE", rs -> new Object[] { rs.getLong(1),
                                    Colour.valueOf(rs.getString(2)), State.valueOf(rs.getString(3)) }, enterpriseId, unitId == null ? 0L : unitId,
                            source);
                    if (!open.isEmpty()) {
                        long id = (Long) open.get(0)[0];
                        Colour had = (Colour) open.get(0)[1];
                        State state = (State) open.get(0)[2];
                        if (!level.worseThan(had)) {
                            return new Object[] { -1L, null };
                        }
                        Action next = Action.after(state);
                        Instant due = now.plusSeconds(60 * s.deadlineMinutes(level, next.step));
                        // the title says the level ("… 风险升至橙色"): it follows the upgrade, or later notices would say
                        // "【红色预警】… 风险升至橙色"
                        Db.update(c, "UPDATE risk.warning SET level = ?, title = ?, detail = ?, step_due_at = least(step_due_at, ?), "
                                + "version = version + 1 WHERE id = ?", level, title, detail, due, id);
                        step(c, id, "UPGRADE", state, state, system, now, had + " → " + level + ": " + detail);
                        return new Object[] { id, "UPGRADE" };
                    }
                    long id = Db.insert(c, "INSERT INTO risk.warning (enterprise_id, unit_id, level, source, source_ref, title, detail, state, "
                            + "step_due_at, created_at) VALUES (?,?,?,?,?,?,?,'SENT',?,?)", enterpriseId, unitId, level, source, sourceRef, title,
                            detail, now.plusSeconds(60 * s.deadlineMinutes(level, 0)), now);
                    step(c, id, "SEND", null, State.SENT, system, now, detail);
                    return new Object[] { id, "SEND" };
                });
                long id = (Long) result[0];
                if (id > 0) {
                    List<String> to = new ArrayList<>(List.of("enterprise:" + enterpriseId));
                    to.addAll(s.recipients().get(level));
                    notify(to, "【" + level.zh + "色预警】" + title, detail + " — 请在 " + s.deadlineMinutes(level, 0) + " 分钟内核查 (verify within "
                            + s.deadlineMinutes(level, 0) + " min)", enterpriseId, id);
                }
                return id;
            } catch (ProblemException e) {
                // two raises for the same hazard source at once: the unique index let one in; look again
                if (e.status() != 409 || attempt > 2) {
                    throw e;
                }
            }
        }
    }

    private static void step(Connection c, long warningId, String action, State from, State to, Subject who, Instant at, String remark)
            throws SQLException {
        Db.update(c, "INSERT INTO risk.warning_step (warning_id, action, from_state, to_state, actor_user_id, actor_name, organisation_id, at, "
                + "remark) VALUES (?,?,?,?,?,?,?,?,?)", warningId, action, from == null ? null : from.name(), to, who.userId(), who.username(),
                who.organisationId(), at, remark);
    }

    /** Performs one handling step as the current caller. */
    Warning act(long id, ActionInput in) {
        if (in == null || in.action() == null) {
            throw ProblemException.invalid(List.of(new FieldError("action", "required", "action must be VERIFY, FEEDBACK, SUPERVISE or CLOSE")));
        }
        Action action;
        try {
            action = Action.valueOf(in.action().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new FieldError("action", "enum", "action must be VERIFY, FEEDBACK, SUPERVISE or CLOSE")));
        }
        Subject me = CurrentSubject.require(action.permission);
        Warning w = warning(id);
        if (action.parkOnly()) {
            DataScope.requireParkWide();
        }
        if (action != Action.CLOSE && (in.remark() == null || in.remark().isBlank())) {
            throw ProblemException.invalid(List.of(new FieldError("remark", "required", "say what the " + action.zh + " found or decided")));
        }
        if (in.remark() != null && in.remark().length() > 2000) {
            throw ProblemException.invalid(List.of(new FieldError("remark", "length", "remark must be at most 2000 characters")));
        }
        if (w.state() != action.from) {
            throw illegal(w, action);
        }
        if (in.version() != null && in.version() != w.version()) {
            throw stale(w);
        }
        Settings s = settings.get();
        Instant now = clock.instant();
        Action next = Action.after(action.to);
        Instant due = next == null ? null : now.plusSeconds(60 * s.deadlineMinutes(w.level(), next.step));
        int expectedVersion = in.version() != null ? in.version() : w.version();
        db.tx(c -> {
            int n = Db.update(c, "UPDATE risk.warning SET state = ?, version = version + 1, step_due_at = ?, reminded_state = NULL, "
                    + "escalated_state = NULL, closed_at = ? WHERE id = ? AND version = ? AND state = ?", action.to, due,
                    action == Action.CLOSE ? now : null, id, expectedVersion, action.from);
            if (n == 0) {
                throw stale(w);
            }
            step(c, id, action.name(), action.from, action.to, me, now, in.remark());
            return null;
        });
        Warning after = warning(id);
        List<String> to = switch (action) {
            case VERIFY, FEEDBACK -> s.recipients().get(w.level());
            case SUPERVISE -> List.of("enterprise:" + w.enterpriseId());
            case CLOSE -> concat(List.of("enterprise:" + w.enterpriseId()), s.recipients().get(w.level()));
        };
        notify(to, "【" + w.level().zh + "色预警】" + w.title() + " " + action.zh + " (" + action.name() + ")",
                me.username() + ": " + (in.remark() == null ? "" : in.remark()) + (due == null ? "" : " — next step due " + due),
                w.enterpriseId(), id);
        return after;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    private ProblemException illegal(Warning w, Action action) {
        List<String> allowed = w.allowedActions().stream().map(Enum::name).toList();
        String next = Action.after(w.state()) == null ? "none: the warning is closed" : Action.after(w.state()).name();
        return new ProblemException(409, "Conflict", "Cannot " + action.name() + " (" + action.zh + ") warning " + w.id() + ": it is "
                + w.state() + " (" + w.state().zh + "); the next step is " + next, List.of(new FieldError("action", "transition",
                        "allowed next actions: " + allowed)));
    }

    private static ProblemException stale(Warning w) {
        return ProblemException.conflict("Warning " + w.id() + " was changed by someone else meanwhile (you sent an older version); "
                + "reload it and decide again", new FieldError("version", "stale", "reload the warning"));
    }

    /**
     * Sends reminders for steps whose deadline is near and escalates steps past their deadline.
     *
     * @return how many reminders and escalations went out
     */
    int[] remindAndEscalate() {
        Settings s = settings.get();
        Instant now = clock.instant();
        Subject system = Subject.system("risk");
        int reminders = 0;
        int escalations = 0;
        List<Object[]> open = db.tx(c -> Db.list(c, "SELECT id, level, state, step_due_at, reminded_state, escalated_state, enterprise_id, title "
                + "FROM risk.warning WHERE state <> 'CLOSED' AND step_due_at IS NOT NULL", rs -> new Object[] { rs.getLong(1),
                        Colour.valueOf(rs.getString(2)), State.valueOf(rs.getString(3)), Db.instant(rs, "step_due_at"), rs.getString(5),
                        rs.getString(6), rs.getLong(7), rs.getString(8) }));
        for (Object[] o : open) {
            long id = (Long) o[0];
            Colour level = (Colour) o[1];
            State state = (State) o[2];
            Instant due = (Instant) o[3];
            long enterpriseId = (Long) o[6];
            Action next = Action.after(state);
            List<String> responsible = next.parkOnly() ? s.recipients().get(level) : List.of("enterprise:" + enterpriseId);
            if (!now.isBefore(due) && !state.name().equals(o[5])) {
                if (mark(id, state, "escalated_state", "ESCALATE", system, now, next.zh + " overdue since " + due)) {
                    escalations++;
                    notify(concat(s.escalation().get(level), responsible), "【超时督办】" + o[7] + " " + next.zh + "超时 (" + next.name()
                            + " overdue)", "The " + next.name() + " step was due " + due, enterpriseId, id);
                }
            } else if (now.isBefore(due) && !state.name().equals(o[4])) {
                long windowSeconds = 60 * s.deadlineMinutes(level, next.step);
                Instant remindAt = due.minusSeconds(windowSeconds * s.reminderPercent() / 100);
                if (!now.isBefore(remindAt) && mark(id, state, "reminded_state", "REMIND", system, now, next.zh + " due " + due)) {
                    reminders++;
                    notify(responsible, "【处置提醒】" + o[7] + " " + next.zh + "即将到期 (" + next.name() + " due soon)",
                            "The " + next.name() + " step is due " + due, enterpriseId, id);
                }
            }
        }
        return new int[] { reminders, escalations };
    }

    private boolean mark(long id, State state, String column, String action, Subject who, Instant now, String remark) {
        return db.tx(c -> {
            int n = Db.update(c, "UPDATE risk.warning SET " + column + " = ? WHERE id = ? AND state = ? AND " + column
                    + " IS DISTINCT FROM ?", state, id, state, state.name());
            if (n == 1) {
                step(c, id, action, state, state, who, now, remark);
            }
            return n == 1;
        });
    }

    private void notify(List<String> recipients, String subject, String body, long enterpriseId, long warningId) {
        List<String> to = List.copyOf(new LinkedHashSet<>(recipients));
        if (!to.isEmpty()) {
            notifier.accept(new Notification("risk.warning", subject, body, to, enterpriseId, "risk/warning/" + warningId));
        }
    }

    // ---------------------------------------------------------------- reads

    Warning warning(long id) {
        Warning w = db.tx(c -> {
            List<Warning> l = Db.list(c, "SELECT * FROM risk.warning WHERE id = ?", rs -> warning(rs, List.of()), id);
            if (l.isEmpty()) {
                return null;
            }
            List<Step> steps = Db.list(c, "SELECT * FROM risk.warning_step WHERE warning_id = ? ORDER BY at, id", rs -> new Step(
                    rs.getString("action"), rs.getString("from_state") == null ? null : State.valueOf(rs.getString("from_state")),
                    State.valueOf(rs.getString("to_state")), rs.getLong("actor_user_id"), rs.getString("actor_name"),
                    rs.getLong("organisation_id"), Db.instant(rs, "at"), rs.getString("remark")), id);
            Warning x = l.get(0);
            return new Warning(x.id(), x.enterpriseId(), x.unitId(), x.level(), x.levelZh(), x.source(), x.sourceRef(), x.title(), x.detail(),
                    x.state(), x.stateZh(), x.stepDueAt(), x.overdue(), x.version(), x.createdAt(), x.closedAt(), x.allowedActions(), steps);
        });
        if (w == null) {
            throw ProblemException.notFound("warning", id);
        }
        DataScope.current().check(w.enterpriseId());
        return w;
    }

    private Warning warning(ResultSet rs, List<Step> steps) throws SQLException {
        State state = State.valueOf(rs.getString("state"));
        Colour level = Colour.valueOf(rs.getString("level"));
        Instant due = Db.instant(rs, "step_due_at");
        Action next = Action.after(state);
        return new Warning(rs.getLong("id"), rs.getLong("enterprise_id"), Db.longOrNull(rs, "unit_id"), level, level.zh,
                Source.valueOf(rs.getString("source")), rs.getString("source_ref"), rs.getString("title"), rs.getString("detail"), state,
                state.zh, due, due != null && !clock.instant().isBefore(due), rs.getInt("version"), Db.instant(rs, "created_at"),
                Db.instant(rs, "closed_at"), next == null ? List.of() : List.of(next), steps);
    }

    Page<Warning> warnings(PageQuery q, State state, Colour level, Long enterpriseId, Boolean open) {
        StringBuilder where = new StringBuilder(DataScope.current().sqlPredicate("enterprise_id"));
        List<Object> p = new ArrayList<>();
        if (state != null) {
            where.append(" AND state = ?");
            p.add(state);
        }
        if (level != null) {
            where.append(" AND level = ?");
            p.add(level);
        }
        if (enterpriseId != null) {
            where.append(" AND enterprise_id = ?");
            p.add(enterpriseId);
        }
        if (open != null) {
            where.append(open ? " AND state <> 'CLOSED'" : " AND state = 'CLOSED'");
        }
        String order = q.sort().isEmpty() ? "created_at DESC, id DESC" : String.join(", ", q.sort().stream().map(x -> switch (x.field()) {
            case "createdAt" -> "created_at";
            case "level" -> "array_position(ARRAY['RED','ORANGE','YELLOW','BLUE'], level)";
            case "state" -> "state";
            case "stepDueAt" -> "step_due_at";
            default -> "id";
        } + (x.ascending() ? " ASC" : " DESC")).toList()) + ", id DESC";
        return db.tx(c -> {
            long total = Db.list(c, "SELECT count(*) FROM risk.warning WHERE " + where, rs -> rs.getLong(1), p.toArray()).get(0);
            List<Object> p2 = new ArrayList<>(p);
            p2.add(q.size());
            p2.add(q.offset());
            return new Page<>(Db.list(c, "SELECT * FROM risk.warning WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                    rs -> warning(rs, List.of()), p2.toArray()), total, q.page(), q.size());
        });
    }

    /** Warnings by level and state, by enterprise, overdue, and the median hours to close per level, for [from, to). */
    Map<String, Object> statistics(Instant from, Instant to) {
        String scope = DataScope.current().sqlPredicate("enterprise_id");
        return db.tx(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Map<String, Long>> byLevel = new LinkedHashMap<>();
            for (Object[] r : Db.list(c, "SELECT level, state, count(*) FROM risk.warning WHERE " + scope + " AND created_at >= ? AND created_at < ? "
                    + "GROUP BY 1, 2", rs -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3) }, from, to)) {
                byLevel.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((String) r[1], (Long) r[2]);
            }
            m.put("byLevelAndState", byLevel);
            m.put("byEnterprise", Db.list(c, "SELECT enterprise_id, count(*), count(*) FILTER (WHERE state <> 'CLOSED') FROM risk.warning WHERE "
                    + scope + " AND created_at >= ? AND created_at < ? GROUP BY 1 ORDER BY 2 DESC", rs -> Map.of("enterpriseId", rs.getLong(1),
                            "warnings", rs.getLong(2), "open", rs.getLong(3)), from, to));
            m.put("overdueNow", Db.list(c, "SELECT count(*) FROM risk.warning WHERE " + scope + " AND state <> 'CLOSED' AND step_due_at <= ?",
                    rs -> rs.getLong(1), clock.instant()).get(0));
            m.put("medianHoursToClose", Db.list(c, "SELECT level, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at) / 3600) "
                    + "FROM risk.warning WHERE " + scope + " AND state = 'CLOSED' AND created_at >= ? AND created_at < ? GROUP BY 1",
                    rs -> Map.of("level", rs.getString(1), "hours", Math.round(rs.getDouble(2) * 100) / 100.0), from, to));
            m.put("escalations", Db.list(c, "SELECT count(*) FROM risk.warning_step s JOIN risk.warning w ON w.id = s.warning_id WHERE "
                    + DataScope.current().sqlPredicate("w.enterprise_id") + " AND s.action = 'ESCALATE' AND s.at >= ? AND s.at < ?",
                    rs -> rs.getLong(1), from, to).get(0));
            return m;
        });
    }
}
