package org.chempark.bridge.mqtt.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.RequiresPermission;
import org.chempark.sdk.telemetry.SourceStatus;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code /api/v1/mqtt/...}: MQTT devices (one factory configuration {@value MqttDevice#FACTORY_PID}
 * each, also editable in the Karaf web console), their status, secret rotation, broker counters.
 */
@Component(service = MqttResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + MqttModule.ID })
@Path("mqtt")
@RequiresPermission(MqttModule.READ)
@Produces(MediaType.APPLICATION_JSON)
public class MqttResource {
    private static final Set<String> SORTABLE = Set.of("deviceId", "enterpriseId", "state");

    /** A device as the API shows it; never its secret or hash. */
    public record DeviceView(String deviceId, String source, Long enterpriseId, String description, boolean enabled,
            boolean hasSecret, String topic, String state, String reason, Instant since, Instant lastReading, long readings,
            long messages, long deadLetters) {
    }

    /** Create or edit a device. */
    public record DeviceInput(String deviceId, Long enterpriseId, String description, Boolean enabled) {
    }

    /** The one time a secret is shown. */
    public record SecretView(String deviceId, String username, String secret, String topic, String note) {
    }

    private final ConfigurationAdmin configAdmin;
    private final DeviceRegistry registry;
    private volatile MqttBroker broker;
    private volatile MqttIngest ingest;

