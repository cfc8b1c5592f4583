package org.chempark.bridge.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.SourceStatus.State;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.api.UaSession;
import org.eclipse.milo.opcua.sdk.client.api.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscription;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscriptionManager;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA client session to a DCS: connects (with backoff while it cannot), maps nodes to
 * monitoring points, subscribes to them in batches and hands every data change notification
 * to the {@link ReadingSink} as one batch. Milo keeps the session alive and reconnects it by
 * itself; when the server lost the subscription (e.g. it restarted) the subscription is created
 * again. Every failure is a status (OFFLINE with its reason), never an error log.
 */
final class OpcUaConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaConnection.class);
    /** Monitored items per CreateMonitoredItems request. */
    static final int BATCH = 1000;
    private static final long MAX_BACKOFF_MS = 60_000;
    private static final int AUTO_MAP_DEPTH = 6;
    private static final int AUTO_MAP_LIMIT = 100_000;

    private final ClientSettings settings;
    private final ClientPki pki;
    private final ReadingSink sink;
    private final ScheduledExecutorService scheduler = Stack.sharedScheduledExecutor();
    private final ExecutorService executor = Stack.sharedExecutor();
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong submitFailures = new AtomicLong();
    private final Map<NodeId, String> points = new ConcurrentHashMap<>();

    private volatile SourceStatus status;
    private volatile Instant lastReading;
    private volatile OpcUaClient client;
    private volatile UaSubscription subscription;
    private volatile int monitored;
    private volatile boolean closed;
    /** Measurement hook (bench): milliseconds from the server's publish time to the hand-off of the batch. */
    volatile java.util.function.LongConsumer handOffProbe;
    private long backoffMs = 1000;
    private ScheduledFuture<?> retry;

    OpcUaConnection(ClientSettings settings, ClientPki pki, ReadingSink sink) {
        this.settings = settings;
        this.pki = pki;
        this.sink = sink;
        this.status = settings.enabled() ? new SourceStatus(State.CONNECTING, "starting", Instant.now(), null, 0)
                : new SourceStatus(State.DISABLED, "disabled in its configuration", Instant.now(), null, 0);
    }

    ClientSettings settings() {
        return settings;
    }

    /** Starts connecting in the background; returns at once. */
    void start() {
        if (settings.enabled()) {
            executor.execute(this::attempt);
        }
    }

    SourceStatus status() {
        SourceStatus s = status;
        return new SourceStatus(s.state(), s.reason(), s.since(), lastReading, readings.get());
    }

    /** Monitored items created on the server (0 while offline). */
    int monitoredItems() {
        return monitored;
    }

    /** Node → point code map in use (explicit mapping plus auto-mapping). */
    Map<NodeId, String> points() {
        return Map.copyOf(points);
    }

    private void setStatus(State state, String reason) {
        SourceStatus old = status;
        if (old.state() != state || !java.util.Objects.equals(old.reason(), reason)) {
            status = new SourceStatus(state, reason, Instant.now(), null, 0);
            LOG.info("OPC UA connection {} ({}): {}{}", settings.name(), settings.endpointUrl(), state,
                    reason == null ? "" : " - " + reason);
        }
    }

    private synchronized void attempt() {
        if (closed) {
            return;
        }
        setStatus(State.CONNECTING, "connecting");
        OpcUaClient c = null;
        try {
            c = createClient();
            client = c;
            c.connect().get(20, TimeUnit.SECONDS);
            resolveMapping(c);
            subscribe(c);
            c.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionActive(UaSession session) {
                    if (!closed && subscription != null) {
                        setStatus(State.ONLINE, null);
                    }
                }

                @Override
                public void onSessionInactive(UaSession session) {
                    if (!closed) {
                        setStatus(State.OFFLINE, "session lost, reconnecting");
                    }
                }
            });
            c.getSubscriptionManager().addSubscriptionListener(new UaSubscriptionManager.SubscriptionListener() {
                @Override
                public void onSubscriptionTransferFailed(UaSubscription s, StatusCode code) {
                    // the server no longer has the subscription (it restarted): create it again
                    resubscribe("subscription lost (" + describe(code) + "), re-creating it");
                }
            });
            backoffMs = 1000;
            if (points.isEmpty()) {
                setStatus(State.ONLINE, null);
            }
        } catch (Exception e) {
            String reason = reason(e);
            client = null;
            subscription = null;
            monitored = 0;
            if (c != null) {
                c.disconnect();
            }
            if (closed) {
                return;
            }
            setStatus(State.OFFLINE, reason + "; retry in " + backoffMs / 1000 + " s");
            retry = scheduler.schedule(() -> executor.execute(this::attempt), backoffMs, TimeUnit.MILLISECONDS);
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
    }

    private void resubscribe(String why) {
        executor.execute(() -> {
            synchronized (this) {
                OpcUaClient c = client;
                if (closed || c == null) {
                    return;
                }
                setStatus(State.CONNECTING, why);
                try {
                    subscribe(c);
                } catch (Exception e) {
                    // the session is gone again: start over
                    client = null;
                    c.disconnect();
                    setStatus(State.OFFLINE, reason(e));
                    retry = scheduler.schedule(() -> executor.execute(this::attempt), backoffMs, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    private OpcUaClient createClient() throws UaException {
        String host = EndpointUtil.getHost(settings.endpointUrl());
        int port = EndpointUtil.getPort(settings.endpointUrl());
        return OpcUaClient.create(settings.endpointUrl(),
                endpoints -> endpoints.stream()
                        .filter(e -> settings.securityPolicy().getUri().equals(e.getSecurityPolicyUri()))
                        .filter(e -> e.getSecurityMode() == settings.messageMode())
                        .findFirst()
                        // the server may advertise a host name this machine cannot resolve
                        .map(e -> EndpointUtil.updateUrl(e, host, port)),
                builder -> builder
                        .setApplicationName(LocalizedText.english("ChemPark OPC UA client"))
                        .setApplicationUri(pki.applicationUri())
                        .setProductUri("urn:chempark:opcua")
                        .setKeyPair(pki.keyPair())
                        .setCertificate(pki.certificate())
                        .setCertificateValidator(pki.validator(settings.name(), settings.trustFirstCertificate()))
                        .setIdentityProvider(identity())
                        .setRequestTimeout(uint(15_000))
                        .setSessionName(() -> "ChemPark " + settings.name())
                        .build());
    }

    private IdentityProvider identity() {
        return switch (settings.auth()) {
            case ANONYMOUS -> new AnonymousProvider();
            case USERNAME -> new UsernameProvider(settings.username(), settings.password());
            case CERTIFICATE -> new X509IdentityProvider(pki.certificate(), pki.keyPair().getPrivate());
        };
    }

    private void resolveMapping(OpcUaClient c) throws Exception {
        Map<NodeId, String> m = new LinkedHashMap<>();
        if (settings.autoMapFolder() != null) {
            Deque<Object[]> queue = new ArrayDeque<>();
            queue.add(new Object[] { settings.autoMapFolder(), 0 });
            while (!queue.isEmpty() && m.size() < AUTO_MAP_LIMIT) {
                Object[] next = queue.poll();
                int depth = (Integer) next[1];
                for (ReferenceDescription r : browseAll(c, (NodeId) next[0])) {
                    Optional<NodeId> id = r.getNodeId().toNodeId(c.getNamespaceTable());
                    if (id.isEmpty()) {
                        continue;
                    }
                    if (r.getNodeClass() == NodeClass.Variable) {
                        m.put(id.get(), r.getBrowseName().getName());
                    } else if (depth < AUTO_MAP_DEPTH) {
                        queue.add(new Object[] { id.get(), depth + 1 });
                    }
                }
            }
        }
        m.putAll(settings.mapping()); // explicit entries win
        points.clear();
        points.putAll(m);
    }

    private void subscribe(OpcUaClient c) throws Exception {
        UaSubscription old = subscription;
        subscription = null;
        monitored = 0;
        if (old != null) {
            c.getSubscriptionManager().deleteSubscription(old.getSubscriptionId());
        }
        if (points.isEmpty()) {
            return;
        }
        UaSubscription s = c.getSubscriptionManager().createSubscription(settings.publishingInterval())
                .get(20, TimeUnit.SECONDS);
        s.addNotificationListener(new UaSubscription.NotificationListener() {
            @Override
            public void onDataChangeNotification(UaSubscription sub, List<UaMonitoredItem> items, List<DataValue> values,
                    DateTime publishTime) {
                deliver(items, values, publishTime);
            }
        });
        List<MonitoredItemCreateRequest> batch = new ArrayList<>(BATCH);
        ExtensionObject filter = ExtensionObject.encode(c.getStaticSerializationContext(),
                new DataChangeFilter(DataChangeTrigger.StatusValueTimestamp, uint(0), 0.0));
        long handle = 1;
        int ok = 0;
        List<String> failed = new ArrayList<>();
        for (NodeId node : points.keySet()) {
            MonitoringParameters p = new MonitoringParameters(uint(handle++), settings.samplingInterval(), filter, uint(10), true);
            batch.add(new MonitoredItemCreateRequest(new ReadValueId(node, AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE),
                    MonitoringMode.Reporting, p));
            if (batch.size() == BATCH) {
                ok += create(s, batch, failed);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            ok += create(s, batch, failed);
        }
        subscription = s;
        monitored = ok;
        if (failed.isEmpty()) {
            setStatus(State.ONLINE, null);
        } else {
            // one bad node does not fail the connection; the status names it
            setStatus(State.ONLINE, failed.size() + " of " + points.size() + " nodes not monitored, e.g. "
                    + String.join(", ", failed.subList(0, Math.min(3, failed.size()))));
        }
    }

    private static int create(UaSubscription s, List<MonitoredItemCreateRequest> batch, List<String> failed) throws Exception {
        List<UaMonitoredItem> items = s.createMonitoredItems(TimestampsToReturn.Both, batch).get(60, TimeUnit.SECONDS);
        int ok = 0;
        for (UaMonitoredItem item : items) {
            if (item.getStatusCode().isGood()) {
                ok++;
            } else {
                failed.add(item.getReadValueId().getNodeId().toParseableString() + " (" + describe(item.getStatusCode()) + ")");
            }
        }
        return ok;
    }

    private void deliver(List<UaMonitoredItem> items, List<DataValue> values, DateTime publishTime) {
        List<Reading> batch = new ArrayList<>(values.size());
        String source = settings.sourceId();
        for (int i = 0; i < values.size(); i++) {
            String point = points.get(items.get(i).getReadValueId().getNodeId());
            if (point != null) {
                batch.add(toReading(point, values.get(i), source));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        readings.addAndGet(batch.size());
        lastReading = batch.get(batch.size() - 1).timestamp();
        java.util.function.LongConsumer probe = handOffProbe;
        if (probe != null && publishTime != null) {
            probe.accept(System.currentTimeMillis() - publishTime.getJavaTime());
        }
        try {
            sink.submit(batch).whenComplete((receipt, failure) -> {
                if (failure != null && submitFailures.getAndIncrement() % 1000 == 0) {
                    LOG.warn("OPC UA connection {}: the ingest pipeline did not store {} readings: {}", settings.name(),
                            batch.size(), failure.toString());
                }
            });
        } catch (RuntimeException e) {
            if (submitFailures.getAndIncrement() % 1000 == 0) {
                LOG.warn("OPC UA connection {}: the ingest pipeline refused {} readings: {}", settings.name(), batch.size(),
                        e.toString());
            }
        }
    }

    /** A data value as a reading: quality from the status code, the source timestamp (server's, then now). */
    static Reading toReading(String point, DataValue dv, String source) {
        StatusCode sc = dv.getStatusCode() == null ? StatusCode.GOOD : dv.getStatusCode();
        Quality q = sc.isGood() ? Quality.GOOD : sc.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
        double v = Double.NaN;
        Object o = dv.getValue() == null ? null : dv.getValue().getValue();
        if (o instanceof Number n) {
            v = n.doubleValue();
        } else if (o instanceof Boolean b) {
            v = b ? 1 : 0;
        }
        if (!Double.isFinite(v) && q == Quality.GOOD) {
            q = Quality.BAD; // a good status with no number (string, array, null) is unusable as a measurement
        }
        DateTime t = dv.getSourceTime() != null && dv.getSourceTime().getUtcTime() > 0 ? dv.getSourceTime() : dv.getServerTime();
        Instant ts = t != null && t.getUtcTime() > 0 ? t.getJavaInstant() : Instant.now();
        return new Reading(point, ts, v, q, source);
    }

    /** One level of the server's address space below {@code node} (objects and variables). */
    List<BrowseEntry> browse(NodeId node) throws Exception {
        OpcUaClient c = client;
        if (c == null || status.state() != State.ONLINE) {
            throw new IllegalStateException("connection " + settings.name() + " is " + status.state()
                    + (status.reason() == null ? "" : " (" + status.reason() + ")"));
        }
        Map<String, String> byNode = new java.util.HashMap<>();
        points.forEach((k, v) -> byNode.put(k.toParseableString(), v));
        List<BrowseEntry> out = new ArrayList<>();
        for (ReferenceDescription r : browseAll(c, node)) {
            Optional<NodeId> id = r.getNodeId().toNodeId(c.getNamespaceTable());
            if (id.isEmpty()) {
                continue;
            }
            String nodeId = id.get().toParseableString();
            out.add(new BrowseEntry(nodeId, r.getBrowseName().toParseableString(), r.getDisplayName().getText(),
                    r.getNodeClass().name(), byNode.get(nodeId)));
        }
        return out;
    }

    /** An entry of a browse result; {@code point} is the monitoring point it is mapped to, if any. */
    record BrowseEntry(String nodeId, String browseName, String displayName, String nodeClass, String point) {
    }

    private static List<ReferenceDescription> browseAll(OpcUaClient c, NodeId node) throws Exception {
        BrowseDescription bd = new BrowseDescription(node, BrowseDirection.Forward, Identifiers.HierarchicalReferences, true,
                uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue()), uint(BrowseResultMask.All.getValue()));
        List<ReferenceDescription> out = new ArrayList<>();
        BrowseResult r = c.browse(bd).get(15, TimeUnit.SECONDS);
        while (true) {
            if (r.getStatusCode().isBad()) {
                throw new UaException(r.getStatusCode(), "browse " + node.toParseableString());
            }
            if (r.getReferences() != null) {
                out.addAll(List.of(r.getReferences()));
            }
            ByteString cp = r.getContinuationPoint();
            if (cp == null || cp.isNull()) {
                return out;
            }
            r = c.browseNext(false, cp).get(15, TimeUnit.SECONDS);
        }
    }

    static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof UaException u) {
            return describe(u.getStatusCode()) + (u.getMessage() == null ? "" : ": " + u.getMessage());
        }
        if (t instanceof TimeoutException) {
            return "timeout";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static String describe(StatusCode code) {
        return org.eclipse.milo.opcua.stack.core.StatusCodes.lookup(code.getValue()).map(a -> a[0]).orElse(code.toString());
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> r = retry;
        if (r != null) {
            r.cancel(false);
        }
        OpcUaClient c = client;
        client = null;
        if (c != null) {
            try {
                c.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("OPC UA connection {}: disconnect: {}", settings.name(), e.toString());
            }
        }
    }

    UInteger subscriptionId() {
        UaSubscription s = subscription;
        return s == null ? null : s.getSubscriptionId();
    }
}
