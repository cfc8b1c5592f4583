package org.chempark.bridge.modbus.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
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

/**
 * {@code /api/v1/modbus/devices}: the Modbus devices (factory configurations
 * {@value ModbusDeviceConfig#PID}) with their live status; create or change one with PUT, remove
 * it with DELETE. The same configurations are editable in the Karaf web console.
 */
@Component(service = ModbusResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + ModbusModule.ID })
@Path("modbus")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModbusResource {
    private final ConfigurationAdmin configAdmin;

    // the devices come and go with their configurations: a dynamic list, not constructor-injected
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = ModbusDevice.class)
    private final List<ModbusDevice> devices = new CopyOnWriteArrayList<>();

    @Activate
    public ModbusResource(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** A device's settings as PUT takes them; missing fields take the defaults of the configuration. */
    public record DeviceRequest(String host, Integer port, Integer unitId, Integer pollIntervalMs, Integer timeoutMs, Boolean enabled,
            Integer maxRegistersPerRead, Integer maxGap, Long enterpriseId, List<String> registerMap) {
    }

    /** A device as the API shows it. */
    public record DeviceView(String name, String sourceId, String host, int port, int unitId, int pollIntervalMs, int timeoutMs, boolean enabled,
            int maxRegistersPerRead, int maxGap, long enterpriseId, int points, int requestsPerPoll, SourceStatus status,
            DevicePoller.Stats stats, List<String> registerMap, String createdBy) {
    }

    @GET
    @Path("devices")
    @RequiresPermission("modbus:read")
    public List<DeviceView> list() throws IOException {
        DataScope scope = DataScope.current();
        List<DeviceView> out = new ArrayList<>();
        for (Configuration c : configurations()) {
            DeviceView v = view(c, false);
            if (visible(scope, v.enterpriseId())) {
                out.add(v);
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    @GET
    @Path("devices/{name}")
    @RequiresPermission("modbus:read")
    public DeviceView get(@PathParam("name") String name) throws IOException {
        Configuration c = find(name).orElseThrow(() -> ProblemException.notFound("Modbus device", name));
        DeviceView v = view(c, true);
        if (!visible(DataScope.current(), v.enterpriseId())) {
            throw ProblemException.notFound("Modbus device", name);
        }
        return v;
    }

    @PUT
    @Path("devices/{name}")
    @RequiresPermission("modbus:admin")
    public Response put(@PathParam("name") String name, DeviceRequest r) throws IOException {
        DataScope.requireParkWide();
        List<FieldError> errors = new ArrayList<>();
        if (!ModbusDevice.NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "pattern", "name '" + name + "' must be 1-64 letters, digits, '-', '_' or '.'"));
        }
        if (r == null) {
            errors.add(new FieldError("registerMap", "required", "send the device as JSON: host, port, unitId, registerMap (one line per point: "
                    + RegisterMap.FORMAT + ")"));
            throw ProblemException.invalid(errors);
        }
        if (r.host() == null || r.host().isBlank()) {
            errors.add(new FieldError("host", "required", "host is required (name or IP address of the Modbus TCP slave)"));
        }
        range(errors, "port", r.port(), 1, 65535, 502);
        range(errors, "unitId", r.unitId(), 0, 255, 1);
        range(errors, "pollIntervalMs", r.pollIntervalMs(), 100, 86_400_000, 1000);
        range(errors, "timeoutMs", r.timeoutMs(), 50, 60_000, 1000);
        range(errors, "maxRegistersPerRead", r.maxRegistersPerRead(), 2, BlockPlanner.PROTOCOL_MAX, 125);
        range(errors, "maxGap", r.maxGap(), 0, 123, 8);
        if (r.enterpriseId() != null && r.enterpriseId() < 0) {
            errors.add(new FieldError("enterpriseId", "range", "enterpriseId must be an enterprise id, or 0 for a park-level device"));
        }
        if (r.registerMap() == null || r.registerMap().isEmpty()) {
            errors.add(new FieldError("registerMap", "required", "registerMap needs one line per point: " + RegisterMap.FORMAT));
        } else {
            try {
                RegisterMap.parse(r.registerMap().toArray(String[]::new));
            } catch (RegisterMapException e) {
                e.problems().forEach(p -> errors.add(new FieldError("registerMap", "format", p)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Optional<Configuration> existing = find(name);
        Configuration c = existing.orElse(null);
        if (c == null) {
            c = configAdmin.getFactoryConfiguration(ModbusDeviceConfig.PID, name, "?");
        }
        Dictionary<String, Object> p = new Hashtable<>();
        Dictionary<String, Object> old = c.getProperties();
        if (old != null && old.get("createdBy") != null) {
            p.put("createdBy", old.get("createdBy"));
        }
        p.put("name", name);
        p.put("host", r.host().strip());
        p.put("port", or(r.port(), 502));
        p.put("unitId", or(r.unitId(), 1));
        p.put("pollIntervalMs", or(r.pollIntervalMs(), 1000));
        p.put("timeoutMs", or(r.timeoutMs(), 1000));
        p.put("enabled", r.enabled() == null || r.enabled());
        p.put("maxRegistersPerRead", or(r.maxRegistersPerRead(), 125));
        p.put("maxGap", or(r.maxGap(), 8));
        p.put("enterpriseId", r.enterpriseId() == null ? 0L : r.enterpriseId());
        p.put("registerMap", r.registerMap().toArray(String[]::new));
        c.update(p);
        DeviceView v = view(c, true);
        return (existing.isPresent() ? Response.ok(v) : Response.status(201).header("Location", Rest.BASE_PATH + "/modbus/devices/" + name).entity(v))
                .build();
    }

    @DELETE
    @Path("devices/{name}")
    @RequiresPermission("modbus:admin")
    public Response delete(@PathParam("name") String name) throws IOException {
        DataScope.requireParkWide();
        Configuration c = find(name).orElseThrow(() -> ProblemException.notFound("Modbus device", name));
        c.delete();
        return Response.noContent().build();
    }

    private static boolean visible(DataScope scope, long enterpriseId) {
        return scope.unrestricted() || enterpriseId > 0 && scope.allows(enterpriseId);
    }

    private static void range(List<FieldError> errors, String field, Integer v, int min, int max, int dflt) {
        if (v != null && (v < min || v > max)) {
            errors.add(new FieldError(field, "range", field + " " + v + " must be between " + min + " and " + max + " (default " + dflt + ")"));
        }
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    private List<Configuration> configurations() throws IOException {
        try {
            Configuration[] cs = configAdmin.listConfigurations("(service.factoryPid=" + ModbusDeviceConfig.PID + ")");
            return cs == null ? List.of() : Arrays.asList(cs);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Configuration> find(String name) throws IOException {
        return configurations().stream().filter(c -> name.equals(String.valueOf(c.getProperties().get("name")))).findFirst();
    }

    private DeviceView view(Configuration c, boolean withMap) {
        Dictionary<String, Object> p = c.getProperties();
        String name = String.valueOf(p.get("name"));
        Optional<ModbusDevice> live = devices.stream().filter(d -> d.name().equals(name)).findFirst();
        List<String> map = lines(p.get("registerMap"));
        int points = live.map(d -> d.poller().points().size()).orElse(0);
        int requests = live.map(d -> d.poller().blocks().size()).orElse(0);
        return new DeviceView(name, "modbus:" + name, String.valueOf(p.get("host")), num(p.get("port"), 502), num(p.get("unitId"), 1),
                num(p.get("pollIntervalMs"), 1000), num(p.get("timeoutMs"), 1000), !"false".equals(String.valueOf(p.get("enabled"))),
                num(p.get("maxRegistersPerRead"), 125), num(p.get("maxGap"), 8), p.get("enterpriseId") == null ? 0L
                        : Long.parseLong(String.valueOf(p.get("enterpriseId"))),
                points, requests, live.map(ModbusDevice::status).orElse(null), live.map(d -> d.poller().stats()).orElse(null),
                withMap ? map : null, p.get("createdBy") == null ? null : String.valueOf(p.get("createdBy")));
    }

    private static int num(Object o, int d) {
        try {
            return o == null ? d : Integer.parseInt(String.valueOf(o));
        } catch (NumberFormatException e) {
            return d;
        }
    }

    private static List<String> lines(Object o) {
        if (o instanceof String[] a) {
            return List.of(a);
        }
        if (o instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return o == null ? List.of() : List.of(String.valueOf(o).split("\\r?\\n"));
    }

}
