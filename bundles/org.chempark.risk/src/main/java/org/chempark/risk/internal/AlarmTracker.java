package org.chempark.risk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.risk.RiskFactorType;
import org.chempark.sdk.telemetry.AlarmInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Active alarms per hazard source, followed from the alarm events ({@link AlarmInfo#TOPIC_ALL}):
 * RAISED and ACKNOWLEDGED alarms are active, CLEARED and SHELVED ones are not. It offers the
 * factor {@code telemetry.active-alarms} with a low service ranking, so the telemetry module's
 * own provider of that factor (which also knows the alarms active before this bundle started)
 * takes precedence as soon as it is installed.
 */
@Component(service = { RiskFactorProvider.class, EventHandler.class, AlarmTracker.class }, property = {
        EventConstants.EVENT_TOPIC + "=" + AlarmInfo.TOPIC_ALL, "service.ranking:Integer=-100" })
public class AlarmTracker implements RiskFactorProvider, EventHandler {
    static final RiskFactorType ACTIVE_ALARMS = new RiskFactorType("telemetry.active-alarms", "未消除报警数", "Active alarms", "count");

    record Active(long id, String pointCode, Long unitId, long enterpriseId, String kind) {
    }

    private final EventAdmin events;
    private final Map<Long, Active> active = new ConcurrentHashMap<>();

    @Activate
    public AlarmTracker(@Reference EventAdmin events) {
        this.events = events;
    }

    @Override
    public void handleEvent(Event event) {
        String action = event.getTopic().substring(AlarmInfo.TOPIC_PREFIX.length());
        if (!(event.getProperty(AlarmInfo.ID) instanceof Number id) || !(event.getProperty(AlarmInfo.ENTERPRISE_ID) instanceof Number e)) {
            return;
        }
        boolean changed;
        if (action.equals("RAISED") || action.equals("ACKNOWLEDGED")) {
            Object unit = event.getProperty(AlarmInfo.UNIT_ID);
            changed = active.put(id.longValue(), new Active(id.longValue(), String.valueOf(event.getProperty(AlarmInfo.POINT_CODE)),
                    unit instanceof Number u ? u.longValue() : null, e.longValue(), String.valueOf(event.getProperty(AlarmInfo.KIND)))) == null;
        } else {
            changed = active.remove(id.longValue()) != null;
        }
        if (changed) {
            events.postEvent(new Event(CHANGED, Map.of(ENTERPRISE_ID, e.longValue(), "module", "risk")));
        }
    }

    @Override
    public List<RiskFactorType> types() {
        return List.of(ACTIVE_ALARMS);
    }

    @Override
    public List<RiskFactor> factors(long enterpriseId) {
        Map<Long, List<Active>> byUnit = new TreeMap<>();
        List<Active> wide = new ArrayList<>();
        for (Active a : active.values()) {
            if (a.enterpriseId() == enterpriseId) {
                if (a.unitId() == null) {
                    wide.add(a);
                } else {
                    byUnit.computeIfAbsent(a.unitId(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        List<RiskFactor> out = new ArrayList<>();
        byUnit.forEach((unit, list) -> out.add(new RiskFactor(ACTIVE_ALARMS.id(), enterpriseId, unit, list.size(), describe(list))));
        if (!wide.isEmpty()) {
            out.add(new RiskFactor(ACTIVE_ALARMS.id(), enterpriseId, null, wide.size(), describe(wide)));
        }
        return out;
    }

    private static String describe(List<Active> list) {
        return list.size() + " active alarm(s): " + String.join(", ", list.stream().sorted(java.util.Comparator.comparing(Active::pointCode))
                .map(a -> a.pointCode() + " " + a.kind()).toList());
    }
}
