package org.chempark.bridge.opcua.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.chempark.asset.Enterprise;
import org.chempark.asset.Equipment;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.Unit;
import org.chempark.sdk.telemetry.AlarmInfo;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingHistory;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryData;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResult;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The park's address space: {@code Objects/Park → Enterprise → Unit → Equipment → Point}, every
 * point a Double variable (value, quality as status code, source timestamp) with an
 * {@code AlarmState} child, historizing (HistoryRead raw answered from {@link ReadingHistory}).
 * Node ids ({@code ns=<urn:chempark:park>}): {@code s=park}, {@code s=enterprise/<code>},
 * {@code s=unit/<code>}, {@code s=equipment/<code>}, {@code s=<point code>} and
 * {@code s=<point code>/AlarmState}.
 */
final class ParkNamespace extends ManagedNamespaceWithLifecycle {
    static final String URI = "urn:chempark:park";
    private static final Logger LOG = LoggerFactory.getLogger(ParkNamespace.class);

    /** The asset model as the address space needs it. */
    record Model(Park park, List<Enterprise> enterprises, List<Unit> units, List<Equipment> equipment, List<MonitoringPoint> points) {
    }

    private final SubscriptionModel subscriptions;
    private final ReadingHistory history;
    private final int historyLimit;
    private final List<UaNode> nodes = new ArrayList<>();
    private final Map<String, UaVariableNode> pointNodes = new ConcurrentHashMap<>();
    private final Map<String, UaVariableNode> alarmNodes = new ConcurrentHashMap<>();
    private final Map<NodeId, String> codeOf = new ConcurrentHashMap<>();
    private final Map<String, Instant> shown = new ConcurrentHashMap<>();

    ParkNamespace(OpcUaServer server, ReadingHistory history, int historyLimit) {
        super(server, URI);
        this.history = history;
        this.historyLimit = historyLimit;
        this.subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
    }

    /** Point codes in the address space. */
    Set<String> pointCodes() {
        return Set.copyOf(pointNodes.keySet());
    }

