package org.chempark.telemetry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.risk.RiskFactorType;
import org.chempark.sdk.telemetry.AlarmInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts every alarm transition on Event Admin ({@link AlarmInfo#TOPIC_PREFIX}{@code <action>}
 * with the {@link AlarmInfo} properties), and is the risk factor provider
 * {@code telemetry.active-alarms}: active (not shelved) alarms per enterprise and per unit,
 * whose {@link RiskFactorProvider#CHANGED} event follows each transition.
 */
@Component(service = RiskFactorProvider.class, immediate = true)
public class AlarmEvents implements RiskFactorProvider, AlarmEngine.Listener {
    static final RiskFactorType ACTIVE_ALARMS = new RiskFactorType("telemetry.active-alarms", "未消除报警数", "Active alarms", "count");

    private final TelemetryService telemetry;
    private final EventAdmin events;

    @Activate
    public AlarmEvents(@Reference TelemetryService telemetry, @Reference EventAdmin events) {
        this.telemetry = telemetry;
        this.events = events;
        telemetry.alarms.addListener(this);
    }

    @Deactivate
    void deactivate() {
        telemetry.alarms.removeListener(this);
    }

    @Override
    public void alarmChanged(String action, Alarm a) {
        events.postEvent(new Event(AlarmInfo.TOPIC_PREFIX + action, properties(a)));
        Map<String, Object> p = new HashMap<>();
        if (a.enterpriseId() != null) {
            p.put(RiskFactorProvider.ENTERPRISE_ID, a.enterpriseId());
        }
        events.postEvent(new Event(RiskFactorProvider.CHANGED, p));
    }

    static Map<String, Object> properties(Alarm a) {
        Map<String, Object> p = new HashMap<>();
        p.put(AlarmInfo.ID, a.id());
        p.put(AlarmInfo.POINT_CODE, a.pointCode());
        p.put(AlarmInfo.POINT_ID, a.pointId());
        if (a.unitId() != null) {
            p.put(AlarmInfo.UNIT_ID, a.unitId());
        }
        if (a.enterpriseId() != null) {
            p.put(AlarmInfo.ENTERPRISE_ID, a.enterpriseId());
        }
        p.put(AlarmInfo.KIND, a.kind());
        p.put(AlarmInfo.PRIORITY, a.priority());
        p.put(AlarmInfo.STATE, a.state());
        p.put(AlarmInfo.VALUE, a.value());
        p.put(AlarmInfo.LIMIT, a.limit());
        p.put(AlarmInfo.RAISED_AT, a.raisedAt().toEpochMilli());
        return p;
    }

    @Override
    public List<RiskFactorType> types() {
        return List.of(ACTIVE_ALARMS);
    }

    @Override
    public List<RiskFactor> factors(long enterpriseId) {
        return factors(telemetry.alarms.activeAlarms(), enterpriseId);
    }

    /** One enterprise-wide factor plus one per unit with active alarms; shelved alarms do not count. */
    static List<RiskFactor> factors(List<Alarm> active, long enterpriseId) {
        List<Alarm> mine = active.stream().filter(a -> a.enterpriseId() != null && a.enterpriseId() == enterpriseId)
                .filter(a -> !Alarm.SHELVED.equals(a.state())).toList();
        List<RiskFactor> out = new ArrayList<>();
        out.add(new RiskFactor(ACTIVE_ALARMS.id(), enterpriseId, null, mine.size(), explain(mine)));
        Map<Long, List<Alarm>> byUnit = mine.stream().filter(a -> a.unitId() != null)
                .collect(Collectors.groupingBy(Alarm::unitId, TreeMap::new, Collectors.toList()));
        byUnit.forEach((unit, list) -> out.add(new RiskFactor(ACTIVE_ALARMS.id(), enterpriseId, unit, list.size(), explain(list))));
        return out;
    }

    private static String explain(List<Alarm> alarms) {
        if (alarms.isEmpty()) {
            return "no active alarms";
        }
        Map<String, List<String>> byKind = alarms.stream().collect(Collectors.groupingBy(Alarm::kind, TreeMap::new,
                Collectors.mapping(Alarm::pointCode, Collectors.toList())));
        return byKind.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }
}