    @Activate
    public MqttResource(@Reference ConfigurationAdmin configAdmin, @Reference DeviceRegistry registry) {
        this.configAdmin = configAdmin;
        this.registry = registry;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setBroker(MqttBroker b) {
        broker = b;
    }

    void unsetBroker(MqttBroker b) {
        if (broker == b) {
            broker = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setIngest(MqttIngest i) {
        ingest = i;
    }

    void unsetIngest(MqttIngest i) {
        if (ingest == i) {
            ingest = null;
        }
    }

    /** Devices visible to the caller, with status; sort by deviceId (default), enterpriseId or state. */
    @GET
    @Path("devices")
    public Page<DeviceView> devices(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") String sort, @QueryParam("state") String state) {
        PageQuery q = PageQuery.parse(page, size, sort, SORTABLE);
        DataScope scope = DataScope.current();
        List<DeviceView> all = new ArrayList<>();
        for (Configuration c : configurations(null)) {
            DeviceView v = view(c.getProperties());
            if (v != null && scope.allows(v.enterpriseId()) && (state == null || state.equalsIgnoreCase(v.state()))) {
                all.add(v);
            }
        }
        Comparator<DeviceView> order = Comparator.comparing(DeviceView::deviceId);
        List<PageQuery.Sort> sorts = new ArrayList<>(q.sort());
        java.util.Collections.reverse(sorts);
        for (PageQuery.Sort s : sorts) {
            Comparator<DeviceView> c = switch (s.field()) {
                case "enterpriseId" -> Comparator.comparing(DeviceView::enterpriseId, Comparator.nullsFirst(Comparator.naturalOrder()));
                case "state" -> Comparator.comparing(DeviceView::state);
                default -> Comparator.comparing(DeviceView::deviceId);
            };
            order = (s.ascending() ? c : c.reversed()).thenComparing(order);
        }
        all.sort(order);
        int from = Math.min(q.offset(), all.size());
        int to = Math.min(from + q.size(), all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), q.page(), q.size());
    }

    @GET
    @Path("devices/{deviceId}")
    public DeviceView device(@PathParam("deviceId") String deviceId) {
        return view(visible(deviceId).getProperties());
    }

    @POST
    @RequiresPermission(MqttModule.ADMIN)
    @Path("devices")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(DeviceInput in) {
        if (in == null) {
            throw ProblemException.badRequest("send a JSON body with deviceId, enterpriseId, description, enabled");
        }
        Validation v = new Validation().required("deviceId", in.deviceId());
        if (in.deviceId() != null) {
            v.pattern("deviceId", in.deviceId(), DeviceRegistry.DEVICE_ID, "1 to 64 letters, digits, _ or -");
        }
        validate(v, in);
        v.throwIfInvalid();
        checkEnterprise(in.enterpriseId());
        synchronized (this) {
            if (!configurations(in.deviceId()).isEmpty()) {
                throw ProblemException.conflict("device " + in.deviceId() + " exists; edit it with PUT or choose another deviceId");
            }
            Hashtable<String, Object> p = new Hashtable<>();
            p.put("deviceId", in.deviceId());
            p.put("enterpriseId", in.enterpriseId() == null ? 0L : in.enterpriseId());
            p.put("description", in.description() == null ? "" : in.description());
            p.put("enabled", in.enabled() == null || in.enabled());
            p.put("secretHash", "");
            try {
                Configuration c = configAdmin.createFactoryConfiguration(MqttDevice.FACTORY_PID, "?");
                c.update(p);
            } catch (IOException e) {
                throw new IllegalStateException("configuration store failed", e);
            }
            return Response.created(URI.create("mqtt/devices/" + in.deviceId())).entity(view(p)).build();
        }
    }

    @PUT
    @RequiresPermission(MqttModule.ADMIN)
    @Path("devices/{deviceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceView update(@PathParam("deviceId") String deviceId, DeviceInput in) {
        if (in == null) {
            throw ProblemException.badRequest("send a JSON body with enterpriseId, description, enabled");
        }
        Configuration c = visible(deviceId);
        Validation v = new Validation().check(in.deviceId() == null || in.deviceId().equals(deviceId), "deviceId", "immutable",
                "the device id cannot change; create a new device instead");
        validate(v, in);
        v.throwIfInvalid();
        if (in.enterpriseId() != null) {
            checkEnterprise(in.enterpriseId());
        }
        Dictionary<String, Object> p = c.getProperties();
        if (in.enterpriseId() != null) {
            p.put("enterpriseId", in.enterpriseId());
        }
        if (in.description() != null) {
            p.put("description", in.description());
        }
        if (in.enabled() != null) {
            p.put("enabled", in.enabled());
        }
        update(c, p);
        return view(p);
    }

    @DELETE
    @RequiresPermission(MqttModule.ADMIN)
    @Path("devices/{deviceId}")
    public Response delete(@PathParam("deviceId") String deviceId) {
        try {
            visible(deviceId).delete();
        } catch (IOException e) {
            throw new IllegalStateException("configuration store failed", e);
        }
        return Response.noContent().build();
    }

    /** Generates a new secret, stores only its hash and returns the secret this once. The old secret stops working. */
    @POST
    @RequiresPermission(MqttModule.ADMIN)
    @Path("devices/{deviceId}/secret")
    public SecretView rotateSecret(@PathParam("deviceId") String deviceId) {
        Configuration c = visible(deviceId);
        String secret = Secrets.generate();
        Dictionary<String, Object> p = c.getProperties();
        p.put("secretHash", Secrets.hash(secret));
        update(c, p);
        return new SecretView(deviceId, deviceId, secret, "chempark/v1/" + deviceId + "/readings",
                "shown once; only a hash is stored. 仅显示一次，平台只保存散列值。");
    }

    /** Broker and ingest counters. */
    @GET
    @Path("status")
    public Map<String, Object> status() {
        DataScope.requireParkWide();
        Map<String, Object> m = new LinkedHashMap<>();
        MqttBroker b = broker;
        MqttIngest i = ingest;
        m.put("broker", b == null ? "STOPPED" : "RUNNING");
        m.put("port", b == null ? null : b.runtime().port());
        m.put("backlog", b == null ? null : b.runtime().backlog());
        m.put("ingest", i == null ? "WAITING_FOR_READING_SINK" : "RUNNING");
        m.put("messages", i == null ? 0 : i.loop().messages());
        m.put("readings", i == null ? 0 : i.loop().readings());
        m.put("deadLetters", i == null ? 0 : i.loop().deadLetters());
        m.put("sinkFailures", i == null ? 0 : i.loop().sinkFailures());
        m.put("devices", registry.all().size());
        return m;
    }

    private static void validate(Validation v, DeviceInput in) {
        if (in.enterpriseId() != null) {
            v.min("enterpriseId", in.enterpriseId(), 0);
        }
        if (in.description() != null) {
            v.maxLength("description", in.description(), 500);
        }
    }

    private static void checkEnterprise(Long enterpriseId) {
        DataScope scope = DataScope.current();
        Long e = enterpriseId == null || enterpriseId == 0 ? null : enterpriseId;
        if (!scope.allows(e)) {
            throw new ProblemException(403, "Forbidden", "you may manage devices of your own enterprise only; set enterpriseId to it", null);
        }
    }

    private static void update(Configuration c, Dictionary<String, Object> p) {
        try {
            c.update(p);
        } catch (IOException e) {
            throw new IllegalStateException("configuration store failed", e);
        }
    }

    private Configuration visible(String deviceId) {
        if (deviceId == null || !DeviceRegistry.DEVICE_ID.matcher(deviceId).matches()) {
            throw ProblemException.notFound("MQTT device", deviceId);
        }
        List<Configuration> cs = configurations(deviceId);
        if (cs.isEmpty()) {
            throw ProblemException.notFound("MQTT device", deviceId);
        }
        Configuration c = cs.get(0);
        DeviceView v = view(c.getProperties());
        if (v == null || !DataScope.current().allows(v.enterpriseId())) {
            throw ProblemException.notFound("MQTT device", deviceId);
        }
        return c;
    }

    private List<Configuration> configurations(String deviceId) {
        String filter = "(service.factoryPid=" + MqttDevice.FACTORY_PID + ")";
        if (deviceId != null) {
            filter = "(&" + filter + "(deviceId=" + deviceId + "))";
        }
        try {
            Configuration[] cs = configAdmin.listConfigurations(filter);
            return cs == null ? List.of() : List.of(cs);
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("configuration store failed", e);
        }
    }

    private DeviceView view(Dictionary<String, Object> p) {
        if (p == null || !(p.get("deviceId") instanceof String id)) {
            return null;
        }
        long ent = p.get("enterpriseId") instanceof Number n ? n.longValue()
                : p.get("enterpriseId") instanceof String s && !s.isBlank() ? Long.parseLong(s.trim()) : 0L;
        Object en = p.get("enabled");
        boolean enabled = en == null || Boolean.parseBoolean(String.valueOf(en));
        Object hash = p.get("secretHash");
        SourceStatus st = registry.status(id);
        DeviceRegistry.DeviceState ds = registry.state(id);
        String state = !enabled ? "DISABLED" : st.state().name();
        return new DeviceView(id, "mqtt:" + id, ent == 0 ? null : ent, p.get("description") == null ? "" : String.valueOf(p.get("description")),
                enabled, hash != null && !String.valueOf(hash).isBlank(), "chempark/v1/" + id + "/readings", state,
                !enabled ? "disabled in its configuration" : st.reason(), st.since(), st.lastReading(), st.readings(), ds.messages(),
                ds.rejected());
    }
}