    /** Replaces the whole tree with one built from {@code m}. */
    synchronized void rebuild(Model m) {
        for (UaNode n : nodes) {
            n.delete();
        }
        nodes.clear();
        pointNodes.clear();
        alarmNodes.clear();
        codeOf.clear();
        shown.clear();

        String parkName = m.park() == null ? "Park" : m.park().name();
        UaFolderNode park = folder("park", m.park() == null ? "Park" : m.park().code(), parkName);
        park.addReference(new Reference(park.getNodeId(), Identifiers.Organizes, Identifiers.ObjectsFolder.expanded(), false));

        Map<Long, UaFolderNode> enterprises = new HashMap<>();
        m.enterprises().stream().sorted(Comparator.comparing(Enterprise::code)).forEach(e -> {
            UaFolderNode f = folder("enterprise/" + e.code(), e.code(), e.name());
            park.addOrganizes(f);
            enterprises.put(e.id(), f);
        });
        Map<Long, UaFolderNode> units = new HashMap<>();
        for (Unit u : m.units()) {
            UaFolderNode parent = enterprises.get(u.enterpriseId());
            if (parent == null) {
                continue;
            }
            UaFolderNode f = folder("unit/" + u.code(), u.code(), u.name());
            parent.addOrganizes(f);
            units.put(u.id(), f);
        }
        Map<Long, UaFolderNode> equipment = new HashMap<>();
        for (Equipment q : m.equipment()) {
            UaFolderNode parent = units.get(q.unitId());
            if (parent == null) {
                continue;
            }
            UaFolderNode f = folder("equipment/" + q.code(), q.code(), q.name());
            parent.addOrganizes(f);
            equipment.put(q.id(), f);
        }
        for (MonitoringPoint p : m.points()) {
            UaFolderNode parent = equipment.get(p.equipmentId());
            if (parent == null) {
                continue;
            }
            UaVariableNode v = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(p.code())).setBrowseName(newQualifiedName(p.code()))
                    .setDisplayName(new LocalizedText("zh-CN", p.name()))
                    .setDescription(LocalizedText.english(p.name() + (p.unit() == null ? "" : " [" + p.unit() + "]")))
                    .setDataType(Identifiers.Double).setTypeDefinition(Identifiers.BaseDataVariableType)
                    .setAccessLevel(AccessLevel.toValue(AccessLevel.CurrentRead, AccessLevel.HistoryRead))
                    .setUserAccessLevel(AccessLevel.toValue(AccessLevel.CurrentRead, AccessLevel.HistoryRead))
                    .setHistorizing(true).setMinimumSamplingInterval(1000.0).build();
            v.setValue(new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_WaitingForInitialData), null, DateTime.now()));
            add(v);
            parent.addOrganizes(v);
            UaVariableNode alarm = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(p.code() + "/AlarmState")).setBrowseName(newQualifiedName("AlarmState"))
                    .setDisplayName(new LocalizedText("zh-CN", "报警状态 AlarmState")).setDataType(Identifiers.String)
                    .setTypeDefinition(Identifiers.BaseDataVariableType)
                    .setAccessLevel(AccessLevel.toValue(AccessLevel.CurrentRead)).setUserAccessLevel(AccessLevel.toValue(AccessLevel.CurrentRead))
                    .build();
            alarm.setValue(new DataValue(new Variant(AlarmStates.NORMAL)));
            add(alarm);
            v.addComponent(alarm);
            pointNodes.put(p.code(), v);
            alarmNodes.put(p.code(), alarm);
            codeOf.put(v.getNodeId(), p.code());
        }
        LOG.info("OPC UA server address space: {} enterprises, {} units, {} equipment, {} points", enterprises.size(), units.size(),
                equipment.size(), pointNodes.size());
    }

    private UaFolderNode folder(String id, String browseName, String displayName) {
        UaFolderNode f = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(browseName),
                new LocalizedText("zh-CN", displayName));
        add(f);
        return f;
    }

    private void add(UaNode n) {
        getNodeManager().addNode(n);
        nodes.add(n);
    }

    /** Shows the latest readings; a reading already shown (same timestamp) is not set again. */
    int update(Map<String, Reading> latest) {
        int changed = 0;
        for (Map.Entry<String, Reading> e : latest.entrySet()) {
            UaVariableNode v = pointNodes.get(e.getKey());
            Reading r = e.getValue();
            if (v == null || r == null || r.timestamp().equals(shown.get(e.getKey()))) {
                continue;
            }
            shown.put(e.getKey(), r.timestamp());
            v.setValue(toDataValue(r));
            changed++;
        }
        return changed;
    }

    /** Shows the alarm state of the points whose active alarms are given (all others NORMAL). */
    void alarms(Collection<String> points, Map<String, String> states) {
        for (String code : points) {
            UaVariableNode n = alarmNodes.get(code);
            if (n != null) {
                String s = states.getOrDefault(code, AlarmStates.NORMAL);
                Object old = n.getValue().getValue().getValue();
                if (!s.equals(old)) {
                    n.setValue(new DataValue(new Variant(s)));
                }
            }
        }
    }

    static DataValue toDataValue(Reading r) {
        StatusCode sc = switch (r.quality()) {
            case GOOD -> StatusCode.GOOD;
            case UNCERTAIN -> StatusCode.UNCERTAIN;
            case BAD -> StatusCode.BAD;
        };
        Variant v = Double.isFinite(r.value()) ? new Variant(r.value()) : Variant.NULL_VALUE;
        return new DataValue(v, sc, new DateTime(r.timestamp()), DateTime.now());
    }

    @Override
    public void historyRead(HistoryReadContext context, HistoryReadDetails details, TimestampsToReturn timestamps,
            List<HistoryReadValueId> ids) {
        List<HistoryReadResult> results = new ArrayList<>(ids.size());
        for (HistoryReadValueId id : ids) {
            results.add(readRaw(details, id));
        }
        context.success(results);
    }

    private HistoryReadResult readRaw(HistoryReadDetails details, HistoryReadValueId id) {
        if (!(details instanceof ReadRawModifiedDetails raw) || Boolean.TRUE.equals(raw.getIsReadModified())) {
            return new HistoryReadResult(new StatusCode(StatusCodes.Bad_HistoryOperationUnsupported), null, null);
        }
        String code = codeOf.get(id.getNodeId());
        if (code == null) {
            return new HistoryReadResult(new StatusCode(StatusCodes.Bad_HistoryOperationUnsupported), null, null);
        }
        Instant from = isSet(raw.getStartTime()) ? raw.getStartTime().getJavaInstant() : Instant.EPOCH;
        Instant to = isSet(raw.getEndTime()) ? raw.getEndTime().getJavaInstant() : Instant.now();
        if (to.isBefore(from)) { // reverse order requested: answer oldest first anyway, within the same window
            Instant t = from;
            from = to;
            to = t;
        }
        long n = raw.getNumValuesPerNode() == null ? 0 : raw.getNumValuesPerNode().longValue();
        int limit = (int) (n <= 0 ? historyLimit : Math.min(n, historyLimit));
        try {
            List<Reading> readings = history.raw(code, from, to, limit);
            DataValue[] values = readings.stream().map(ParkNamespace::toDataValue).toArray(DataValue[]::new);
            ExtensionObject data = ExtensionObject.encode(getServer().getSerializationContext(), new HistoryData(values));
            return new HistoryReadResult(StatusCode.GOOD, null, data);
        } catch (RuntimeException e) {
            LOG.warn("OPC UA history read of {} failed: {}", code, e.toString());
            return new HistoryReadResult(new StatusCode(StatusCodes.Bad_HistoryOperationInvalid), null, null);
        }
    }

    private static boolean isSet(DateTime t) {
        return t != null && t.getUtcTime() > DateTime.MIN_VALUE.getUtcTime() && t.getUtcTime() > 0;
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptions.onMonitoringModeChanged(items);
    }

    /** The AlarmState text: {@code NORMAL}, or the most urgent active alarm as {@code <kind> <state> P<priority>}. */
    static final class AlarmStates {
        static final String NORMAL = "NORMAL";

        private AlarmStates() {
        }

        static Map<String, String> of(Collection<AlarmInfo> alarms) {
            Map<String, AlarmInfo> worst = new HashMap<>();
            for (AlarmInfo a : alarms) {
                if ("CLEARED".equals(a.state())) {
                    continue;
                }
                worst.merge(a.pointCode(), a, (x, y) -> y.priority() < x.priority() ? y : x);
            }
            Map<String, String> out = new HashMap<>();
            worst.forEach((k, a) -> out.put(k, a.kind() + " " + a.state() + " P" + a.priority()));
            return out;
        }
    }
}
